import type { BackendHealthEntry } from '@aipipeline/contracts'
import { describe, expect, it } from 'vitest'
import { healthChartOption, summariseHealth } from './health-chart'

const entry = (at: string, state: BackendHealthEntry['state'], latencyMs: number | null, kind = 'probe') =>
  ({ at, kind, state, reason: null, ok: state !== 'offline', latencyMs }) as BackendHealthEntry

const labels = { state: 'State', latency: 'Latency', up: 'up', degraded: 'degraded', down: 'down' }
const history = [
  entry('2026-01-01T00:00:00.000Z', 'online', null, 'transition'),
  entry('2026-01-01T00:01:00.000Z', 'online', 12),
  entry('2026-01-01T00:02:00.000Z', 'offline', null, 'transition'),
  entry('2026-01-01T00:03:00.000Z', 'online', 20, 'transition'),
]
const now = Date.parse('2026-01-01T00:04:00.000Z')

describe('health chart', () => {
  it('draws up as 1 and down as 0 up to now, and latency only where a probe measured it', () => {
    const option = healthChartOption(history, labels, now)
    const series = option.series as { data: unknown[] }[]
    expect(series[0]?.data).toEqual([
      ['2026-01-01T00:00:00.000Z', 1],
      ['2026-01-01T00:01:00.000Z', 1],
      ['2026-01-01T00:02:00.000Z', 0],
      ['2026-01-01T00:03:00.000Z', 1],
      ['2026-01-01T00:04:00.000Z', 1],
    ])
    expect(series[1]?.data).toEqual([
      ['2026-01-01T00:01:00.000Z', 12],
      ['2026-01-01T00:03:00.000Z', 20],
    ])
  })

  it('sums uptime over the time shown, the median latency and the state changes', () => {
    expect(summariseHealth(history, now)).toEqual({ uptime: 0.75, medianLatencyMs: 16, transitions: 3 })
    expect(summariseHealth([], now)).toEqual({ uptime: null, medianLatencyMs: null, transitions: 0 })
  })
})
