import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  frameAtSeconds,
  frameCentreSeconds,
  frameCountOf,
  frameRateOf,
  frameStartSeconds,
  framesOfTimecode,
  isDropFrameRate,
  stepFrame,
  timecodeOf,
} from './frame-time'

const RATES = [23.976, 24, 25, 29.97, 30, 60, 59.94] as const
/** Up to ten hours of frames at 60 fps. */
const frameIndex = fc.integer({ min: 0, max: 60 * 3600 * 10 })
/** A time as a browser reports it: truncated to microseconds. */
const asBrowserReads = (seconds: number) => Math.trunc(seconds * 1e6) / 1e6

describe('frame rates', () => {
  it('reads NTSC rates as n·1000/1001 and whole rates as n/1', () => {
    expect(frameRateOf(23.976)).toEqual({ num: 24000, den: 1001 })
    expect(frameRateOf(23.98)).toEqual({ num: 24000, den: 1001 })
    expect(frameRateOf(29.97)).toEqual({ num: 30000, den: 1001 })
    expect(frameRateOf(59.94)).toEqual({ num: 60000, den: 1001 })
    expect(frameRateOf(24)).toEqual({ num: 24, den: 1 })
    expect(frameRateOf(12.5)).toEqual({ num: 25, den: 2 })
    expect(() => frameRateOf(0)).toThrow(RangeError)
  })

  it('calls only 29.97 and 59.94 drop-frame', () => {
    expect(RATES.filter((fps) => isDropFrameRate(frameRateOf(fps)))).toEqual([29.97, 59.94])
  })
})

describe('frame ↔ time', () => {
  for (const fps of RATES) {
    const rate = frameRateOf(fps)
    it(`lands on the same frame after a seek to its centre at ${fps} fps`, () => {
      fc.assert(
        fc.property(frameIndex, (i) => {
          expect(frameAtSeconds(frameCentreSeconds(i, rate), rate)).toBe(i)
          expect(frameAtSeconds(asBrowserReads(frameCentreSeconds(i, rate)), rate)).toBe(i)
        }),
      )
    })

    it(`reads a frame's own start time (as a browser reports it) as that frame at ${fps} fps`, () => {
      fc.assert(
        fc.property(frameIndex, (i) => {
          expect(frameAtSeconds(asBrowserReads(frameStartSeconds(i, rate)), rate)).toBe(i)
        }),
      )
    })
  }

  it('counts 23.976 without drift: frame 86 400 starts 3.6 s after an hour', () => {
    const rate = frameRateOf(23.976)
    expect(frameStartSeconds(86_400, rate)).toBeCloseTo(3603.6, 9)
    expect(frameCountOf(3603.6, rate)).toBe(86_400)
  })

  it('steps frames and stops at the first and last', () => {
    expect(stepFrame(5, 1, 48)).toBe(6)
    expect(stepFrame(0, -1, 48)).toBe(0)
    expect(stepFrame(47, 1, 48)).toBe(47)
    expect(stepFrame(3, 10, 0)).toBe(0)
  })
})

describe('timecode', () => {
  it('writes known drop-frame and non-drop values', () => {
    const ntsc = frameRateOf(29.97)
    expect(timecodeOf(0, ntsc)).toBe('00:00:00;00')
    expect(timecodeOf(1799, ntsc)).toBe('00:00:59;29')
    expect(timecodeOf(1800, ntsc)).toBe('00:01:00;02')
    expect(timecodeOf(17_982, ntsc)).toBe('00:10:00;00')
    expect(timecodeOf(107_892, ntsc)).toBe('01:00:00;00')
    expect(timecodeOf(3600, frameRateOf(59.94))).toBe('00:01:00;04')
    expect(timecodeOf(86_400, frameRateOf(24))).toBe('01:00:00:00')
    expect(timecodeOf(86_400, frameRateOf(23.976))).toBe('01:00:00:00')
    expect(timecodeOf(1001, frameRateOf(25))).toBe('00:00:40:01')
  })

  it('reads back every timecode it writes', () => {
    for (const fps of RATES) {
      const rate = frameRateOf(fps)
      fc.assert(fc.property(frameIndex, (n) => framesOfTimecode(timecodeOf(n, rate), rate) === n))
    }
  })

  it('never writes a dropped label (frames 00 and 01 of second 0 of minutes not divisible by ten)', () => {
    const rate = frameRateOf(29.97)
    fc.assert(
      fc.property(frameIndex, (n) => {
        const [, mm = 0, ss = 0, ff = 0] = timecodeOf(n, rate).split(/[:;]/).map(Number)
        if (mm % 10 !== 0 && ss === 0) expect(ff).toBeGreaterThan(1)
      }),
    )
  })

  it('refuses what is not a timecode', () => {
    expect(() => framesOfTimecode('1:2:3', frameRateOf(24))).toThrow(RangeError)
    expect(() => timecodeOf(-1, frameRateOf(24))).toThrow(RangeError)
  })
})
