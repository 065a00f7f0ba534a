import { access, roleSatisfies } from '@aipipeline/domain'
import { Alert, Anchor, Badge, Button, Card, Group, Loader, Progress, Stack, Text, Title } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { Link, useParams } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../api/api-context'
import { ApiError } from '../../api/api-error'
import { formatMicros } from '../settings/models/money'
import { agentKeys, useAgentRun } from './agent-queries'
import { useDurationText } from './duration-text'
import { EnhancementReview } from './enhancement-review'
import { isActive, RUN_STATUS_COLOR } from './run-format'
import { StepCard } from './step-card'
import { useProjectRoomEvents } from './use-project-room-events'

/** One agent run: progress, usage and cost, and every step envelope with its input and output. */
export function RunDetailPage() {
  const { runId } = useParams({ from: '/signed-in/agents/runs/$runId' })
  const { t, i18n } = useTranslation()
  const run = useAgentRun(runId)
  const durationText = useDurationText()
  const queryClient = useQueryClient()
  const role = useSession()?.user.role
  const canRetry = role !== undefined && roleSatisfies(access.atLeast('supervisor'), role)
  const refresh = (id: string) => {
    if (id === runId) void queryClient.invalidateQueries({ queryKey: agentKeys.run(runId) })
  }
  useProjectRoomEvents(run.data ? [run.data.projectId] : [], {
    'agent-run:update': (e) => refresh(e.runId),
    'agent-step:update': (e) => refresh(e.runId),
  })

  const back = (
    <Anchor renderRoot={(props) => <Link to="/agents" {...props} />} size="sm">
      ← {t('agents.run.back')}
    </Anchor>
  )
  if (run.isPending) return <Loader size="sm" aria-label={t('app.loading')} />
  if (run.isError)
    return (
      <Stack>
        {back}
        <Alert color="red" variant="light">
          {run.error instanceof ApiError && run.error.status === 404
            ? t('agents.run.notFound')
            : t('agents.loadFailed', { message: run.error.message })}
        </Alert>
      </Stack>
    )
  const r = run.data
  const reviewable = r.pipeline === 'script-analysis' && r.status === 'completed'
  return (
    <Stack gap="lg">
      {back}
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t(`agents.pipeline.${r.pipeline}`)}</Title>
          <Text c="dimmed" size="sm">
            {r.label} · {new Date(r.createdAt).toLocaleString(i18n.language)}
            {durationText(r.createdAt, r.finishedAt) ? ` · ${durationText(r.createdAt, r.finishedAt)}` : ''}
          </Text>
        </div>
        {reviewable && (
          <Button renderRoot={(props) => <Link to="/agents/import" search={{ runId: r.id }} {...props} />}>
            {t('agents.run.review')}
          </Button>
        )}
      </Group>
      <Card withBorder padding="md">
        <Group gap="xs" mb="xs">
          <Badge variant="light" color={RUN_STATUS_COLOR[r.status]} data-testid="run-status">
            {t(`agents.status.${r.status}`)}
          </Badge>
          {r.decision && <Badge variant="outline">{t(`agents.decision.${r.decision}`)}</Badge>}
          <Text size="sm">
            {t('agents.run.usage', {
              calls: r.usage.calls,
              input: r.usage.inputTokens,
              output: r.usage.outputTokens,
              cost: formatMicros(r.usage.costMicros, i18n.language),
            })}
          </Text>
          {r.usage.model && (
            <Text size="sm" c="dimmed">
              {t('agents.run.model', { model: r.usage.model })}
            </Text>
          )}
        </Group>
        {isActive(r.status) && (
          <>
            <Progress value={r.progress} animated aria-label={t('agents.run.progress')} />
            <Text size="xs" c="dimmed" mt={2}>
              {Math.round(r.progress)} % {r.progressMessage ? `· ${r.progressMessage}` : ''}
            </Text>
          </>
        )}
        {r.error && (
          <Alert color="red" variant="light" mt="xs">
            {r.error.message}
          </Alert>
        )}
      </Card>
      {r.pipeline === 'prompt-enhancement' && r.status === 'completed' && (
        <EnhancementReview run={r} canDecide={canRetry} />
      )}
      <Title order={3} size="h4">
        {t('agents.run.steps')}
      </Title>
      {r.steps.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('agents.run.noSteps')}
        </Text>
      )}
      {r.steps.map((step) => (
        <StepCard key={step.id} step={step} canRetry={canRetry} />
      ))}
    </Stack>
  )
}
