import { type AgentRunDetail, agentRoutes, PromptEnhancementResult } from '@aipipeline/contracts'
import { Alert, Badge, Button, Card, Code, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/api-context'
import { agentKeys } from './agent-queries'

type Check = PromptEnhancementResult['before']
const STATUS_COLOR = { valid: 'teal', warning: 'yellow', invalid: 'red', malformed: 'gray' } as const

/** A finished prompt enhancement: the prompt before and after, what changed, accept or reject. */
export function EnhancementReview({ run, canDecide }: { run: AgentRunDetail; canDecide: boolean }) {
  const { t } = useTranslation()
  const api = useApi()
  const queryClient = useQueryClient()
  // The run's output is the contract's result; anything else is shown as raw JSON in the steps.
  const parsed = PromptEnhancementResult.safeParse(run.output)
  const decide = useMutation({
    mutationFn: (decision: 'accept' | 'reject') =>
      api.call(agentRoutes.decidePromptEnhancement, { params: { runId: run.id }, body: { decision } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: agentKeys.all }),
  })
  if (!parsed.success) return null
  const result = parsed.data
  return (
    <Card withBorder padding="md" data-testid="enhancement-review">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('agents.enhancement.title', { model: result.targetModel })}
        </Title>
        {run.decision ? (
          <Badge variant="light" color={run.decision === 'rejected' ? 'gray' : 'teal'}>
            {t(`agents.decision.${run.decision}`)}
          </Badge>
        ) : (
          canDecide && (
            <Group gap="xs">
              <Button
                variant="default"
                loading={decide.isPending && decide.variables === 'reject'}
                onClick={() => decide.mutate('reject')}
              >
                {t('agents.enhancement.reject')}
              </Button>
              <Button
                loading={decide.isPending && decide.variables === 'accept'}
                onClick={() => decide.mutate('accept')}
              >
                {t('agents.enhancement.accept')}
              </Button>
            </Group>
          )
        )}
      </Group>
      {decide.error && (
        <Alert color="red" variant="light" mb="sm">
          {decide.error.message}
        </Alert>
      )}
      {decide.data && !decide.data.applied && decide.data.run.decision === 'accepted' && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('agents.enhancement.noShot')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <PromptSide label={t('agents.enhancement.before')} check={result.before} />
        <PromptSide label={t('agents.enhancement.after')} check={result.after} />
      </SimpleGrid>
      {result.changes.length > 0 && (
        <Text size="sm" mt="sm">
          <b>{t('agents.enhancement.changes')}:</b> {result.changes.join('; ')}
        </Text>
      )}
      {result.dropped.length > 0 && (
        <Text size="sm" c="orange" mt={4}>
          <b>{t('agents.enhancement.dropped')}:</b> {result.dropped.join('; ')}
        </Text>
      )}
    </Card>
  )
}

function PromptSide({ label, check }: { label: string; check: Check }) {
  const { t } = useTranslation()
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Badge size="sm" variant="light" color={STATUS_COLOR[check.status]}>
          {t(`agents.enhancement.status.${check.status}`)}
        </Badge>
      </Group>
      <Code block fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {check.prompt === '' ? '—' : check.prompt}
      </Code>
      {check.warnings.map((w) => (
        <Text key={w} size="xs" c="dimmed">
          {w}
        </Text>
      ))}
      {check.violations.map((v) => (
        <Text key={`${v.ruleId}-${v.message}`} size="xs" c={v.severity === 'hard' ? 'red' : 'yellow.8'}>
          {v.severity.toUpperCase()} · {v.message}
        </Text>
      ))}
    </Stack>
  )
}
