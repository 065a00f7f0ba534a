import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  cloneMask,
  createMask,
  dabCoverage,
  FULL,
  fillPolygon,
  fillRect,
  invertMask,
  isMaskEmpty,
  type MaskRaster,
  masksEqual,
  rectBetween,
  stampDab,
  strokeSegment,
} from './mask-raster'

const size = fc.record({ width: fc.integer({ min: 1, max: 48 }), height: fc.integer({ min: 1, max: 48 }) })
const randomMask = size.chain(({ width, height }) =>
  fc
    .uint8Array({ minLength: width * height, maxLength: width * height })
    .map((data): MaskRaster => ({ width, height, data })),
)
const rectIn = fc.record({
  x: fc.integer({ min: -10, max: 50 }),
  y: fc.integer({ min: -10, max: 50 }),
  width: fc.integer({ min: 0, max: 40 }),
  height: fc.integer({ min: 0, max: 40 }),
})

/** The mask a rule says each pixel should have, as bytes to compare in one go. */
function expected(width: number, height: number, value: (x: number, y: number) => number): Buffer {
  const out = Buffer.alloc(width * height)
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[y * width + x] = value(x, y)
  return out
}
const insideRect = (r: { x: number; y: number; width: number; height: number }, x: number, y: number) =>
  x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height

describe('mask raster', () => {
  it('inverting twice gives back the same mask', () => {
    fc.assert(
      fc.property(randomMask, (mask) => {
        const before = cloneMask(mask)
        invertMask(mask)
        invertMask(mask)
        expect(masksEqual(mask, before)).toBe(true)
      }),
    )
  })

  it('a rectangle fill paints exactly the rectangle, clipped to the image', () => {
    fc.assert(
      fc.property(size, rectIn, ({ width, height }, rect) => {
        const mask = createMask(width, height)
        fillRect(mask, rect, 'paint')
        const want = expected(width, height, (x, y) => (insideRect(rect, x, y) ? FULL : 0))
        expect(Buffer.from(mask.data).equals(want)).toBe(true)
      }),
    )
  })

  it('a rectangle erase clears exactly the rectangle and leaves the rest as it was', () => {
    fc.assert(
      fc.property(randomMask, rectIn, (mask, rect) => {
        const before = cloneMask(mask)
        fillRect(mask, rect, 'erase')
        const want = expected(mask.width, mask.height, (x, y) =>
          insideRect(rect, x, y) ? 0 : (before.data[y * mask.width + x] ?? 0),
        )
        expect(Buffer.from(mask.data).equals(want)).toBe(true)
      }),
    )
  })

  it('a lasso around a whole-pixel rectangle fills the same pixels as the rectangle tool', () => {
    fc.assert(
      fc.property(size, rectIn, ({ width, height }, rect) => {
        const byRect = createMask(width, height)
        const byLasso = createMask(width, height)
        fillRect(byRect, rect, 'paint')
        const { x, y } = rect
        const x1 = x + rect.width
        const y1 = y + rect.height
        fillPolygon(
          byLasso,
          [
            { x, y },
            { x: x1, y },
            { x: x1, y: y1 },
            { x, y: y1 },
          ],
          'paint',
        )
        expect(masksEqual(byLasso, byRect)).toBe(true)
      }),
    )
  })

  it('a lasso triangle paints the pixels whose centres are inside it', () => {
    const mask = createMask(10, 10)
    fillPolygon(
      mask,
      [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 0, y: 10 },
      ],
      'paint',
    )
    for (let y = 0; y < 10; y++)
      for (let x = 0; x < 10; x++) expect(mask.data[y * 10 + x]).toBe(x + 0.5 + y + 0.5 < 10 ? FULL : 0)
  })

  it('a hard dab paints exactly the pixels whose centres lie within the radius', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5, max: 45, noNaN: true }),
        fc.double({ min: -5, max: 45, noNaN: true }),
        fc.double({ min: 0.3, max: 12, noNaN: true }),
        (cx, cy, radius) => {
          const mask = createMask(40, 40)
          stampDab(mask, { x: cx, y: cy }, { radius, hardness: 1, mode: 'paint' })
          const want = expected(40, 40, (x, y) => (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= radius ? FULL : 0))
          expect(Buffer.from(mask.data).equals(want)).toBe(true)
        },
      ),
    )
  })

  it('a soft brush falls off from the centre and never paints past the radius', () => {
    expect(dabCoverage(0, 10, 0)).toBe(FULL)
    expect(dabCoverage(5, 10, 0.5)).toBe(FULL)
    expect(dabCoverage(10.01, 10, 0)).toBe(0)
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (d, h) => {
        const c = dabCoverage(d, 10, h)
        expect(c).toBeGreaterThanOrEqual(0)
        expect(c).toBeLessThanOrEqual(FULL)
        expect(dabCoverage(Math.min(10, d + 0.5), 10, h)).toBeLessThanOrEqual(c)
      }),
    )
  })

  it('a stroke covers both its ends and the line between them', () => {
    const mask = createMask(64, 16)
    const brush = { radius: 3, hardness: 1, mode: 'paint' as const }
    stampDab(mask, { x: 4, y: 8 }, brush)
    strokeSegment(mask, { x: 4, y: 8 }, { x: 60, y: 8 }, brush)
    for (let x = 4; x < 60; x++) expect(mask.data[8 * 64 + x]).toBe(FULL)
    expect(mask.data[0]).toBe(0)
  })

  it('erasing with the same stroke leaves an empty mask', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ x: fc.double({ min: 0, max: 32, noNaN: true }), y: fc.double({ min: 0, max: 32, noNaN: true }) }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.double({ min: 0.5, max: 6, noNaN: true }),
        (points, radius) => {
          const mask = createMask(32, 32)
          for (const mode of ['paint', 'erase'] as const) {
            const brush = { radius, hardness: 1, mode }
            stampDab(mask, points[0] ?? { x: 0, y: 0 }, brush)
            for (let i = 1; i < points.length; i++)
              strokeSegment(mask, points[i - 1] ?? { x: 0, y: 0 }, points[i] ?? { x: 0, y: 0 }, brush)
          }
          expect(isMaskEmpty(mask)).toBe(true)
        },
      ),
    )
  })

  it('snaps a dragged rectangle to whole pixels whichever corner it starts from', () => {
    expect(rectBetween({ x: 10.4, y: 2.6 }, { x: 3.2, y: 8 })).toEqual({ x: 3, y: 3, width: 7, height: 5 })
  })
})
