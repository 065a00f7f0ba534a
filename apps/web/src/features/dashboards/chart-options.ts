// ECharts options of the dashboard charts, built from the API's chart data (pure, tested).
// Each spec pairs the option with the drill-down of every bar or point, by series and index,
// so a click names the shots behind it.
import type {
  BurnUpChart,
  DashboardDrill,
  FarmChart,
  LlmSpendChart,
  RetakesChart,
  StatusChart,
  WorkloadChart,
} from '@aipipeline/contracts'
import type { z } from 'zod'

export interface ChartColors {
  text: string
  grid: string
  /** Series colours in order, for series without a colour of their own. */
  palette: string[]
}

export interface ChartSpec {
  option: Record<string, unknown>
  /** drills[seriesIndex][dataIndex]; undefined where a point has no shots behind it. */
  drills: (DashboardDrill | undefined)[][]
}

type Named = { id: string; name: string; color?: string }
/** Names of series and axes, translated by the page (keys of dashboards.series). */
export type SeriesKey =
  | 'shots'
  | 'frames'
  | 'doneShots'
  | 'doneFrames'
  | 'projected'
  | 'retakes'
  | 'tasks'
  | 'hours'
  | 'openTasks'
  | 'doneTasks'
  | 'estimateHours'
  | 'spentHours'
  | 'gpuHours'
  | 'attempts'
  | 'failures'
  | 'spend'
type Label = (key: SeriesKey) => string

function frame(colors: ChartColors, extra: Record<string, unknown> = {}) {
  return {
    animation: false,
    color: colors.palette,
    textStyle: { color: colors.text },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { color: colors.text } },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    ...extra,
  }
}

const axisStyle = (colors: ChartColors) => ({
  axisLabel: { color: colors.text },
  axisLine: { lineStyle: { color: colors.grid } },
  splitLine: { lineStyle: { color: colors.grid } },
})

/** Tasks per task type, stacked by status in the project's status colours. */
export function statusSpec(
  chart: z.output<typeof StatusChart>,
  statuses: Named[],
  taskTypes: Named[],
  colors: ChartColors,
): ChartSpec {
  const types = taskTypes.filter((tt) => chart.byTaskType.some((r) => r.taskTypeId === tt.id))
  const used = statuses.filter((s) => chart.byTaskType.some((r) => r.statusId === s.id))
  const cell = (statusId: string, taskTypeId: string) =>
    chart.byTaskType.find((r) => r.statusId === statusId && r.taskTypeId === taskTypeId)
  return {
    option: frame(colors, {
      xAxis: { type: 'value', minInterval: 1, ...axisStyle(colors) },
      yAxis: { type: 'category', data: types.map((tt) => tt.name), inverse: true, ...axisStyle(colors) },
      series: used.map((s) => ({
        type: 'bar',
        name: s.name,
        stack: 'tasks',
        itemStyle: s.color ? { color: s.color } : undefined,
        data: types.map((tt) => cell(s.id, tt.id)?.tasks ?? 0),
      })),
    }),
    drills: used.map((s) => types.map((tt) => cell(s.id, tt.id)?.drill)),
  }
}

/** Done shots and frames over time, and the projection's straight line to the end date. */
export function burnUpSpec(chart: z.output<typeof BurnUpChart>, label: Label, colors: ChartColors): ChartSpec {
  const line = chart.projection.line
  return {
    option: frame(colors, {
      xAxis: { type: 'time', ...axisStyle(colors) },
      yAxis: [
        { type: 'value', name: label('shots'), max: chart.scope.shots || null, minInterval: 1, ...axisStyle(colors) },
        { type: 'value', name: label('frames'), max: chart.scope.frames || null, ...axisStyle(colors) },
      ],
      series: [
        { type: 'line', name: label('doneShots'), step: 'end', data: chart.points.map((p) => [p.day, p.shots]) },
        {
          type: 'line',
          name: label('doneFrames'),
          yAxisIndex: 1,
          step: 'end',
          data: chart.points.map((p) => [p.day, p.frames]),
        },
        {
          type: 'line',
          name: label('projected'),
          lineStyle: { type: 'dashed' },
          symbol: 'none',
          data: line.map((p) => [p.day, Math.round(p.shots * 10) / 10]),
        },
      ],
    }),
    drills: [chart.points.map((p) => p.drill), chart.points.map((p) => p.drill), []],
  }
}

/** Horizontal bars with one value per row. */
function barsSpec(
  rows: { name: string; value: number; drill: DashboardDrill | undefined; color?: string | undefined }[],
  seriesName: string,
  colors: ChartColors,
): ChartSpec {
  return {
    option: frame(colors, {
      legend: { show: false },
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, ...axisStyle(colors) },
      yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true, ...axisStyle(colors) },
      series: [
        {
          type: 'bar',
          name: seriesName,
          data: rows.map((r) => (r.color ? { value: r.value, itemStyle: { color: r.color } } : r.value)),
        },
      ],
    }),
    drills: [rows.map((r) => r.drill)],
  }
}

/** Retakes per task type. */
export function retakesByTypeSpec(
  chart: z.output<typeof RetakesChart>,
  taskTypes: Named[],
  seriesName: string,
  colors: ChartColors,
): ChartSpec {
  const rows = chart.byTaskType.map((r) => {
    const tt = taskTypes.find((x) => x.id === r.taskTypeId)
    return { name: tt?.name ?? r.taskTypeId, value: r.retakes, drill: r.drill, color: tt?.color }
  })
  return barsSpec(rows, seriesName, colors)
}

/** Retakes per artist. */
export function retakesByArtistSpec(
  chart: z.output<typeof RetakesChart>,
  seriesName: string,
  colors: ChartColors,
): ChartSpec {
  return barsSpec(
    chart.byArtist.map((r) => ({ name: r.displayName, value: r.retakes, drill: r.drill })),
    seriesName,
    colors,
  )
}

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10

/** Open and done tasks (left axis) and estimated against spent hours (right axis) per artist. */
export function workloadSpec(chart: z.output<typeof WorkloadChart>, label: Label, colors: ChartColors): ChartSpec {
  const a = chart.artists
  const drills = a.map((r) => r.drill)
  return {
    option: frame(colors, {
      xAxis: { type: 'category', data: a.map((r) => r.displayName), ...axisStyle(colors) },
      yAxis: [
        { type: 'value', name: label('tasks'), minInterval: 1, ...axisStyle(colors) },
        { type: 'value', name: label('hours'), ...axisStyle(colors) },
      ],
      series: [
        { type: 'bar', name: label('openTasks'), data: a.map((r) => r.openTasks) },
        { type: 'bar', name: label('doneTasks'), data: a.map((r) => r.doneTasks) },
        { type: 'bar', name: label('estimateHours'), yAxisIndex: 1, data: a.map((r) => hours(r.estimateMinutes)) },
        { type: 'bar', name: label('spentHours'), yAxisIndex: 1, data: a.map((r) => hours(r.timeSpentMinutes)) },
      ],
    }),
    drills: [drills, drills, drills, drills],
  }
}

/** GPU hours and failed attempts per backend. */
export function farmSpec(chart: z.output<typeof FarmChart>, label: Label, colors: ChartColors): ChartSpec {
  const b = chart.byBackend
  const drills = b.map((r) => r.drill)
  return {
    option: frame(colors, {
      xAxis: { type: 'category', data: b.map((r) => r.backendName), ...axisStyle(colors) },
      yAxis: [
        { type: 'value', name: label('gpuHours'), ...axisStyle(colors) },
        { type: 'value', name: label('attempts'), minInterval: 1, ...axisStyle(colors) },
      ],
      series: [
        { type: 'bar', name: label('gpuHours'), data: b.map((r) => r.gpuHours) },
        { type: 'bar', name: label('attempts'), yAxisIndex: 1, data: b.map((r) => r.attempts) },
        { type: 'bar', name: label('failures'), yAxisIndex: 1, data: b.map((r) => r.failures) },
      ],
    }),
    drills: [drills, drills, drills],
  }
}

/** LLM spend in dollars per day (no shots behind it: not clickable). */
export function llmSpec(chart: z.output<typeof LlmSpendChart>, seriesName: string, colors: ChartColors): ChartSpec {
  return {
    option: frame(colors, {
      legend: { show: false },
      xAxis: { type: 'category', data: chart.byDay.map((d) => d.day), ...axisStyle(colors) },
      yAxis: { type: 'value', name: '$', ...axisStyle(colors) },
      series: [{ type: 'bar', name: seriesName, data: chart.byDay.map((d) => d.costMicros / 1_000_000) }],
    }),
    drills: [[]],
  }
}
