// What can be done with a version from the gallery and the full-size viewer: render from it
// (refine, guide, upscale, interpolate). One small component so that further actions (fix a
// region, compare, approve, retake) join here rather than in the viewer and details panels.
// Each role sees only the buttons it can use.
import type { Project } from '@aipipeline/contracts'
import { Button, Group, Tooltip } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../../api/api-context'
import { DeriveDialog } from '../../refine/derive-dialog'
import { canDeriveFrom, DIALOG_MODES, type DialogMode, modeFitsKind } from '../../refine/derive-modes'
import type { ShotVersion } from './version-files'

export interface VersionActionsProps {
  project: Project
  version: ShotVersion
  /** The shot's versions (control images come from them). */
  versions: readonly ShotVersion[]
  /** The shot's tasks with their assignees: an artist renders only on their own. */
  tasks: readonly { id: string; assigneeIds: readonly string[] }[]
  label: (v: ShotVersion) => string
  size?: 'compact-sm' | 'xs'
}

export function VersionActions(props: VersionActionsProps) {
  const { t } = useTranslation()
  const session = useSession()
  const [mode, setMode] = useState<DialogMode | null>(null)
  const { version } = props
  const me = { role: props.project.myRole, userId: session?.user.id ?? '' }
  const task = props.tasks.find((x) => x.id === version.taskId)
  const modes = canDeriveFrom(me, task) ? DIALOG_MODES.filter((m) => modeFitsKind(m, version.kind)) : []
  if (modes.length === 0) return null
  return (
    <Group gap={6} data-testid="version-actions" aria-label={t('refine.actions.label')} role="group">
      {modes.map((m) => (
        <Tooltip key={m} label={t(`refine.actions.hint.${m}`)} openDelay={400}>
          <Button
            size={props.size ?? 'compact-sm'}
            variant="light"
            onClick={() => setMode(m)}
            data-testid={`version-action-${m}`}
          >
            {t(`refine.actions.${m}`)}
          </Button>
        </Tooltip>
      ))}
      {mode !== null && (
        <DeriveDialog
          mode={mode}
          project={props.project}
          version={version}
          versions={props.versions}
          label={props.label}
          onClose={() => setMode(null)}
        />
      )}
    </Group>
  )
}
