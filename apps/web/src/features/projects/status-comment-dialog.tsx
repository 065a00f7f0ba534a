// Changing a task's status is posting a comment that records the change (the server's one
// write path for status). Used by the shot table's status cells.
import { type Project, productionRoutes } from '@aipipeline/contracts'
import { Alert, Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/api-context'
import { apiErrorText } from '../../api/error-text'
import { projectKeys } from './project-queries'

export interface StatusTarget {
  taskId: string
  statusId: string | null
  /** "SQ010 SH0010 · Keyframe", for the dialog title. */
  label: string
}

interface Props {
  projectId: string
  target: StatusTarget | null
  statuses: Project['statuses']
  onClose: () => void
}

/** A dialog that posts a status comment on one task. */
export function StatusCommentDialog({ projectId, target, statuses, onClose }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const queryClient = useQueryClient()
  const [statusId, setStatusId] = useState<string | null>(null)
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    setStatusId(target?.statusId ?? null)
    setText('')
    setError(null)
  }, [target])

  const submit = async () => {
    if (!target || statusId === null) return
    setBusy(true)
    setError(null)
    try {
      await api.call(productionRoutes.postComment, {
        params: { taskId: target.taskId },
        body: { text, statusId },
      })
      void queryClient.invalidateQueries({ queryKey: projectKeys.table(projectId) })
      void queryClient.invalidateQueries({ queryKey: projectKeys.task(target.taskId) })
      onClose()
    } catch (e) {
      setError(apiErrorText(e, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={t('projects.statusDialog.title', { label: target?.label ?? '' })}
    >
      <Stack gap="sm">
        <Select
          label={t('projects.statusDialog.status')}
          data={statuses.map((s) => ({ value: s.id, label: s.name, disabled: !s.canSet }))}
          value={statusId}
          onChange={setStatusId}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Textarea
          label={t('projects.statusDialog.comment')}
          placeholder={t('projects.statusDialog.commentPlaceholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('projects.common.cancel')}
          </Button>
          <Button onClick={submit} loading={busy} disabled={statusId === null || statusId === target?.statusId}>
            {t('projects.statusDialog.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
