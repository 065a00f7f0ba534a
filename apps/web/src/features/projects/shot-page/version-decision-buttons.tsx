// Approve and Retake on a version, shown only to those the status rules let post the decision's
// status on its task (the same rules the server applies). Retake asks for a note, and for
// video offers the frame on screen. After a decision the task, the table and the board re-read.
import type { Project } from '@aipipeline/contracts'
import { productionRoutes } from '@aipipeline/contracts'
import { Alert, Button, Checkbox, Group, Modal, Stack, Textarea } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/api-context'
import { apiErrorText } from '../../../api/error-text'
import { projectKeys } from '../project-queries'
import { useDecisionStatuses } from './decision-statuses'

interface DecisionTarget {
  id: string
  taskId: string
  kind: 'image' | 'video'
}

/** The buttons; `frame` is the video frame on screen (0-based), offered with the retake note. */
export function VersionDecisionButtons(props: {
  project: Project
  version: DecisionTarget
  frame?: number | undefined
  size?: 'xs' | 'sm'
}) {
  const { t } = useTranslation()
  const api = useApi()
  const queryClient = useQueryClient()
  const rights = useDecisionStatuses(props.project, props.version.taskId)
  const [retaking, setRetaking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const { project, version } = props

  const refresh = async () => {
    await Promise.all(
      [
        projectKeys.task(version.taskId),
        projectKeys.latestVersions(project.id),
        projectKeys.table(project.id),
        projectKeys.version(version.id),
      ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    )
  }
  const approve = async () => {
    setBusy(true)
    setError(null)
    try {
      await api.call(productionRoutes.approveVersion, { params: { versionId: version.id }, body: { note: '' } })
      await refresh()
    } catch (err) {
      setError(apiErrorText(err, t))
    } finally {
      setBusy(false)
    }
  }

  if (rights.approve === null && rights.retake === null) return null
  return (
    <>
      <Group gap={6} wrap="nowrap">
        {rights.approve !== null && (
          <Button
            size={props.size ?? 'xs'}
            color="green"
            loading={busy}
            onClick={approve}
            data-testid="approve-version"
          >
            {t('projects.decision.approve')}
          </Button>
        )}
        {rights.retake !== null && (
          <Button
            size={props.size ?? 'xs'}
            color="red"
            variant="light"
            onClick={() => setRetaking(true)}
            data-testid="retake-version"
          >
            {t('projects.decision.retake')}
          </Button>
        )}
      </Group>
      {error && !retaking && (
        <Alert color="red" role="alert" py={4} mt={4}>
          {error}
        </Alert>
      )}
      {retaking && (
        <RetakeDialog
          project={project}
          version={version}
          frame={version.kind === 'video' ? props.frame : undefined}
          onDone={async () => {
            setRetaking(false)
            await refresh()
          }}
          onClose={() => setRetaking(false)}
        />
      )}
    </>
  )
}

function RetakeDialog(props: {
  project: Project
  version: DecisionTarget
  frame: number | undefined
  onDone: () => Promise<void>
  onClose: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [note, setNote] = useState('')
  const [atFrame, setAtFrame] = useState(props.frame !== undefined)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      await api.call(productionRoutes.retakeVersion, {
        params: { versionId: props.version.id },
        body: { note, ...(atFrame && props.frame !== undefined ? { frame: props.frame } : {}) },
      })
      await props.onDone()
    } catch (err) {
      setError(apiErrorText(err, t))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal opened onClose={props.onClose} title={t('projects.decision.retakeTitle')} zIndex={400}>
      <Stack gap="sm">
        <Textarea
          label={t('projects.decision.note')}
          description={t('projects.decision.noteHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={3}
          data-autofocus
          data-testid="retake-note"
        />
        {props.frame !== undefined && (
          <Checkbox
            checked={atFrame}
            onChange={(e) => setAtFrame(e.currentTarget.checked)}
            label={t('projects.decision.atFrame', { frame: props.project.startFrame + props.frame })}
          />
        )}
        {error && (
          <Alert color="red" role="alert" py={6}>
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('projects.decision.cancel')}
          </Button>
          <Button color="red" loading={busy} disabled={note.trim() === ''} onClick={submit} data-testid="retake-submit">
            {t('projects.decision.sendRetake')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
