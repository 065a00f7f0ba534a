import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { actualSizeView, fitView, MAX_SCALE, MIN_SCALE, panBy, wheelFactor, zoomAt } from './zoom-view'

const box = { width: 1000, height: 600 }
const image = { width: 1920, height: 1080 }

describe('zoomed image view', () => {
  it('fits a wide image to the box width and centres it vertically', () => {
    const view = fitView(image, box)
    expect(view.scale).toBeCloseTo(1000 / 1920, 9)
    expect(view.x).toBeCloseTo(0, 9)
    expect(view.y).toBeCloseTo((600 - 1080 * view.scale) / 2, 9)
  })

  it('shows 100 % centred', () => {
    expect(actualSizeView(image, box)).toEqual({ scale: 1, x: (1000 - 1920) / 2, y: (600 - 1080) / 2 })
  })

  it('keeps the image point under the cursor in place while zooming', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 600, noNaN: true }),
        (scale, factor, cx, cy) => {
          const before = { scale, x: 13, y: -40 }
          const after = zoomAt(before, factor, { x: cx, y: cy })
          // The image coordinate under the cursor, before and after.
          expect((cx - after.x) / after.scale).toBeCloseTo((cx - before.x) / before.scale, 6)
          expect((cy - after.y) / after.scale).toBeCloseTo((cy - before.y) / before.scale, 6)
        },
      ),
    )
  })

  it('zooms in and back out to where it was', () => {
    const start = fitView(image, box)
    const at = { x: 321, y: 123 }
    const back = zoomAt(zoomAt(start, 1.25, at), 1 / 1.25, at)
    expect(back.scale).toBeCloseTo(start.scale, 9)
    expect(back.x).toBeCloseTo(start.x, 6)
    expect(back.y).toBeCloseTo(start.y, 6)
  })

  it('stops zooming at the limits', () => {
    expect(zoomAt({ scale: 30, x: 0, y: 0 }, 4, { x: 0, y: 0 }).scale).toBe(MAX_SCALE)
    expect(zoomAt({ scale: 0.06, x: 0, y: 0 }, 0.1, { x: 0, y: 0 }).scale).toBe(MIN_SCALE)
  })

  it('pans by the drag and zooms in for a wheel turned away', () => {
    expect(panBy({ scale: 2, x: 10, y: 10 }, -5, 7)).toEqual({ scale: 2, x: 5, y: 17 })
    expect(wheelFactor(-100)).toBeGreaterThan(1)
    expect(wheelFactor(100)).toBeLessThan(1)
    expect(wheelFactor(0)).toBe(1)
  })
})
