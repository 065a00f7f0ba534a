// The project's task statuses in board order: drag to reorder, edit name, colour and flags,
// add and delete. The server keeps the rules (one default status, no deleting a status in
// use) and its refusals are shown translated.
import { type Project, productionRoutes } from '@aipipeline/contracts'
import { Badge, ColorSwatch, Group, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/api-context'
import { ConfigErrorAlert, ConfigListHeader, ConfigRowActions } from './config-editor-parts'
import { SortableRows } from './sortable-rows'
import { StatusDialog } from './status-dialog'
import {
  createStatusRequest,
  newStatusForm,
  STATUS_FLAGS,
  type StatusForm,
  statusForm,
  updateStatusRequest,
} from './status-form'
import { useConfigChange } from './use-config-change'

type Editing = { statusId: string | null; form: StatusForm } | null

/** The Statuses tab of the project settings. */
export function StatusesTab({ project, readOnly }: { project: Project; readOnly: boolean }) {
  const { t } = useTranslation()
  const api = useApi()
  const projectId = project.id
  const [editing, setEditing] = useState<Editing>(null)
  const save = useConfigChange(projectId, async ({ statusId, before, after }: SaveVars) => {
    if (statusId === null) {
      await api.call(productionRoutes.createStatus, { params: { projectId }, body: createStatusRequest(after) })
      return
    }
    const body = updateStatusRequest(before, after)
    if (body) await api.call(productionRoutes.updateStatus, { params: { projectId, statusId }, body })
  })
  const move = useConfigChange(projectId, ({ id, position }: { id: string; position: number }) =>
    api.call(productionRoutes.updateStatus, { params: { projectId, statusId: id }, body: { position } }),
  )
  const remove = useConfigChange(projectId, (statusId: string) =>
    api.callNoContent(productionRoutes.deleteStatus, { params: { projectId, statusId } }),
  )
  const error = move.errorText ?? remove.errorText
  return (
    <Stack gap="sm">
      <ConfigListHeader
        hint={t('projectSetup.common.dragHint')}
        addLabel={t('projectSetup.statuses.add')}
        readOnly={readOnly}
        onAdd={() => {
          save.reset()
          setEditing({ statusId: null, form: newStatusForm() })
        }}
      />
      <ConfigErrorAlert
        error={error}
        onClose={() => {
          move.reset()
          remove.reset()
        }}
      />
      <SortableRows
        items={project.statuses}
        disabled={readOnly}
        label={(s) => s.name}
        onMove={(id, position) => move.mutate({ id, position })}
        render={(s) => (
          <>
            <ColorSwatch color={s.color} size={18} />
            <Text fw={500} w={140} truncate>
              {s.name}
            </Text>
            <Badge variant="light" color="gray" w={60}>
              {s.shortName}
            </Badge>
            <Text size="xs" c="dimmed" w={90}>
              {t(`projectSetup.statuses.roles.${s.boardRole}`)}
            </Text>
            <Group gap={4} style={{ flex: 1 }}>
              {STATUS_FLAGS.filter((f) => s[f]).map((f) => (
                <Badge key={f} size="xs" variant="outline">
                  {t(`projectSetup.statuses.flagShort.${f}`)}
                </Badge>
              ))}
            </Group>
            <ConfigRowActions
              name={s.name}
              readOnly={readOnly}
              onEdit={() => {
                save.reset()
                setEditing({ statusId: s.id, form: statusForm(s) })
              }}
              onDelete={() => remove.mutate(s.id)}
            />
          </>
        )}
      />
      <StatusDialog
        initial={editing?.form ?? null}
        title={
          editing?.statusId
            ? t('projectSetup.statuses.editTitle', { name: editing.form.name })
            : t('projectSetup.statuses.newTitle')
        }
        busy={save.isPending}
        error={save.errorText}
        onClose={() => setEditing(null)}
        onSave={(after) => {
          if (!editing) return
          save.mutate(
            { statusId: editing.statusId, before: editing.form, after },
            { onSuccess: () => setEditing(null) },
          )
        }}
      />
    </Stack>
  )
}

interface SaveVars {
  statusId: string | null
  before: StatusForm
  after: StatusForm
}
