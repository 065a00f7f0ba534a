import { describe, expect, it } from 'vitest'
import { dailyOption, dailySeries, modelSeries } from './spend-chart-options'

const colors = { text: '#000', grid: '#ccc', bar: '#44f' }
const bucket = (key: string, costMicros: number, calls = 1) => ({
  key,
  calls,
  failures: 0,
  inputTokens: 0,
  outputTokens: 0,
  costMicros,
})

describe('spend charts', () => {
  it('shows every day of the range, with zero for days without calls', () => {
    const agg = { groupBy: 'day', totalCostMicros: 3, buckets: [bucket('2025-03-02', 1), bucket('2025-03-04', 2)] }
    expect(dailySeries(agg, '2025-03-01', '2025-03-04')).toEqual([
      { day: '2025-03-01', micros: 0 },
      { day: '2025-03-02', micros: 1 },
      { day: '2025-03-03', micros: 0 },
      { day: '2025-03-04', micros: 2 },
    ])
  })

  it('crosses month ends', () => {
    const days = dailySeries({ groupBy: 'day', totalCostMicros: 0, buckets: [] }, '2025-02-27', '2025-03-02')
    expect(days.map((d) => d.day)).toEqual(['2025-02-27', '2025-02-28', '2025-03-01', '2025-03-02'])
  })

  it('orders models by spend, largest first', () => {
    const agg = { groupBy: 'model', totalCostMicros: 0, buckets: [bucket('a', 5), bucket('b', 50, 3), bucket('c', 5)] }
    expect(modelSeries(agg).map((m) => m.model)).toEqual(['b', 'a', 'c'])
  })

  it('plots dollars, not micro-dollars', () => {
    const option = dailyOption([{ day: '2025-03-01', micros: 1_500_000 }], colors)
    expect(option.series[0]?.data).toEqual([1.5])
    expect(option.xAxis.data).toEqual(['03-01'])
  })
})
