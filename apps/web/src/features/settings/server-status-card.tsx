import { systemRoutes } from '@aipipeline/contracts'
import { Alert, Badge, Card, Loader, Table, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/api-context'

/** Live facts from GET /api/health: what this studio runs on. */
export function ServerStatusCard() {
  const { t } = useTranslation()
  const api = useApi()
  const health = useQuery({ queryKey: ['health'], queryFn: () => api.call(systemRoutes.health) })

  return (
    <Card withBorder padding="lg">
      <Title order={4} mb="sm">
        {t('server.title')}
      </Title>
      {health.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {health.isError && (
        <Alert color="red" variant="light">
          {t('server.loadFailed', { message: health.error.message })}
        </Alert>
      )}
      {health.data && (
        <Table withRowBorders={false} verticalSpacing={4} maw={420}>
          <Table.Tbody>
            <Row label={t('server.status')}>
              <Badge color={health.data.status === 'ok' ? 'teal' : 'yellow'} variant="light">
                {health.data.status === 'ok' ? t('server.statusOk') : t('server.statusDegraded')}
              </Badge>
            </Row>
            <Row label={t('server.version')}>{health.data.version}</Row>
            <Row label={t('server.database')}>{health.data.database}</Row>
            <Row label={t('server.queue')}>{health.data.queue}</Row>
            <Row label={t('server.uptime')}>
              {t('server.uptimeMinutes', { minutes: Math.floor(health.data.uptimeSeconds / 60) })}
            </Row>
          </Table.Tbody>
        </Table>
      )}
    </Card>
  )
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={160} fw={500} c="dimmed">
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  )
}
