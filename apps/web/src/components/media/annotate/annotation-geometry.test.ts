import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { finishDraft, moveDraft, startDraft, textShape } from './annotation-draft'
import { arrowHead, type Fraction2, MAX_PEN_POINTS, simplifyStroke, toFraction, toPixels } from './annotation-geometry'

const style = { color: '#ff3b30', width: 0.004 }
const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 9)

describe('image fractions and pixels', () => {
  it('renders a point drawn at 800×450 at the same place of the picture at 1920×1080 and other sizes', () => {
    const drawn = toFraction([200, 300], { width: 800, height: 450 })
    expect(drawn[0]).toBeCloseTo(0.25)
    expect(drawn[1]).toBeCloseTo(2 / 3)
    const full = toPixels(drawn, { width: 1920, height: 1080 })
    close(full[0], 480)
    close(full[1], 720)
    const small = toPixels(drawn, { width: 320, height: 180 })
    close(small[0], 80)
    close(small[1], 120)
  })

  it('round-trips any point at any size', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 16, max: 8192 }),
        fc.integer({ min: 16, max: 8192 }),
        (x, y, width, height) => {
          const back = toFraction(toPixels([x, y], { width, height }), { width, height })
          close(back[0], x)
          close(back[1], y)
        },
      ),
    )
  })

  it('stores a shape drawn on a small player in fractions that land on the same spot full screen', () => {
    const small = { width: 800, height: 450 }
    const draft = moveDraft(startDraft('rect', [80, 45]), [400, 225])
    const shape = finishDraft(draft, small, style)
    expect(shape).toMatchObject({ tool: 'rect', from: [0.1, 0.1], to: [0.5, 0.5] })
    if (shape?.tool !== 'rect') throw new Error('rect expected')
    expect(toPixels(shape.to, { width: 1920, height: 1080 })).toEqual([960, 540])
  })

  it('takes a click without a drag as no shape, except for text', () => {
    expect(
      finishDraft(moveDraft(startDraft('arrow', [10, 10]), [11, 11]), { width: 100, height: 100 }, style),
    ).toBeNull()
    expect(textShape('  ', [5, 5], { width: 100, height: 100 }, style)).toBeNull()
    expect(textShape(' fix edge ', [50, 25], { width: 100, height: 100 }, style)).toMatchObject({
      tool: 'text',
      text: 'fix edge',
      at: [0.5, 0.25],
    })
  })
})

describe('pen strokes', () => {
  it('keeps a straight line as its two ends and a corner as three points', () => {
    const straight: Fraction2[] = Array.from({ length: 100 }, (_, i) => [i, i * 2])
    expect(simplifyStroke(straight, 0.5)).toEqual([
      [0, 0],
      [99, 198],
    ])
    const corner: Fraction2[] = [
      ...Array.from({ length: 50 }, (_, i): Fraction2 => [i, 0]),
      ...Array.from({ length: 50 }, (_, i): Fraction2 => [49, i + 1]),
    ]
    expect(simplifyStroke(corner, 0.5)).toEqual([
      [0, 0],
      [49, 0],
      [49, 50],
    ])
  })

  it('brings any long scribble under 500 points and keeps its ends', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.double({ min: 0, max: 1920, noNaN: true }), fc.double({ min: 0, max: 1080, noNaN: true })),
          {
            minLength: 2,
            maxLength: 3000,
          },
        ),
        (points) => {
          const out = simplifyStroke(points, 0.8)
          expect(out.length).toBeLessThanOrEqual(MAX_PEN_POINTS)
          expect(out[0]).toEqual(points[0])
          expect(out[out.length - 1]).toEqual(points[points.length - 1])
        },
      ),
      { numRuns: 40 },
    )
  })

  it('stores a finished pen stroke in fractions under the point budget', () => {
    let draft = startDraft('pen', [0, 0])
    for (let i = 0; i < 4000; i++)
      draft = moveDraft(draft, [400 + 300 * Math.cos(i / 90), 225 + 200 * Math.sin(i / 60)])
    const shape = finishDraft(draft, { width: 800, height: 450 }, style)
    if (shape?.tool !== 'pen') throw new Error('pen expected')
    expect(shape.points.length).toBeLessThan(500)
    for (const [x, y] of shape.points) {
      expect(x).toBeGreaterThanOrEqual(0)
      expect(y).toBeLessThanOrEqual(1)
    }
  })
})

describe('arrow heads', () => {
  it('grow with the stroke width and point back along the arrow', () => {
    const thin = arrowHead([0, 0], [100, 0], 2)
    const thick = arrowHead([0, 0], [100, 0], 8)
    expect(100 - thick[0][0]).toBeGreaterThan(100 - thin[0][0])
    expect(thin[0][0]).toBeLessThan(100)
    close(thin[0][1], -thin[1][1])
  })
})
