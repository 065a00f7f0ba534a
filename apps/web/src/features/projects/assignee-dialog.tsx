// Picks the people assigned to a task (set mode of the batch assign route).
import { productionRoutes } from '@aipipeline/contracts'
import { Alert, Button, Group, Modal, MultiSelect, Stack } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/api-context'
import { ApiError } from '../../api/api-error'
import { projectKeys, useMembers } from './project-queries'

export interface AssigneeTarget {
  taskId: string
  assigneeIds: string[]
  label: string
}

/** A dialog that sets the assignees of one task. */
export function AssigneeDialog(props: { projectId: string; target: AssigneeTarget | null; onClose: () => void }) {
  const { projectId, target, onClose } = props
  const { t } = useTranslation()
  const api = useApi()
  const queryClient = useQueryClient()
  const members = useMembers(projectId).data ?? []
  const [userIds, setUserIds] = useState<string[]>([])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    setUserIds(target?.assigneeIds ?? [])
    setError(null)
  }, [target])

  const submit = async () => {
    if (!target) return
    setBusy(true)
    try {
      await api.call(productionRoutes.batchAssign, {
        params: { projectId },
        body: { taskIds: [target.taskId], userIds, mode: 'set' },
      })
      void queryClient.invalidateQueries({ queryKey: projectKeys.table(projectId) })
      onClose()
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={t('projects.assignDialog.title', { label: target?.label ?? '' })}
    >
      <Stack gap="sm">
        <MultiSelect
          label={t('projects.assignDialog.people')}
          data={members.map((m) => ({ value: m.userId, label: m.displayName }))}
          value={userIds}
          onChange={setUserIds}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
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
          <Button onClick={submit} loading={busy}>
            {t('projects.assignDialog.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
