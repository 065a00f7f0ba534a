import { describe, expect, it } from 'vitest'
import { durationOf, isActive } from './run-format'

describe('agent run display', () => {
  const at = (ms: number) => new Date(Date.UTC(2025, 0, 1) + ms).toISOString()

  it('shows durations in the largest sensible unit', () => {
    expect(durationOf(at(0), at(850))).toEqual({ unit: 'ms', value: 850, rest: 0 })
    expect(durationOf(at(0), at(12_000))).toEqual({ unit: 's', value: 12, rest: 0 })
    expect(durationOf(at(0), at(185_000))).toEqual({ unit: 'min', value: 3, rest: 5 })
    expect(durationOf(at(0), at(3_720_000))).toEqual({ unit: 'h', value: 1, rest: 2 })
  })

  it('has no duration while the run is still going', () => {
    expect(durationOf(at(0), null)).toBeNull()
  })

  it('treats queued and running runs as active', () => {
    expect(['queued', 'running', 'completed', 'failed', 'canceled'].filter((s) => isActive(s as 'queued'))).toEqual([
      'queued',
      'running',
    ])
  })
})
