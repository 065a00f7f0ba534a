// A backend's health history as an ECharts option: a step line of up / degraded / down and
// the probe latency over time. Pure, so the mapping is tested without a canvas.
import type { BackendHealthEntry } from '@aipipeline/contracts'

/** Height of each state on the up/down line; disabled leaves a gap. */
const LEVEL: Record<BackendHealthEntry['state'], number | null> = {
  online: 1,
  degraded: 0.5,
  offline: 0,
  disabled: null,
}

export interface HealthChartLabels {
  state: string
  latency: string
  up: string
  degraded: string
  down: string
}

export interface HealthSummary {
  /** Share of the time shown spent online, 0..1; null without two entries. */
  uptime: number | null
  /** Median probe latency, ms; null without probes. */
  medianLatencyMs: number | null
  transitions: number
}

/** Uptime, median latency and number of state changes of a history (oldest first). */
export function summariseHealth(entries: readonly BackendHealthEntry[], nowMs: number): HealthSummary {
  const latencies = entries.flatMap((e) => (e.latencyMs === null ? [] : [e.latencyMs])).sort((a, b) => a - b)
  const mid = Math.floor(latencies.length / 2)
  const median =
    latencies.length === 0
      ? null
      : latencies.length % 2 === 1
        ? (latencies[mid] ?? null)
        : Math.round(((latencies[mid - 1] ?? 0) + (latencies[mid] ?? 0)) / 2)
  let up = 0
  let total = 0
  entries.forEach((e, i) => {
    const from = Date.parse(e.at)
    const to = i + 1 < entries.length ? Date.parse(entries[i + 1]?.at ?? e.at) : nowMs
    const span = Math.max(0, to - from)
    total += span
    if (e.state === 'online') up += span
  })
  return {
    uptime: entries.length === 0 || total === 0 ? null : up / total,
    medianLatencyMs: median,
    transitions: entries.filter((e) => e.kind === 'transition').length,
  }
}

/** The chart: state levels on the right axis, latency in ms on the left. */
export function healthChartOption(
  entries: readonly BackendHealthEntry[],
  labels: HealthChartLabels,
  nowMs: number,
): Record<string, unknown> {
  const state = entries.map((e) => [e.at, LEVEL[e.state]])
  const last = entries.at(-1)
  // The state holds until now: extend the step line to the right edge.
  if (last) state.push([new Date(nowMs).toISOString(), LEVEL[last.state]])
  const latency = entries.filter((e) => e.latencyMs !== null).map((e) => [e.at, e.latencyMs])
  const levelName = (v: number) => (v >= 1 ? labels.up : v > 0 ? labels.degraded : labels.down)
  return {
    animation: false,
    grid: { left: 48, right: 64, top: 24, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.state, labels.latency], top: 0, textStyle: { fontSize: 11 } },
    xAxis: { type: 'time' },
    yAxis: [
      { type: 'value', name: 'ms', min: 0, splitLine: { show: false } },
      {
        type: 'value',
        min: 0,
        max: 1,
        interval: 0.5,
        axisLabel: { formatter: levelName },
      },
    ],
    series: [
      {
        name: labels.state,
        type: 'line',
        step: 'end',
        yAxisIndex: 1,
        symbol: 'none',
        connectNulls: false,
        areaStyle: { opacity: 0.15 },
        lineStyle: { width: 2 },
        color: '#12b886',
        data: state,
      },
      {
        name: labels.latency,
        type: 'line',
        yAxisIndex: 0,
        symbolSize: 4,
        color: '#4c6ef5',
        data: latency,
      },
    ],
  }
}
