import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { boxRadii, featherMask, runningExtreme } from './mask-feather'
import { cloneMask, createMask, FULL, fillRect, type MaskRaster, masksEqual } from './mask-raster'

const randomMask = fc
  .record({ width: fc.integer({ min: 1, max: 40 }), height: fc.integer({ min: 1, max: 40 }) })
  .chain(({ width, height }) =>
    fc
      .uint8Array({ minLength: width * height, maxLength: width * height })
      .map((data): MaskRaster => ({ width, height, data })),
  )

describe('mask feather', () => {
  it('the running max and min equal the naive window over the line', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 12 }),
        fc.boolean(),
        (src, r, max) => {
          const out = new Uint8Array(src.length)
          runningExtreme(src, src.length, r, max, out)
          const want = src.map((_, i) => {
            let w = max ? 0 : 255
            for (let j = i - r; j <= i + r; j++) {
              const v = j >= 0 && j < src.length ? (src[j] ?? 0) : max ? 0 : 255
              w = max ? Math.max(w, v) : Math.min(w, v)
            }
            return w
          })
          expect([...out]).toEqual([...want])
        },
      ),
    )
  })

  it('growing never removes paint and shrinking never adds any', () => {
    fc.assert(
      fc.property(randomMask, fc.integer({ min: 1, max: 5 }), (mask, n) => {
        const grown = cloneMask(mask)
        featherMask(grown, { grow: n, blur: 0 })
        const shrunk = cloneMask(mask)
        featherMask(shrunk, { grow: -n, blur: 0 })
        const i = mask.data.findIndex((v, at) => (grown.data[at] ?? 0) < v || (shrunk.data[at] ?? 0) > v)
        expect(i).toBe(-1)
      }),
    )
  })

  it('grows a painted square by exactly n pixels on each side', () => {
    const mask = createMask(40, 40)
    fillRect(mask, { x: 15, y: 15, width: 10, height: 10 }, 'paint')
    featherMask(mask, { grow: 3, blur: 0 })
    const want = createMask(40, 40)
    fillRect(want, { x: 12, y: 12, width: 16, height: 16 }, 'paint')
    expect(masksEqual(mask, want)).toBe(true)
  })

  it('blurring a uniform mask changes nothing, and zero feather is no edit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 6 }), (v, blur) => {
        const mask = createMask(30, 20)
        mask.data.fill(v)
        featherMask(mask, { grow: 0, blur })
        expect(mask.data.every((x) => x === v)).toBe(true)
      }),
    )
    expect(featherMask(createMask(4, 4), { grow: 0, blur: 0 })).toBeNull()
  })

  it('blur softens a hard edge into a ramp between keep and repaint', () => {
    const mask = createMask(60, 1)
    fillRect(mask, { x: 30, y: 0, width: 30, height: 1 }, 'paint')
    featherMask(mask, { grow: 0, blur: 4 })
    const row = [...mask.data]
    expect(row[0]).toBe(0)
    expect(row[59]).toBe(FULL)
    expect(row[30]).toBeGreaterThan(0)
    expect(row[30]).toBeLessThan(FULL)
    for (let x = 1; x < 60; x++) expect(row[x] ?? 0).toBeGreaterThanOrEqual(row[x - 1] ?? 0)
  })

  it('three box radii for a Gaussian sigma are whole and close to each other', () => {
    for (const sigma of [1, 2, 5, 10]) {
      const radii = boxRadii(sigma)
      expect(radii).toHaveLength(3)
      for (const r of radii) expect(Number.isInteger(r)).toBe(true)
      expect(Math.max(...radii) - Math.min(...radii)).toBeLessThanOrEqual(1)
    }
  })
})
