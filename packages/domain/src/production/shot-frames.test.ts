import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { frameRangeProblem, shotDuration } from './shot-frames'

describe('shot frame ranges', () => {
  it('counts both ends: 1001 to 1048 is 48 frames, one frame when in equals out', () => {
    expect(shotDuration(1001, 1048)).toBe(48)
    expect(shotDuration(1001, 1001)).toBe(1)
    expect(shotDuration(null, 1001)).toBeNull()
  })

  it('refuses an out before the in and accepts every other range', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.nat(10_000_000), (a, b) => {
        const problem = frameRangeProblem(a, b)
        expect(problem === null).toBe(b >= a)
        if (problem === null) expect(shotDuration(a, b)).toBeGreaterThanOrEqual(1)
      }),
    )
    expect(frameRangeProblem(null, 5)).toBeNull()
  })
})
