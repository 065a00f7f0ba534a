import { describe, expect, it } from 'vitest'
import { imageSize, midjourneyAspect, nearestSize } from './dimensions'

describe('midjourneyAspect', () => {
  it.each([
    ['2.39:1', 2.39, '12:5'],
    ['1.85:1', 1.85, '37:20'],
    ['16:9', 16 / 9, '16:9'],
    ['2.76:1', 2.76, '69:25'],
    ['1.33:1', 1.33, '4:3'],
    ['1.37:1', 1.37, '11:8'],
    ['2.20:1', 2.2, '11:5'],
    ['32:18', 32 / 18, '16:9'],
  ])('writes %s as the integer ratio %s', (label, value, expected) => {
    expect(midjourneyAspect(label, value)).toBe(expected)
  })
})

describe('frame sizes', () => {
  it('keeps image sizes on the model grid and near the aspect ratio', () => {
    const { width, height } = imageSize(2.39, 1024 * 1024, 64)
    expect(width % 64).toBe(0)
    expect(height % 64).toBe(0)
    expect(Math.abs(width / height - 2.39)).toBeLessThan(0.25)
  })

  it('picks the supported video size closest in aspect and reports the mismatch', () => {
    const size = nearestSize(0.5625, [
      [1280, 720],
      [720, 1280],
    ])
    expect([size.width, size.height]).toEqual([720, 1280])
    expect(size.mismatch).toBeCloseTo(0)
  })
})
