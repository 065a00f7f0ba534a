// ECharts options for the spend charts, built from the usage aggregate. Pure, so the series
// (dollars per bucket, filled-in empty days) can be tested without a canvas.
import type { LlmUsageAggregate } from '@aipipeline/contracts'
import type { z } from 'zod'

type Aggregate = z.output<typeof LlmUsageAggregate>

export interface ChartColors {
  text: string
  grid: string
  bar: string
}

/** Every day from `fromDay` to `toDay` (YYYY-MM-DD, inclusive) with its spend in micro-dollars; missing days are 0. */
export function dailySeries(aggregate: Aggregate, fromDay: string, toDay: string): { day: string; micros: number }[] {
  const byDay = new Map(aggregate.buckets.map((b) => [b.key.slice(0, 10), b.costMicros]))
  const out: { day: string; micros: number }[] = []
  for (
    let d = new Date(`${fromDay}T00:00:00Z`);
    d.toISOString().slice(0, 10) <= toDay;
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    const day = d.toISOString().slice(0, 10)
    out.push({ day, micros: byDay.get(day) ?? 0 })
  }
  return out
}

/** Models by spend, largest first. */
export function modelSeries(aggregate: Aggregate): { model: string; micros: number; calls: number }[] {
  return [...aggregate.buckets]
    .sort((a, b) => b.costMicros - a.costMicros || a.key.localeCompare(b.key))
    .map((b) => ({ model: b.key, micros: b.costMicros, calls: b.calls }))
}

const dollars = (micros: number) => micros / 1_000_000
// Plain decimals: tiny test-call costs would otherwise read "$5e-7".
const dollarLabel = (value: number) => `$${value.toLocaleString('en', { maximumFractionDigits: 8 })}`

function axisStyle(colors: ChartColors) {
  return {
    axisLabel: { color: colors.text },
    axisLine: { lineStyle: { color: colors.grid } },
    splitLine: { lineStyle: { color: colors.grid } },
  }
}

/** A column per day, in dollars. */
export function dailyOption(points: { day: string; micros: number }[], colors: ChartColors) {
  return {
    animation: false,
    grid: { left: 56, right: 16, top: 16, bottom: 32 },
    tooltip: { trigger: 'axis' as const, valueFormatter: (v: unknown) => `$${Number(v).toFixed(4)}` },
    xAxis: { type: 'category' as const, data: points.map((p) => p.day.slice(5)), ...axisStyle(colors) },
    yAxis: { type: 'value' as const, ...axisStyle(colors), axisLabel: { color: colors.text, formatter: dollarLabel } },
    series: [{ type: 'bar' as const, data: points.map((p) => dollars(p.micros)), itemStyle: { color: colors.bar } }],
  }
}

/** A horizontal bar per model, in dollars. */
export function modelOption(points: { model: string; micros: number }[], colors: ChartColors) {
  const shown = [...points].reverse()
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis' as const, valueFormatter: (v: unknown) => `$${Number(v).toFixed(4)}` },
    xAxis: { type: 'value' as const, ...axisStyle(colors), axisLabel: { color: colors.text, formatter: dollarLabel } },
    yAxis: { type: 'category' as const, data: shown.map((p) => p.model), ...axisStyle(colors) },
    series: [{ type: 'bar' as const, data: shown.map((p) => dollars(p.micros)), itemStyle: { color: colors.bar } }],
  }
}
