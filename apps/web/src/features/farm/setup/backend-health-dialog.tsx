// A backend's health history: up/down and probe latency over time, its uptime and median
// latency, and the latest state changes with their reasons.
import type { FarmBackend } from '@aipipeline/contracts'
import { Alert, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { apiErrorText } from '../../../api/error-text'
import { EChartsView } from '../../../components/charts/echarts-view'
import { BackendStateBadge } from '../state-badges'
import { useBackendHealth } from './backend-setup-queries'
import { healthChartOption, summariseHealth } from './health-chart'

export function BackendHealthDialog({ backend, onClose }: { backend: FarmBackend | null; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const health = useBackendHealth(backend?.id ?? '', backend !== null)
  const entries = health.data ?? []
  const now = health.dataUpdatedAt || 0
  const option = useMemo(
    () =>
      healthChartOption(
        entries,
        {
          state: t('farmSetup.health.state'),
          latency: t('farmSetup.health.latency'),
          up: t('farmSetup.health.up'),
          degraded: t('farmSetup.health.degraded'),
          down: t('farmSetup.health.down'),
        },
        now,
      ),
    [entries, now, t],
  )
  const summary = summariseHealth(entries, now)
  const changes = entries
    .filter((e) => e.kind === 'transition')
    .slice(-8)
    .reverse()
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' })
  return (
    <Modal
      opened={backend !== null}
      onClose={onClose}
      size="xl"
      title={t('farmSetup.health.title', { name: backend?.name ?? '' })}
    >
      {health.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {health.isError && (
        <Alert color="red" variant="light">
          {apiErrorText(health.error, t)}
        </Alert>
      )}
      {health.data && entries.length === 0 && <Text c="dimmed">{t('farmSetup.health.empty')}</Text>}
      {entries.length > 0 && (
        <Stack gap="sm">
          <Group gap="lg">
            <Text size="sm" data-testid="health-uptime">
              {t('farmSetup.health.uptime', {
                percent: summary.uptime === null ? '–' : (summary.uptime * 100).toFixed(1),
              })}
            </Text>
            <Text size="sm">
              {summary.medianLatencyMs === null
                ? t('farmSetup.health.noLatency')
                : t('farmSetup.health.medianLatency', { ms: summary.medianLatencyMs })}
            </Text>
            <Text size="sm">{t('farmSetup.health.transitions', { count: summary.transitions })}</Text>
          </Group>
          <EChartsView
            option={option}
            height={220}
            label={t('farmSetup.health.chartLabel', { name: backend?.name ?? '' })}
            testId="health-chart"
          />
          <Table striped withTableBorder fz="sm" data-testid="health-changes">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('farmSetup.health.when')}</Table.Th>
                <Table.Th>{t('farmSetup.health.state')}</Table.Th>
                <Table.Th>{t('farmSetup.health.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.map((e) => (
                <Table.Tr key={`${e.at}-${e.state}`}>
                  <Table.Td>{time.format(new Date(e.at))}</Table.Td>
                  <Table.Td>
                    <BackendStateBadge state={e.state} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {e.reason ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Modal>
  )
}
