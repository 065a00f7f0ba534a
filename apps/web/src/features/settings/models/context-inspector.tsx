import { type LlmDeployment, type LlmEstimate, LlmTaskClass, llmRoutes } from '@aipipeline/contracts'
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { useApi } from '../../../api/api-context'
import { formatMicros } from './money'
import type { TaskClass } from './routing-policy'

type Estimate = z.output<typeof LlmEstimate>

/** Paste a prompt, see the tokens of each part and what a call would cost; no model is called. */
export function ContextInspector({ deployments }: { deployments: LlmDeployment[] }) {
  const { t } = useTranslation()
  const api = useApi()
  const [taskClass, setTaskClass] = useState<TaskClass>('analysis')
  const [system, setSystem] = useState('')
  const [user, setUser] = useState('')
  const [maxOutput, setMaxOutput] = useState<number>(1_024)
  const estimate = useMutation({
    mutationFn: () =>
      api.call(llmRoutes.estimateLlmCall, {
        body: {
          taskClass,
          ...(system.trim() ? { system } : {}),
          messages: [{ role: 'user', content: user }],
          maxOutputTokens: maxOutput,
        },
      }),
  })

  return (
    <Card withBorder padding="md">
      <Title order={3} size="h4">
        {t('settings.models.inspector.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('settings.models.inspector.description')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="xs">
          <Group grow>
            <Select
              label={t('settings.models.inspector.taskClass')}
              allowDeselect={false}
              value={taskClass}
              onChange={(v) => {
                const parsed = LlmTaskClass.safeParse(v)
                if (parsed.success) setTaskClass(parsed.data)
              }}
              data={LlmTaskClass.options.map((c) => ({ value: c, label: t(`settings.models.taskClass.${c}`) }))}
            />
            <NumberInput
              label={t('settings.models.inspector.maxOutput')}
              min={1}
              thousandSeparator
              value={maxOutput}
              onChange={(v) => setMaxOutput(Number(v) || 1)}
            />
          </Group>
          <Textarea
            label={t('settings.models.inspector.system')}
            autosize
            minRows={2}
            maxRows={6}
            value={system}
            onChange={(e) => setSystem(e.currentTarget.value)}
          />
          <Textarea
            label={t('settings.models.inspector.user')}
            autosize
            minRows={4}
            maxRows={12}
            value={user}
            onChange={(e) => setUser(e.currentTarget.value)}
          />
          <Group>
            <Button
              variant="light"
              disabled={user.trim() === ''}
              loading={estimate.isPending}
              onClick={() => estimate.mutate()}
            >
              {t('settings.models.inspector.estimate')}
            </Button>
          </Group>
        </Stack>
        <div>
          {estimate.error && (
            <Alert color="red" variant="light">
              {estimate.error.message}
            </Alert>
          )}
          {estimate.data && <EstimateView estimate={estimate.data} deployments={deployments} />}
        </div>
      </SimpleGrid>
    </Card>
  )
}

function EstimateView({ estimate, deployments }: { estimate: Estimate; deployments: LlmDeployment[] }) {
  const { t, i18n } = useTranslation()
  const nameOf = (id: string) => deployments.find((d) => d.id === id)?.name ?? id
  const money = (m: number) => formatMicros(m, i18n.language)
  return (
    <Stack gap="xs" data-testid="estimate">
      <Group gap="xs">
        <Badge size="lg" variant="light">
          {t('settings.models.inspector.inputTokens', { count: estimate.inputTokens })}
        </Badge>
        <Badge size="lg" variant="light" color={estimate.estimatedCostMicros === null ? 'red' : 'teal'}>
          {estimate.estimatedCostMicros === null
            ? t('settings.models.inspector.noCandidate')
            : t('settings.models.inspector.worstCase', { cost: money(estimate.estimatedCostMicros) })}
        </Badge>
        <Badge size="lg" variant="outline" color="gray">
          {t('settings.models.inspector.budget', { state: estimate.budget.state })}
        </Badge>
      </Group>
      <Table verticalSpacing={4} aria-label={t('settings.models.inspector.part')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('settings.models.inspector.part')}</Table.Th>
            <Table.Th ta="right">{t('settings.models.inspector.tokens')}</Table.Th>
            <Table.Th>{t('settings.models.inspector.preview')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {estimate.parts.map((p) => (
            <Table.Tr key={`${p.messageIndex}-${p.kind}`} data-testid="estimate-part">
              <Table.Td>
                <Text size="xs">
                  {p.role} · {p.kind}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{p.tokens.toLocaleString(i18n.language)}</Table.Td>
              <Table.Td maw={240}>
                <Text size="xs" c="dimmed" truncate>
                  {p.preview}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {estimate.candidates.length > 0 && (
        <Text size="sm">
          <b>{t('settings.models.inspector.candidates')}:</b>{' '}
          {estimate.candidates.map((c) => `${c.name} (${money(c.estimatedCostMicros)})`).join(' → ')}
        </Text>
      )}
      {estimate.skipped.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('settings.models.inspector.skipped')}:{' '}
          {estimate.skipped.map((s) => `${nameOf(s.deploymentId)}: ${s.reason}`).join('; ')}
        </Text>
      )}
    </Stack>
  )
}
