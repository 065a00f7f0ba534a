// Batch status change and batch assignment for the shots selected in the table: pick the
// task type and the status (or the people); the change goes as one undo step.
import type { Project } from '@aipipeline/contracts'
import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiErrorText } from '../../../api/error-text'
import { assigneeEdit, type HistoryEntry, statusEdit } from './edit-history'
import type { GridTable } from './table-loading'
import { type TaskIndex, taskAt } from './table-model'

export type BatchMode = 'status' | 'assign'

interface Props {
  mode: BatchMode | null
  project: Project
  table: GridTable
  index: TaskIndex
  /** Shot indexes of the selection. */
  shots: readonly number[]
  members: { userId: string; displayName: string }[]
  apply: (entry: HistoryEntry) => Promise<void>
  onClose: () => void
}

/** The dialog of one batch action on the selected shots' tasks of one task type. */
export function BatchTaskDialog(props: Props) {
  const { t } = useTranslation()
  const { mode, project, table, index, shots } = props
  const [taskTypeId, setTaskTypeId] = useState<string | null>(null)
  const [statusId, setStatusId] = useState<string | null>(null)
  const [userIds, setUserIds] = useState<string[]>([])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (mode === null) return
    setTaskTypeId(project.taskTypes[0]?.id ?? null)
    setStatusId(null)
    setUserIds([])
    setError(null)
  }, [mode, project])

  const tasks = shots.flatMap((shot) => {
    const task = taskTypeId === null ? -1 : taskAt(index, taskTypeId, shot)
    return task < 0 ? [] : [task]
  })
  const entry = (): HistoryEntry | null => {
    if (mode === 'status' && statusId !== null)
      return statusEdit(
        tasks.map((task) => ({ taskId: table.tasks.id[task] ?? '', statusId: table.tasks.statusId[task] ?? null })),
        statusId,
      )
    if (mode === 'assign')
      return assigneeEdit(
        tasks.map((task) => ({ taskId: table.tasks.id[task] ?? '', assigneeIds: table.tasks.assigneeIds[task] ?? [] })),
        userIds,
      )
    return null
  }

  const submit = async () => {
    const change = entry()
    if (!change) return
    setBusy(true)
    setError(null)
    try {
      await props.apply(change)
      props.onClose()
    } catch (e) {
      setError(apiErrorText(e, t))
    } finally {
      setBusy(false)
    }
  }

  const settable = project.statuses.filter((s) => s.canSet)
  return (
    <Modal
      opened={mode !== null}
      onClose={props.onClose}
      title={mode === 'assign' ? t('projects.batch.assignTitle') : t('projects.batch.statusTitle')}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('projects.batch.tasks', { count: tasks.length, shots: shots.length })}
        </Text>
        <Select
          label={t('projects.filters.taskType')}
          data-testid="batch-task-type"
          data={project.taskTypes.map((tt) => ({ value: tt.id, label: tt.name }))}
          value={taskTypeId}
          onChange={setTaskTypeId}
          allowDeselect={false}
          comboboxProps={{ withinPortal: false }}
        />
        {mode === 'status' ? (
          <Select
            label={t('projects.filters.status')}
            data-testid="batch-status-select"
            data={settable.map((s) => ({ value: s.id, label: s.name }))}
            value={statusId}
            onChange={setStatusId}
            comboboxProps={{ withinPortal: false }}
          />
        ) : (
          <MultiSelect
            label={t('projects.batch.people')}
            data-testid="batch-people"
            placeholder={t('projects.batch.nobody')}
            data={props.members.map((m) => ({ value: m.userId, label: m.displayName }))}
            value={userIds}
            onChange={setUserIds}
            comboboxProps={{ withinPortal: false }}
          />
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('projects.common.cancel')}
          </Button>
          <Button
            onClick={() => void submit()}
            loading={busy}
            disabled={tasks.length === 0 || (mode === 'status' && statusId === null)}
            data-testid="batch-apply"
          >
            {t('projects.batch.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
