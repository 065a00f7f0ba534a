import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { aspectRatioOf, maskBars, resolveView } from './picture-geometry'

describe('the player view', () => {
  const picture = { width: 1920, height: 1080 }
  const stage = { width: 960, height: 720 }

  it('fits the whole picture, centred, in fit mode', () => {
    const v = resolveView({ mode: 'fit', scale: 9, x: 9, y: 9 }, picture, stage, null)
    expect(v).toEqual({ scale: 0.5, x: 0, y: (720 - 540) / 2 })
  })

  it('fits into one half side by side', () => {
    expect(resolveView({ mode: 'fit', scale: 1, x: 0, y: 0 }, picture, stage, 'side')?.scale).toBe(0.25)
  })

  it('shows one picture pixel per screen pixel at 100 %', () => {
    expect(resolveView({ mode: 'actual', scale: 3, x: 0, y: 0 }, picture, stage, null)).toEqual({
      scale: 1,
      x: (960 - 1920) / 2,
      y: (720 - 1080) / 2,
    })
  })

  it('keeps a custom zoom and waits for the picture size', () => {
    expect(resolveView({ mode: 'custom', scale: 2, x: 5, y: 6 }, picture, stage, null)).toEqual({
      scale: 2,
      x: 5,
      y: 6,
    })
    expect(resolveView({ mode: 'fit', scale: 1, x: 0, y: 0 }, null, stage, null)).toBeNull()
  })
})

describe('aspect masks', () => {
  it('reads decimal and ratio forms', () => {
    expect(aspectRatioOf('2.39')).toBeCloseTo(2.39)
    expect(aspectRatioOf('16:9')).toBeCloseTo(16 / 9)
    expect(aspectRatioOf('1.85:1')).toBeCloseTo(1.85)
    expect(aspectRatioOf('wide')).toBeNull()
    expect(aspectRatioOf('0')).toBeNull()
    expect(aspectRatioOf(null)).toBeNull()
  })

  it('letterboxes a 2.39 mask on a 16:9 picture', () => {
    const bars = maskBars({ width: 1920, height: 1080 }, 2.39)
    expect(bars.side).toBe(0)
    expect(1080 * (1 - 2 * bars.top)).toBeCloseTo(1920 / 2.39)
  })

  it('always leaves an opening of exactly the mask ratio', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 16, max: 8192 }),
        fc.integer({ min: 16, max: 8192 }),
        fc.double({ min: 0.5, max: 4, noNaN: true }),
        (width, height, ratio) => {
          const { top, side } = maskBars({ width, height }, ratio)
          expect(top === 0 || side === 0).toBe(true)
          expect(top).toBeGreaterThanOrEqual(0)
          expect(side).toBeGreaterThanOrEqual(0)
          const opening = (width * (1 - 2 * side)) / (height * (1 - 2 * top))
          expect(opening).toBeCloseTo(ratio, 6)
        },
      ),
    )
  })
})
