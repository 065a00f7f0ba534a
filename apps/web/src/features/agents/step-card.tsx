import type { AgentStep } from '@aipipeline/contracts'
import { Alert, Badge, Button, Card, Group, SimpleGrid, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatMicros } from '../settings/models/money'
import { useRetryStep } from './agent-queries'
import { useDurationText } from './duration-text'
import { JsonView } from './json-view'

const STEP_COLOR = { running: 'blue', completed: 'teal', failed: 'red' } as const

/** One step envelope: status, usage and cost, input and output, and a retry when it failed. */
export function StepCard({ step, canRetry }: { step: AgentStep; canRetry: boolean }) {
  const { t, i18n } = useTranslation()
  const retry = useRetryStep()
  const duration = useDurationText()(step.startedAt, step.finishedAt)
  return (
    <Card withBorder padding="sm" data-testid="step-card" data-step={step.key} data-status={step.status}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Text fw={600} size="sm">
            {step.key}
          </Text>
          <Text size="xs" c="dimmed">
            {step.agent}
          </Text>
          <Badge variant="light" color={STEP_COLOR[step.status]}>
            {t(`agents.stepStatus.${step.status}`)}
          </Badge>
          {step.attempt > 1 && (
            <Badge variant="outline" color="gray">
              {t('agents.run.attempt', { attempt: step.attempt })}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t('agents.run.usage', {
            calls: step.usage.calls,
            input: step.usage.inputTokens,
            output: step.usage.outputTokens,
            cost: formatMicros(step.usage.costMicros, i18n.language),
          })}
          {step.usage.model ? ` · ${step.usage.model}` : ''}
          {step.usage.repairs > 0 ? ` · ${t('agents.run.repairs', { count: step.usage.repairs })}` : ''}
          {duration ? ` · ${duration}` : ''}
        </Text>
      </Group>
      {step.error && (
        <Alert color="red" variant="light" mb="xs" title={`${t('agents.run.error')}: ${step.error.code}`}>
          <Text size="sm">{step.error.message}</Text>
          {canRetry && step.status === 'failed' && (
            <Group mt="xs" gap="xs">
              <Tooltip label={t('agents.run.notRetryable')} disabled={step.error.retryable} multiline w={260}>
                <Button
                  size="xs"
                  color="red"
                  variant="light"
                  loading={retry.isPending}
                  onClick={() => retry.mutate({ runId: step.runId, stepId: step.id })}
                >
                  {t('agents.run.retry')}
                </Button>
              </Tooltip>
              {retry.isSuccess && <Text size="xs">{t('agents.run.retryQueued')}</Text>}
              {retry.error && (
                <Text size="xs" c="red">
                  {retry.error.message}
                </Text>
              )}
            </Group>
          )}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <JsonView label={t('agents.run.input')} value={step.input} />
        <JsonView label={t('agents.run.output')} value={step.output} />
      </SimpleGrid>
    </Card>
  )
}
