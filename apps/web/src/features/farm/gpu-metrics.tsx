import type { FarmGpuMetrics } from '@aipipeline/contracts'
import { Group, Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

type Gpu = FarmGpuMetrics['gpus'][number]

const fixed = (n: number, digits = 0) => n.toFixed(digits)

/** Utilisation and VRAM as bars, temperature and power as numbers, per GPU of an agent host. */
export function GpuMetrics({ metrics }: { metrics: FarmGpuMetrics | null }) {
  const { t } = useTranslation()
  if (metrics === null || metrics.gpus.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t('farm.backends.noGpuMetrics')}
      </Text>
    )
  }
  return (
    <Stack gap="xs">
      {metrics.gpus.map((g) => (
        <GpuRow key={g.index} gpu={g} />
      ))}
    </Stack>
  )
}

function GpuRow({ gpu }: { gpu: Gpu }) {
  const { t } = useTranslation()
  const vramPercent =
    gpu.memoryUsedMb !== null && gpu.memoryTotalMb ? (gpu.memoryUsedMb / gpu.memoryTotalMb) * 100 : null
  const hot = gpu.temperatureC !== null && gpu.temperatureC >= 83
  return (
    <Stack gap={4} data-testid="gpu-metrics">
      <Text size="xs" fw={600} truncate>
        {t('farm.backends.gpu', { index: gpu.index })} · {gpu.name}
      </Text>
      <Meter
        label={t('farm.backends.utilization')}
        percent={gpu.utilizationPercent}
        value={gpu.utilizationPercent === null ? '—' : `${fixed(gpu.utilizationPercent)} %`}
      />
      <Meter
        label={t('farm.backends.vramUsed')}
        percent={vramPercent}
        value={
          gpu.memoryUsedMb !== null && gpu.memoryTotalMb !== null
            ? t('farm.backends.vramUsedValue', {
                used: fixed(gpu.memoryUsedMb / 1024, 1),
                total: fixed(gpu.memoryTotalMb / 1024, 1),
              })
            : '—'
        }
      />
      <Group gap="md">
        <Text size="xs" c={hot ? 'red' : 'dimmed'}>
          {t('farm.backends.temperature')}{' '}
          {gpu.temperatureC === null ? '—' : t('farm.backends.temperatureValue', { value: fixed(gpu.temperatureC) })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('farm.backends.power')}{' '}
          {gpu.powerW === null ? '—' : t('farm.backends.powerValue', { value: fixed(gpu.powerW) })}
        </Text>
      </Group>
    </Stack>
  )
}

function Meter({ label, percent, value }: { label: string; percent: number | null; value: string }) {
  return (
    <div>
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text size="xs">{value}</Text>
      </Group>
      <Progress
        value={percent ?? 0}
        size="sm"
        color={percent !== null && percent > 90 ? 'orange' : 'indigo'}
        aria-label={label}
      />
    </div>
  )
}
