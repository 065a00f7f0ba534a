import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  afterPresented,
  fasterSpeed,
  frameOfMediaTime,
  frameRateOf,
  playerKeyAction,
  playStart,
  seekTarget,
  stepTarget,
  withLoopIn,
  withLoopOut,
} from './video-frame-clock'

const RATES = [24000 / 1001, 24, 25, 30000 / 1001].map(frameRateOf)
/** Two hours at 30 fps: long clips are where rounded frame durations drift. */
const LONG = 216_000

/** The time a browser reports for `seconds`: truncated to microseconds (1/24 reads as 0.041666). */
const microseconds = (seconds: number) => Math.floor(seconds * 1e6) / 1e6

describe('the review player clock', () => {
  it('maps the seek target of every frame back to that frame, at each review rate', () => {
    for (const rate of RATES) {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: LONG }), (n) => {
          expect(frameOfMediaTime(seekTarget(n, rate), rate)).toBe(n)
          expect(frameOfMediaTime(microseconds(seekTarget(n, rate)), rate)).toBe(n)
        }),
      )
    }
  })

  it("reads a frame's own timestamp (rVFC mediaTime), even truncated, as that frame", () => {
    for (const rate of RATES) {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: LONG }), (n) => {
          const pts = (n * rate.den) / rate.num
          expect(frameOfMediaTime(pts, rate)).toBe(n)
          expect(frameOfMediaTime(microseconds(pts), rate)).toBe(n)
        }),
      )
    }
  })

  it('never skips or repeats a frame when stepping one at a time over a long clip', () => {
    for (const rate of [frameRateOf(23.976), frameRateOf(29.97)]) {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: LONG - 2000 }), fc.integer({ min: 1, max: 2000 }), (from, steps) => {
          let frame = from
          for (let i = 0; i < steps; i++) {
            const next = stepTarget(frame, 1, LONG)
            expect(frameOfMediaTime(seekTarget(next, rate), rate)).toBe(frame + 1)
            frame = next
          }
          for (let i = 0; i < steps; i++) frame = stepTarget(frame, -1, LONG)
          expect(frame).toBe(from)
        }),
        { numRuns: 20 },
      )
    }
  })

  it('keeps steps inside the media', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 500 }),
        (f, by, count) => {
          const to = stepTarget(Math.min(f, count - 1), by, count)
          expect(to).toBeGreaterThanOrEqual(0)
          expect(to).toBeLessThan(count)
        },
      ),
    )
  })

  it('plays the out point, then wraps to the in point', () => {
    const loop = { start: 10, end: 20 }
    expect(afterPresented(19, loop, 100)).toEqual({ kind: 'continue' })
    expect(afterPresented(20, loop, 100)).toEqual({ kind: 'wrap', to: 10 })
    expect(afterPresented(23, loop, 100)).toEqual({ kind: 'wrap', to: 10 })
    expect(afterPresented(99, null, 100)).toEqual({ kind: 'stop', at: 99 })
    expect(afterPresented(50, null, 100)).toEqual({ kind: 'continue' })
  })

  it('never lets a looping playback leave its range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        (a, b, shown) => {
          const loop = { start: Math.min(a, b), end: Math.max(a, b) }
          const next = afterPresented(shown, loop, 301)
          if (next.kind === 'wrap') expect(next.to).toBe(loop.start)
          else expect(next.kind === 'continue' && shown >= loop.start && shown < loop.end).toBe(true)
        },
      ),
    )
  })

  it('starts play over from the beginning at the end of the media or loop', () => {
    expect(playStart(99, null, 100)).toBe(0)
    expect(playStart(40, null, 100)).toBe(40)
    expect(playStart(20, { start: 10, end: 20 }, 100)).toBe(10)
    expect(playStart(15, { start: 10, end: 20 }, 100)).toBe(15)
  })

  it('sets loop points with I and O, keeping in ≤ out', () => {
    expect(withLoopIn(null, 30, 100)).toEqual({ start: 30, end: 99 })
    expect(withLoopOut({ start: 30, end: 99 }, 60, 100)).toEqual({ start: 30, end: 60 })
    expect(withLoopOut({ start: 30, end: 99 }, 10, 100)).toEqual({ start: 0, end: 10 })
    expect(withLoopIn({ start: 30, end: 60 }, 70, 100)).toEqual({ start: 70, end: 99 })
  })

  it('speeds up with L up to 2×', () => {
    expect(fasterSpeed(1)).toBe(1.5)
    expect(fasterSpeed(1.5)).toBe(2)
    expect(fasterSpeed(2)).toBe(2)
    expect(fasterSpeed(0.25)).toBe(0.5)
  })

  it('reads the RV/Kitsu keys', () => {
    expect(playerKeyAction(' ', false)).toEqual({ kind: 'toggle' })
    expect(playerKeyAction('k', false)).toEqual({ kind: 'pause' })
    expect(playerKeyAction('L', false)).toEqual({ kind: 'play' })
    expect(playerKeyAction('j', false)).toEqual({ kind: 'step', by: -1 })
    expect(playerKeyAction('ArrowRight', true)).toEqual({ kind: 'step', by: 10 })
    expect(playerKeyAction('ArrowLeft', false)).toEqual({ kind: 'step', by: -1 })
    expect(playerKeyAction('i', false)).toEqual({ kind: 'loopIn' })
    expect(playerKeyAction('O', false)).toEqual({ kind: 'loopOut' })
    expect(playerKeyAction('x', false)).toBeNull()
  })
})
