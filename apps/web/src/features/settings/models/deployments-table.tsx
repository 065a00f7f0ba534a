import type { LlmDeployment, LlmTestCallResult } from '@aipipeline/contracts'
import { Alert, Button, Card, Group, Loader, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { CapabilityBadges, HealthBadge, KeyStatusBadge, LocalityBadge, PriceCell } from './deployment-badges'
import { useDeployments, useTestCall } from './llm-queries'
import { TestCallResult } from './test-call-result'

// Badges shrink with their cell and cut their text; these columns keep their width instead.
const NO_WRAP = { whiteSpace: 'nowrap' } as const

interface Props {
  isAdmin: boolean
  onAdd: () => void
  onEdit: (d: LlmDeployment) => void
}

/** Every configured model deployment; admins add, edit and test them. */
export function DeploymentsTable({ isAdmin, onAdd, onEdit }: Props) {
  const { t, i18n } = useTranslation()
  const deployments = useDeployments()
  const test = useTestCall()
  const [results, setResults] = useState<Record<string, z.output<typeof LlmTestCallResult> | string>>({})

  const runTest = (id: string) =>
    test.mutate(id, {
      onSuccess: (result) => setResults((all) => ({ ...all, [id]: result })),
      onError: (error) => setResults((all) => ({ ...all, [id]: error.message })),
    })

  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('settings.models.deployments.title')}
        </Title>
        {isAdmin && <Button onClick={onAdd}>{t('settings.models.deployments.add')}</Button>}
      </Group>
      {deployments.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {deployments.isError && (
        <Alert color="red" variant="light">
          {t('settings.models.loadFailed', { message: deployments.error.message })}
        </Alert>
      )}
      {deployments.data?.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('settings.models.deployments.empty')}
        </Text>
      )}
      {deployments.data && deployments.data.length > 0 && (
        <Table.ScrollContainer minWidth={1100}>
          <Table verticalSpacing="xs" aria-label={t('settings.models.deployments.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.models.deployments.name')}</Table.Th>
                <Table.Th>{t('settings.models.deployments.model')}</Table.Th>
                <Table.Th>{t('settings.models.deployments.context')}</Table.Th>
                <Table.Th>{t('settings.models.deployments.capabilities')}</Table.Th>
                <Table.Th>{t('settings.models.deployments.prices')}</Table.Th>
                <Table.Th>{t('settings.models.deployments.key')}</Table.Th>
                <Table.Th>{t('settings.models.deployments.health')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deployments.data.map((d) => {
                const result = results[d.id]
                return (
                  <DeploymentRows
                    key={d.id}
                    deployment={d}
                    locale={i18n.language}
                    isAdmin={isAdmin}
                    testing={test.isPending && test.variables === d.id}
                    result={result}
                    onTest={() => runTest(d.id)}
                    onEdit={() => onEdit(d)}
                  />
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  )
}

function DeploymentRows(props: {
  deployment: LlmDeployment
  locale: string
  isAdmin: boolean
  testing: boolean
  result: z.output<typeof LlmTestCallResult> | string | undefined
  onTest: () => void
  onEdit: () => void
}) {
  const { t } = useTranslation()
  const d = props.deployment
  return (
    <>
      <Table.Tr data-testid="deployment-row" data-deployment={d.name} opacity={d.enabled ? 1 : 0.55}>
        <Table.Td>
          <Text size="sm" fw={500}>
            {d.name}
          </Text>
          <Group gap={4} mt={2}>
            <LocalityBadge locality={d.locality} />
            {!d.enabled && (
              <Text size="xs" c="dimmed">
                {t('settings.models.deployments.disabled')}
              </Text>
            )}
          </Group>
        </Table.Td>
        <Table.Td miw={200} maw={280}>
          <Text size="sm">
            {t(`settings.models.provider.${d.provider}`)} · <code>{d.modelId}</code>
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {d.baseUrl ?? t('settings.models.deployments.defaultUrl')}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{d.contextWindow.toLocaleString(props.locale)}</Text>
        </Table.Td>
        <Table.Td style={NO_WRAP}>
          <CapabilityBadges capabilities={d.capabilities} />
        </Table.Td>
        <Table.Td>
          <PriceCell deployment={d} />
        </Table.Td>
        <Table.Td style={NO_WRAP}>
          <KeyStatusBadge deployment={d} />
        </Table.Td>
        <Table.Td style={NO_WRAP}>
          <HealthBadge health={d.health} />
        </Table.Td>
        <Table.Td>
          {props.isAdmin && (
            <Group gap={6} justify="flex-end" wrap="nowrap">
              <Button size="xs" variant="light" loading={props.testing} onClick={props.onTest}>
                {t('settings.models.test.run')}
              </Button>
              <Button size="xs" variant="default" onClick={props.onEdit}>
                {t('settings.models.deployments.edit')}
              </Button>
            </Group>
          )}
        </Table.Td>
      </Table.Tr>
      {props.result !== undefined && (
        <Table.Tr>
          <Table.Td colSpan={8} pt={0}>
            <TestCallResult result={props.result} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  )
}
