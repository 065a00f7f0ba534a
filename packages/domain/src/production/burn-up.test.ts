import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, burnUpAt, cumulateBurnUp, daysBetween, projectBurnUp } from './burn-up'

const day = fc.integer({ min: 0, max: 400 }).map((n) => addDays('2026-01-01', n))
const done = fc.array(
  fc.record({ day, shots: fc.integer({ min: 0, max: 50 }), frames: fc.integer({ min: 0, max: 5000 }) }),
  { maxLength: 60 },
)

describe('burn-up', () => {
  it('cumulates completions into a rising curve that ends at their sum, one point per day', () => {
    fc.assert(
      fc.property(done, (days) => {
        const points = cumulateBurnUp(days)
        for (let i = 1; i < points.length; i++) {
          const [a, b] = [points[i - 1], points[i]]
          expect(a && b && a.day < b.day && a.shots <= b.shots && a.frames <= b.frames).toBe(true)
        }
        const sum = days.reduce((s, d) => s + d.shots, 0)
        expect(points.at(-1)?.shots ?? 0).toBe(sum)
        expect(new Set(points.map((p) => p.day)).size).toBe(new Set(days.map((d) => d.day)).size)
      }),
    )
  })

  it('projects a line from today to the end date that never falls nor passes the scope', () => {
    fc.assert(
      fc.property(done, day, day, fc.integer({ min: 1, max: 60 }), (days, today, endDate, windowDays) => {
        const points = cumulateBurnUp(days)
        const total = points.at(-1) ?? { shots: 0, frames: 0 }
        const scope = { shots: total.shots + 10, frames: total.frames + 1000 }
        const p = projectBurnUp(points, { today, endDate, windowDays, scope })
        if (endDate <= today) {
          expect(p.line).toEqual([])
          return
        }
        const [start, end] = p.line
        expect(start).toEqual({ day: today, ...burnUpAt(points, today) })
        expect(end?.day).toBe(endDate)
        expect(end && start && end.shots >= start.shots && end.shots <= scope.shots).toBe(true)
        expect(end && start && end.frames >= start.frames && end.frames <= scope.frames).toBe(true)
        if (p.finishDay !== null) expect(daysBetween(today, p.finishDay)).toBeGreaterThan(0)
      }),
    )
  })

  it('extends the recent rate in a straight line', () => {
    // Two shots a day for the last ten days, 40 shots to go: done in 20 days.
    const days = Array.from({ length: 10 }, (_, i) => ({ day: addDays('2026-03-01', i), shots: 2, frames: 100 }))
    const p = projectBurnUp(cumulateBurnUp(days), {
      today: '2026-03-10',
      endDate: '2026-03-20',
      windowDays: 10,
      scope: { shots: 60, frames: 6000 },
    })
    expect(p.ratePerDay).toEqual({ shots: 2, frames: 100 })
    expect(p.line).toEqual([
      { day: '2026-03-10', shots: 20, frames: 1000 },
      { day: '2026-03-20', shots: 40, frames: 2000 },
    ])
    expect(p.finishDay).toBe('2026-03-30')
  })

  it('has no finish day when nothing was finished lately', () => {
    const p = projectBurnUp(cumulateBurnUp([{ day: '2026-01-01', shots: 3, frames: 10 }]), {
      today: '2026-03-01',
      endDate: '2026-04-01',
      windowDays: 14,
      scope: { shots: 10, frames: 100 },
    })
    expect(p.finishDay).toBeNull()
    expect(p.line[1]).toEqual({ day: '2026-04-01', shots: 3, frames: 10 })
  })
})
