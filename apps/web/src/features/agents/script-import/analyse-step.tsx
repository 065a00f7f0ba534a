import type { AgentRunDetail } from '@aipipeline/contracts'
import { Alert, Anchor, Badge, Group, Progress, Stack, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { formatMicros } from '../../settings/models/money'
import { agentKeys, useAgentRun } from '../agent-queries'
import { isActive } from '../run-format'
import { useProjectRoomEvents } from '../use-project-room-events'

/** Live progress of the analysis run; moves on to the review when it completes. */
export function AnalyseStep({ runId, onCompleted }: { runId: string; onCompleted: () => void }) {
  const { t, i18n } = useTranslation()
  const run = useAgentRun(runId)
  const queryClient = useQueryClient()
  const status = run.data?.status
  useProjectRoomEvents(run.data ? [run.data.projectId] : [], {
    'agent-run:update': (e) => {
      if (e.runId !== runId) return
      // Progress comes with the event; the steps come with a refetch.
      queryClient.setQueryData<AgentRunDetail>(agentKeys.run(runId), (old) =>
        old ? { ...old, status: e.status, progress: e.progress, progressMessage: e.message, usage: e.usage } : old,
      )
      void queryClient.invalidateQueries({ queryKey: agentKeys.run(runId) })
    },
    'agent-step:update': (e) => {
      if (e.runId === runId) void queryClient.invalidateQueries({ queryKey: agentKeys.run(runId) })
    },
  })
  useEffect(() => {
    if (status === 'completed') onCompleted()
  }, [status, onCompleted])

  if (run.isError)
    return (
      <Alert color="red" variant="light">
        {t('agents.loadFailed', { message: run.error.message })}
      </Alert>
    )
  const r = run.data
  return (
    <Stack gap="sm" maw={720} data-testid="analysis-progress">
      <Text fw={600}>{t('agents.import.analysing')}</Text>
      <Progress
        value={r?.progress ?? 0}
        animated={r ? isActive(r.status) : true}
        size="lg"
        aria-label={t('agents.run.progress')}
      />
      <Text size="sm" c="dimmed">
        {r
          ? `${Math.round(r.progress)} % · ${r.progressMessage ?? t('agents.import.waiting')}`
          : t('agents.import.waiting')}
      </Text>
      {r && (
        <Text size="xs" c="dimmed">
          {t('agents.run.usage', {
            calls: r.usage.calls,
            input: r.usage.inputTokens,
            output: r.usage.outputTokens,
            cost: formatMicros(r.usage.costMicros, i18n.language),
          })}
        </Text>
      )}
      <Group gap={6}>
        {(r?.steps ?? []).map((s) => (
          <Badge
            key={s.id}
            variant="light"
            color={s.status === 'failed' ? 'red' : s.status === 'completed' ? 'teal' : 'blue'}
          >
            {s.key}
          </Badge>
        ))}
      </Group>
      {r?.status === 'failed' && (
        <Alert color="red" variant="light">
          {t('agents.import.failed', { message: r.error?.message ?? '' })}{' '}
          <Anchor renderRoot={(props) => <Link to="/agents/runs/$runId" params={{ runId }} {...props} />}>
            {t('agents.import.openRun')}
          </Anchor>
        </Alert>
      )}
    </Stack>
  )
}
