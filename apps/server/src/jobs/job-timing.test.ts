import { Backoffs } from 'bullmq'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { PRIORITY_MAX, PRIORITY_MIN } from './job-queue.port'
import { fromBullPriority, nextCronTick, retryDelayMs, toBullPriority } from './job-timing'

describe('job timing', () => {
  it('keeps an exponential retry delay within its jitter band', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 10 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (delay, jitter, attemptsMade, r) => {
          const base = delay * 2 ** (attemptsMade - 1)
          const random = vi.spyOn(Math, 'random').mockReturnValue(r)
          const got = retryDelayMs({ type: 'exponential', delay, jitter }, attemptsMade)
          random.mockRestore()
          expect(got).toBeGreaterThanOrEqual(Math.floor(base * (1 - jitter)))
          expect(got).toBeLessThanOrEqual(base)
        },
      ),
    )
  })

  it('retries a local job exactly when BullMQ would retry the same job', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('fixed' as const, 'exponential' as const),
        fc.integer({ min: 0, max: 10_000 }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (type, delay, jitter, attemptsMade, r) => {
          const random = vi.spyOn(Math, 'random').mockReturnValue(r)
          const bullmq = Backoffs.builtinStrategies[type]?.(delay, jitter)(attemptsMade)
          const local = retryDelayMs({ type, delay, ...(jitter === undefined ? {} : { jitter }) }, attemptsMade)
          random.mockRestore()
          expect(local).toBe(bullmq)
        },
      ),
    )
  })

  it('doubles the exponential delay per failed attempt and keeps a fixed one', () => {
    const delays = [1, 2, 3].map((n) => retryDelayMs({ type: 'exponential', delay: 100 }, n))
    expect(delays).toEqual([100, 200, 400])
    expect(retryDelayMs({ type: 'fixed', delay: 70 }, 5)).toBe(70)
  })

  it('maps a higher priority to a lower BullMQ number, always inside BullMQ range', () => {
    fc.assert(
      fc.property(fc.integer({ min: PRIORITY_MIN, max: PRIORITY_MAX - 1 }), (p) => {
        expect(toBullPriority(p + 1)).toBeLessThan(toBullPriority(p))
        expect(toBullPriority(p)).toBeGreaterThanOrEqual(1)
        expect(toBullPriority(p)).toBeLessThanOrEqual(2_097_152)
        expect(fromBullPriority(toBullPriority(p))).toBe(p)
      }),
    )
  })

  it('finds the next cron tick strictly after a time and names a bad expression', () => {
    const t = Date.parse('2030-01-01T00:00:00.000Z')
    expect(new Date(nextCronTick('0 0 * * *', t)).toISOString()).toBe('2030-01-02T00:00:00.000Z')
    expect(new Date(nextCronTick('*/5 * * * * *', t + 1)).toISOString()).toBe('2030-01-01T00:00:05.000Z')
    expect(() => nextCronTick('every day', t)).toThrow(/invalid cron expression "every day"/)
  })
})
