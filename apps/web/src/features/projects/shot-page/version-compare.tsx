// Opening the compare viewer from the shot page: pick two versions in the gallery's strip, or
// compare the selected one with its parent or with the task's previous approved version.
// Each side of the viewer carries Approve and Retake for the roles that may use them.
import type { Project } from '@aipipeline/contracts'
import { Button, Group, Text } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CompareSource } from '../../../components/media/compare/compare-stage'
import { CompareViewer } from '../../../components/media/compare/compare-viewer'
import { useTask, useVersion } from '../project-queries'
import { parentToCompare, previousApproved } from './compare-candidates'
import { VersionDecisionButtons } from './version-decision-buttons'
import { outputFile, type ShotVersion, useVersionFileUrl } from './version-files'

function useCompareSource(version: ShotVersion, label: string): CompareSource {
  const url = useVersionFileUrl(outputFile(version)?.id ?? null)
  const poster = useVersionFileUrl(version.kind === 'video' ? version.thumbnailFileId : null)
  return { kind: version.kind, url, poster, label }
}

/** The viewer over two versions of the shot. */
export function VersionCompare(props: {
  project: Project
  a: ShotVersion
  b: ShotVersion
  label: (v: ShotVersion) => string
  onClose: () => void
}) {
  const a = useCompareSource(props.a, props.label(props.a))
  const b = useCompareSource(props.b, props.label(props.b))
  return (
    <CompareViewer
      a={a}
      b={b}
      fps={props.project.fps}
      startFrame={props.project.startFrame}
      onClose={props.onClose}
      actions={(side, frame) => (
        <VersionDecisionButtons project={props.project} version={side === 'a' ? props.a : props.b} frame={frame} />
      )}
    />
  )
}

/** The compare buttons under the gallery's stage; `picked` is the strip's pick (null when not picking). */
export function CompareBar(props: {
  project: Project
  versions: ShotVersion[]
  selected: ShotVersion
  picked: string[] | null
  onPicking: (picked: string[] | null) => void
  label: (v: ShotVersion) => string
}) {
  const { t } = useTranslation()
  const { versions, selected, picked } = props
  const [pair, setPair] = useState<[ShotVersion, ShotVersion] | null>(null)
  const existing = useMemo(() => new Set(versions.map((v) => v.id)), [versions])
  const inputs = useVersion(selected.id).data?.inputs ?? []
  const comments = useTask(selected.taskId).data?.comments ?? []
  const byId = (id: string | null) => versions.find((v) => v.id === id)
  const parent = byId(parentToCompare(inputs, existing))
  const approved = byId(previousApproved(comments, props.project.statuses, selected.id, existing))
  const open = (other: ShotVersion | undefined, first: ShotVersion = selected) => {
    if (other) setPair([first, other])
  }
  const [pickA, pickB] = (picked ?? []).map(byId)

  return (
    <Group gap="xs" data-testid="compare-bar">
      {picked === null ? (
        <>
          <Button size="xs" variant="default" onClick={() => props.onPicking([])} data-testid="compare-pick">
            {t('projects.compare.pick')}
          </Button>
          {parent && (
            <Button size="xs" variant="default" onClick={() => open(parent)} data-testid="compare-parent">
              {t('projects.compare.withParent')}
            </Button>
          )}
          {approved && (
            <Button size="xs" variant="default" onClick={() => open(approved)} data-testid="compare-approved">
              {t('projects.compare.withApproved')}
            </Button>
          )}
        </>
      ) : (
        <>
          <Text size="xs" c="dimmed">
            {t('projects.compare.pickHint')} · {t('projects.compare.picked', { count: picked.length })}
          </Text>
          <Button
            size="xs"
            disabled={!pickA || !pickB}
            onClick={() => {
              if (pickA && pickB) open(pickB, pickA)
              props.onPicking(null)
            }}
            data-testid="compare-open"
          >
            {t('projects.compare.open')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => props.onPicking(null)}>
            {t('projects.compare.cancel')}
          </Button>
        </>
      )}
      {pair && (
        <VersionCompare
          project={props.project}
          a={pair[0]}
          b={pair[1]}
          label={props.label}
          onClose={() => setPair(null)}
        />
      )}
    </Group>
  )
}
