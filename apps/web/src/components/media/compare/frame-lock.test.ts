import { frameAtSeconds, frameRateOf } from '@aipipeline/domain'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { comparedFrameCount, followerSeek, lockedFrame } from './frame-lock'

const rate = frameRateOf(23.976)

describe('frame lock', () => {
  it('leaves the follower alone within half a frame and seeks it to the frame centre beyond', () => {
    expect(followerSeek(1.0, 1.01, rate)).toBeNull()
    const seek = followerSeek(1.0, 0.5, rate)
    expect(seek).not.toBeNull()
    expect(frameAtSeconds(seek ?? 0, rate)).toBe(frameAtSeconds(1.0, rate))
  })

  it('always lands the follower on the leader frame', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 600, noNaN: true }),
        fc.double({ min: 0, max: 600, noNaN: true }),
        (a, b) => {
          const seek = followerSeek(a, b, rate)
          const shown = seek ?? b
          expect(Math.abs(frameAtSeconds(shown, rate) - frameAtSeconds(a, rate))).toBeLessThanOrEqual(1)
          if (seek !== null) expect(frameAtSeconds(seek, rate)).toBe(frameAtSeconds(a, rate))
        },
      ),
    )
  })

  it('clamps to the shorter video', () => {
    expect(comparedFrameCount(48, 24)).toBe(24)
    expect(lockedFrame(10, rate, 24)).toBe(23)
    expect(lockedFrame(0.5, frameRateOf(24), 0)).toBe(12)
  })
})
