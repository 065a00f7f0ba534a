import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exponentialDelayMs } from './exponential-backoff'

describe('exponential backoff', () => {
  it('grows by the factor per attempt up to the cap', () => {
    const policy = { initialMs: 5_000, maxMs: 60_000 }
    expect([0, 1, 2, 3, 4, 40, 10_000].map((n) => exponentialDelayMs(policy, n))).toEqual([
      5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000,
    ])
    expect(exponentialDelayMs({ initialMs: 100, maxMs: 10_000, factor: 3 }, 2)).toBe(900)
  })

  it('spreads each delay within ±jitter of its base and never below zero', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (attempt, jitter, r) => {
          const policy = { initialMs: 250, maxMs: 30_000, jitter }
          const base = exponentialDelayMs({ initialMs: 250, maxMs: 30_000 }, attempt)
          const got = exponentialDelayMs(policy, attempt, () => r)
          expect(got).toBeGreaterThanOrEqual(Math.floor(base * (1 - jitter)))
          expect(got).toBeLessThanOrEqual(Math.ceil(base * (1 + jitter)))
          expect(got).toBeGreaterThanOrEqual(0)
        },
      ),
    )
  })
})
