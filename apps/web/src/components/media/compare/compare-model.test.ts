import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  COMPARE_MODES,
  compareKeyAction,
  dividerAt,
  dividerPixels,
  fitCompare,
  nudgeDivider,
  orderedSides,
  sideBoxes,
} from './compare-model'

describe('compare viewer geometry', () => {
  it('splits the stage in halves side by side and overlays the whole stage otherwise', () => {
    expect(sideBoxes('side', { width: 1001, height: 500 })).toEqual({
      a: { x: 0, y: 0, width: 500, height: 500 },
      b: { x: 501, y: 0, width: 500, height: 500 },
    })
    for (const mode of ['wipe', 'overlay', 'difference'] as const) {
      const { a, b } = sideBoxes(mode, { width: 800, height: 450 })
      expect(a).toEqual({ x: 0, y: 0, width: 800, height: 450 })
      expect(b).toEqual(a)
    }
  })

  it('fits a 4K picture into the half it is drawn in', () => {
    const picture = { width: 3840, height: 2160 }
    expect(fitCompare('wipe', picture, { width: 1920, height: 1080 }).scale).toBeCloseTo(0.5)
    const side = fitCompare('side', picture, { width: 1920, height: 1080 })
    expect(side.scale).toBeCloseTo(0.25)
    expect(side.x).toBeCloseTo(0)
  })

  it('keeps the divider inside the stage wherever the pointer goes', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e5, max: 1e5, noNaN: true }), fc.integer({ min: 1, max: 8000 }), (x, width) => {
        const d = dividerAt(x, { left: 100, width })
        expect(d).toBeGreaterThanOrEqual(0)
        expect(d).toBeLessThanOrEqual(1)
        const px = dividerPixels(d, width)
        expect(Number.isInteger(px)).toBe(true)
        expect(px).toBeGreaterThanOrEqual(0)
        expect(px).toBeLessThanOrEqual(width)
      }),
    )
    expect(dividerAt(150, { left: 100, width: 200 })).toBe(0.25)
    expect(dividerAt(0, { left: 0, width: 0 })).toBe(0.5)
  })

  it('nudges the divider by 1 % or 10 % and stops at the edges', () => {
    expect(nudgeDivider(0.5, 1, false)).toBeCloseTo(0.51)
    expect(nudgeDivider(0.5, -1, true)).toBeCloseTo(0.4)
    expect(nudgeDivider(0.95, 1, true)).toBe(1)
    expect(nudgeDivider(0.02, -1, false)).toBeCloseTo(0.01)
  })

  it('maps keys: backslash and F flip, 1–4 pick modes, zoom and fit', () => {
    expect(compareKeyAction('\\')).toEqual({ kind: 'flip' })
    expect(compareKeyAction('F')).toEqual({ kind: 'flip' })
    expect(COMPARE_MODES.map((_, i) => compareKeyAction(String(i + 1)))).toEqual(
      COMPARE_MODES.map((mode) => ({ kind: 'mode', mode })),
    )
    expect(compareKeyAction('5')).toBeNull()
    expect(compareKeyAction('+')).toEqual({ kind: 'zoom', factor: 'in' })
    expect(compareKeyAction('0')).toEqual({ kind: 'fit' })
    expect(compareKeyAction(' ')).toBeNull()
  })

  it('swaps the sides when flipped', () => {
    expect(orderedSides('a', 'b', false)).toEqual({ first: 'a', second: 'b' })
    expect(orderedSides('a', 'b', true)).toEqual({ first: 'b', second: 'a' })
  })
})
