import type { FarmBackend, RenderJob } from '@aipipeline/contracts'
import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { GpuMetrics } from './gpu-metrics'
import { BackendStateBadge } from './state-badges'

/** One ComfyUI server: state, VRAM, loaded model, current jobs and GPU metrics. */
export function BackendCard({
  backend,
  jobs,
  actions,
}: {
  backend: FarmBackend
  jobs: ReadonlyMap<string, RenderJob>
  /** Setup actions shown under the card (history, edit, remove). */
  actions?: React.ReactNode
}) {
  const { t } = useTranslation()
  const current = backend.currentJobIds.map((id) => ({ id, name: jobs.get(id)?.name ?? id.slice(0, 8) }))
  return (
    <Card withBorder padding="md" data-testid="backend-card" aria-label={backend.name}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Text fw={650} truncate>
              {backend.name}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {backend.url}
            </Text>
          </div>
          <BackendStateBadge state={backend.state} />
        </Group>
        {backend.stateReason && backend.state !== 'online' && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {backend.stateReason}
          </Text>
        )}
        <Group gap={6}>
          <Badge variant="outline" color="gray" size="sm">
            {t('farm.backends.vram')} {t('farm.backends.vramValue', { gb: backend.vramGb })}
          </Badge>
          {backend.tags.map((tag) => (
            <Badge key={tag} variant="light" color={tag === 'agent' ? 'grape' : 'gray'} size="sm">
              {tag === 'agent' ? t('farm.backends.agent') : tag}
            </Badge>
          ))}
        </Group>
        <Fact label={t('farm.backends.loadedModel')}>{backend.loadedModel ?? t('farm.backends.noModel')}</Fact>
        <Fact label={t('farm.backends.currentJob')}>
          {current.length === 0
            ? t('farm.backends.idle')
            : current.map((j, i) => (
                <span key={j.id}>
                  {i > 0 && ', '}
                  <Anchor
                    renderRoot={(props) => <Link to="/farm/jobs/$jobId" params={{ jobId: j.id }} {...props} />}
                    size="sm"
                  >
                    {j.name}
                  </Anchor>
                </span>
              ))}
        </Fact>
        <Text size="xs" c="dimmed">
          {t('farm.backends.inFlight', { count: backend.inFlight, max: backend.maxInFlight })}
        </Text>
        <GpuMetrics metrics={backend.gpuMetrics} />
        {actions}
      </Stack>
    </Card>
  )
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" truncate>
        {children}
      </Text>
    </div>
  )
}
