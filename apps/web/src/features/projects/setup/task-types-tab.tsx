// The project's task types in column order: drag to reorder, edit name, short name, colour
// and department, add (a task on every shot) and delete (refused while any task of it was
// worked on; the refusal says what uses it).
import { type Project, productionRoutes } from '@aipipeline/contracts'
import { Badge, ColorInput, ColorSwatch, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/api-context'
import { ConfigDialogFooter, ConfigErrorAlert, ConfigListHeader, ConfigRowActions } from './config-editor-parts'
import { SortableRows } from './sortable-rows'
import { useConfigChange } from './use-config-change'

interface TaskTypeForm {
  name: string
  shortName: string
  color: string
  department: string
}
type Editing = { taskTypeId: string | null; form: TaskTypeForm } | null

/** The Task types tab of the project settings. */
export function TaskTypesTab({ project, readOnly }: { project: Project; readOnly: boolean }) {
  const { t } = useTranslation()
  const api = useApi()
  const projectId = project.id
  const [editing, setEditing] = useState<Editing>(null)
  const save = useConfigChange(
    projectId,
    async ({ taskTypeId, form }: { taskTypeId: string | null; form: TaskTypeForm }) => {
      const body = {
        name: form.name.trim(),
        shortName: form.shortName.trim(),
        color: form.color,
        department: form.department.trim() === '' ? null : form.department.trim(),
      }
      if (taskTypeId === null) await api.call(productionRoutes.createTaskType, { params: { projectId }, body })
      else await api.call(productionRoutes.updateTaskType, { params: { projectId, taskTypeId }, body })
    },
  )
  const move = useConfigChange(projectId, ({ id, position }: { id: string; position: number }) =>
    api.call(productionRoutes.updateTaskType, { params: { projectId, taskTypeId: id }, body: { position } }),
  )
  const remove = useConfigChange(projectId, (taskTypeId: string) =>
    api.callNoContent(productionRoutes.deleteTaskType, { params: { projectId, taskTypeId } }),
  )
  const error = move.errorText ?? remove.errorText
  return (
    <Stack gap="sm">
      <ConfigListHeader
        hint={`${t('projectSetup.common.dragHint')} ${t('projectSetup.taskTypes.hint')}`}
        addLabel={t('projectSetup.taskTypes.add')}
        readOnly={readOnly}
        onAdd={() => {
          save.reset()
          setEditing({ taskTypeId: null, form: { name: '', shortName: '', color: '#888888', department: '' } })
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
        items={project.taskTypes}
        disabled={readOnly}
        label={(tt) => tt.name}
        onMove={(id, position) => move.mutate({ id, position })}
        render={(tt) => (
          <>
            <ColorSwatch color={tt.color} size={18} />
            <Text fw={500} w={160} truncate>
              {tt.name}
            </Text>
            <Badge variant="light" color="gray" w={60}>
              {tt.shortName}
            </Badge>
            <Text size="sm" c="dimmed" style={{ flex: 1 }}>
              {tt.department ?? ''}
            </Text>
            <ConfigRowActions
              name={tt.name}
              readOnly={readOnly}
              onEdit={() => {
                save.reset()
                setEditing({
                  taskTypeId: tt.id,
                  form: { name: tt.name, shortName: tt.shortName, color: tt.color, department: tt.department ?? '' },
                })
              }}
              onDelete={() => remove.mutate(tt.id)}
            />
          </>
        )}
      />
      <TaskTypeDialog
        initial={editing?.form ?? null}
        busy={save.isPending}
        error={save.errorText}
        onClose={() => setEditing(null)}
        onSave={(form) =>
          editing && save.mutate({ taskTypeId: editing.taskTypeId, form }, { onSuccess: () => setEditing(null) })
        }
      />
    </Stack>
  )
}

function TaskTypeDialog(props: {
  initial: TaskTypeForm | null
  busy: boolean
  error: string | null
  onSave: (form: TaskTypeForm) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [form, setForm] = useState<TaskTypeForm | null>(props.initial)
  useEffect(() => setForm(props.initial), [props.initial])
  if (!form) return null
  const set = (patch: Partial<TaskTypeForm>) => setForm({ ...form, ...patch })
  const valid = form.name.trim() !== '' && form.shortName.trim() !== '' && /^#[0-9a-fA-F]{6}$/.test(form.color)
  return (
    <Modal opened onClose={props.onClose} title={form.name || t('projectSetup.taskTypes.add')}>
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput
            label={t('projectSetup.common.name')}
            value={form.name}
            maxLength={60}
            onChange={(e) => set({ name: e.currentTarget.value })}
            required
            data-autofocus
          />
          <TextInput
            label={t('projectSetup.common.shortName')}
            value={form.shortName}
            maxLength={10}
            onChange={(e) => set({ shortName: e.currentTarget.value })}
            required
          />
          <ColorInput
            label={t('projectSetup.common.colour')}
            value={form.color}
            format="hex"
            onChange={(color) => set({ color })}
          />
          <TextInput
            label={t('projectSetup.common.department')}
            value={form.department}
            maxLength={60}
            onChange={(e) => set({ department: e.currentTarget.value })}
          />
        </SimpleGrid>
        <ConfigDialogFooter
          error={props.error}
          busy={props.busy}
          canSave={valid}
          onCancel={props.onClose}
          onSave={() => props.onSave(form)}
        />
      </Stack>
    </Modal>
  )
}
