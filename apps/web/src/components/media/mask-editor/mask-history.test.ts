import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { featherMask } from './mask-feather'
import { MaskHistory, TILE } from './mask-history'
import {
  clearMask,
  cloneMask,
  createMask,
  fillPolygon,
  fillRect,
  invertMask,
  type MaskRaster,
  masksEqual,
  stampDab,
  strokeSegment,
} from './mask-raster'

/** One user action on the mask, as the editor performs it. */
type Action =
  | { kind: 'stroke'; points: { x: number; y: number }[]; radius: number; hardness: number; erase: boolean }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; erase: boolean }
  | { kind: 'lasso'; points: { x: number; y: number }[]; erase: boolean }
  | { kind: 'invert' }
  | { kind: 'clear' }
  | { kind: 'feather'; grow: number; blur: number }

const W = 300
const H = 170
const coord = fc.record({
  x: fc.double({ min: -20, max: W + 20, noNaN: true }),
  y: fc.double({ min: -20, max: H + 20, noNaN: true }),
})
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('stroke' as const),
    points: fc.array(coord, { minLength: 1, maxLength: 6 }),
    radius: fc.double({ min: 0.5, max: 40, noNaN: true }),
    hardness: fc.double({ min: 0, max: 1, noNaN: true }),
    erase: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('rect' as const),
    x: fc.integer({ min: -50, max: W }),
    y: fc.integer({ min: -50, max: H }),
    width: fc.integer({ min: 0, max: 200 }),
    height: fc.integer({ min: 0, max: 200 }),
    erase: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('lasso' as const),
    points: fc.array(coord, { minLength: 3, maxLength: 7 }),
    erase: fc.boolean(),
  }),
  fc.constant({ kind: 'invert' as const }),
  fc.constant({ kind: 'clear' as const }),
  fc.record({
    kind: fc.constant('feather' as const),
    grow: fc.integer({ min: -3, max: 3 }),
    blur: fc.integer({ min: 0, max: 2 }),
  }),
)

function perform(history: MaskHistory, a: Action): void {
  const mask = history.mask
  history.begin()
  const touch = history.touch
  switch (a.kind) {
    case 'stroke': {
      const brush = { radius: a.radius, hardness: a.hardness, mode: a.erase ? ('erase' as const) : ('paint' as const) }
      stampDab(mask, a.points[0] ?? { x: 0, y: 0 }, brush, touch)
      for (let i = 1; i < a.points.length; i++)
        strokeSegment(mask, a.points[i - 1] ?? { x: 0, y: 0 }, a.points[i] ?? { x: 0, y: 0 }, brush, touch)
      break
    }
    case 'rect':
      fillRect(mask, a, a.erase ? 'erase' : 'paint', touch)
      break
    case 'lasso':
      fillPolygon(mask, a.points, a.erase ? 'erase' : 'paint', touch)
      break
    case 'invert':
      invertMask(mask, touch)
      break
    case 'clear':
      clearMask(mask, touch)
      break
    case 'feather':
      featherMask(mask, a, touch)
      break
  }
  history.commit()
}

describe('mask undo and redo', () => {
  it('undo after any sequence of edits gives back each earlier mask in turn, and redo replays them', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 8 }), (actions) => {
        const history = new MaskHistory(createMask(W, H))
        const states: MaskRaster[] = [cloneMask(history.mask)]
        for (const a of actions) {
          perform(history, a)
          const last = states[states.length - 1] as MaskRaster
          // An edit that changed nothing is not an undo step.
          if (!masksEqual(last, history.mask)) states.push(cloneMask(history.mask))
        }
        for (let i = states.length - 2; i >= 0; i--) {
          history.undo()
          expect(masksEqual(history.mask, states[i] as MaskRaster)).toBe(true)
        }
        expect(history.canUndo).toBe(false)
        for (let i = 1; i < states.length; i++) {
          history.redo()
          expect(masksEqual(history.mask, states[i] as MaskRaster)).toBe(true)
        }
      }),
      { numRuns: 60 },
    )
  })

  it('a new edit after an undo drops the redo list', () => {
    const history = new MaskHistory(createMask(64, 64))
    perform(history, { kind: 'rect', x: 0, y: 0, width: 10, height: 10, erase: false })
    history.undo()
    expect(history.canRedo).toBe(true)
    perform(history, { kind: 'invert' })
    expect(history.canRedo).toBe(false)
    expect(history.redo()).toBeNull()
  })

  it('a brush stroke keeps only the tiles it touched', () => {
    const history = new MaskHistory(createMask(4096, 4096))
    perform(history, {
      kind: 'stroke',
      points: [
        { x: 10, y: 10 },
        { x: 200, y: 10 },
      ],
      radius: 8,
      hardness: 1,
      erase: false,
    })
    const rect = history.undo()
    expect(rect).not.toBeNull()
    // Two tiles wide, one tall: the rectangle it reports is the stroke's, not the mask's.
    expect((rect?.width ?? 0) <= 2 * TILE).toBe(true)
    expect(rect?.height).toBeLessThanOrEqual(TILE)
  })

  it('keeps at most the allowed number of edits, dropping the oldest', () => {
    const history = new MaskHistory(createMask(16, 16), { edits: 3, bytes: Number.MAX_SAFE_INTEGER })
    for (let i = 0; i < 5; i++) perform(history, { kind: 'rect', x: i, y: 0, width: 1, height: 1, erase: false })
    let undos = 0
    while (history.undo() !== null) undos++
    expect(undos).toBe(3)
    expect(history.mask.data[0]).toBe(255)
    expect(history.mask.data[1]).toBe(255)
    expect(history.mask.data[2]).toBe(0)
  })
})
