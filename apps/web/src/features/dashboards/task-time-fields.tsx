// A task's estimate and time spent, in hours, saved when a field is left. Planners (supervisor
// and up) edit both; an artist on the task logs time spent only; others read them.
import { productionRoutes } from '@aipipeline/contracts'
import { Group, NumberInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/api-context'
import { projectKeys, useTask } from '../projects/project-queries'

const toHours = (minutes: number | null) => (minutes === null ? '' : Math.round((minutes / 60) * 100) / 100)
const toMinutes = (hours: string | number) => (hours === '' ? null : Math.round(Number(hours) * 60))

export function TaskTimeFields(props: { taskId: string; canPlan: boolean; canLog: boolean }) {
  const { t } = useTranslation()
  const api = useApi()
  const queryClient = useQueryClient()
  const task = useTask(props.taskId).data
  const [estimate, setEstimate] = useState<string | number | undefined>(undefined)
  const [spent, setSpent] = useState<string | number | undefined>(undefined)
  const save = useMutation({
    mutationFn: (body: { estimateMinutes?: number | null; timeSpentMinutes?: number }) =>
      api.call(productionRoutes.updateTask, { params: { taskId: props.taskId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.task(props.taskId) }),
  })
  if (!task) return null
  return (
    <Group gap={4} wrap="nowrap">
      <NumberInput
        aria-label={t('dashboards.task.estimate')}
        placeholder={t('dashboards.task.estimate')}
        size="xs"
        w={90}
        min={0}
        decimalScale={2}
        value={estimate ?? toHours(task.estimateMinutes)}
        disabled={!props.canPlan}
        onChange={setEstimate}
        onBlur={() => estimate !== undefined && save.mutate({ estimateMinutes: toMinutes(estimate) })}
      />
      <NumberInput
        aria-label={t('dashboards.task.timeSpent')}
        placeholder={t('dashboards.task.timeSpent')}
        size="xs"
        w={90}
        min={0}
        decimalScale={2}
        value={spent ?? toHours(task.timeSpentMinutes)}
        disabled={!props.canLog}
        onChange={setSpent}
        onBlur={() => spent !== undefined && save.mutate({ timeSpentMinutes: toMinutes(spent) ?? 0 })}
      />
    </Group>
  )
}
