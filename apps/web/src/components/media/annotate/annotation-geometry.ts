// Drawing coordinates are fractions of the picture (0..1, origin top-left), never pixels of
// the canvas they were drawn on: Kitsu stored authoring-canvas pixels and re-scaled them, and
// drawings drifted after resizes and full screen. Rendering maps fractions to the current size.
import type { AnnotationShape } from '@aipipeline/contracts'

export type Fraction2 = [number, number]
export interface Size {
  width: number
  height: number
}

/** A point in CSS (or media) pixels of a picture of `size`, from image fractions. */
export function toPixels([fx, fy]: Fraction2, size: Size): Fraction2 {
  return [fx * size.width, fy * size.height]
}

/** Image fractions of a point given in pixels of a picture of `size`. */
export function toFraction([px, py]: Fraction2, size: Size): Fraction2 {
  return [size.width > 0 ? px / size.width : 0, size.height > 0 ? py / size.height : 0]
}

/** The stored stroke width (a fraction of the picture's width) in pixels at `size`. */
export function strokePixels(width: number, size: Size): number {
  return Math.max(1, width * size.width)
}

/** Pen strokes stay under the server's limit with room to spare. */
export const MAX_PEN_POINTS = 499

/**
 * Ramer–Douglas–Peucker simplification with a tolerance in the points' own units, then a
 * coarser tolerance until the stroke has at most `maxPoints` points. Hand-written (25 lines):
 * the npm ports (simplify-js) take no point budget and would need this loop around them.
 */
export function simplifyStroke(
  points: readonly Fraction2[],
  tolerance: number,
  maxPoints = MAX_PEN_POINTS,
): Fraction2[] {
  let tol = tolerance
  let out = rdp(points, tol)
  while (out.length > maxPoints) {
    tol *= 1.5
    out = rdp(points, tol)
  }
  return out
}

function rdp(points: readonly Fraction2[], tolerance: number): Fraction2[] {
  if (points.length <= 2) return points.map((p) => [p[0], p[1]])
  const keep = new Uint8Array(points.length)
  keep[0] = 1
  keep[points.length - 1] = 1
  const stack: [number, number][] = [[0, points.length - 1]]
  while (stack.length > 0) {
    const [first, last] = stack.pop() ?? [0, 0]
    let farthest = -1
    let farthestDistance = tolerance
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i], points[first], points[last])
      if (d > farthestDistance) {
        farthest = i
        farthestDistance = d
      }
    }
    if (farthest < 0) continue
    keep[farthest] = 1
    stack.push([first, farthest], [farthest, last])
  }
  return points.flatMap((p, i) => (keep[i] ? [[p[0], p[1]] as Fraction2] : []))
}

function distanceToSegment(p: Fraction2 | undefined, a: Fraction2 | undefined, b: Fraction2 | undefined): number {
  if (!p || !a || !b) return 0
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  const lengthSq = dx * dx + dy * dy
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSq))
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy))
}

/** The two ends of an arrow head's barbs at `to`, in pixels; the head grows with the stroke width. */
export function arrowHead(from: Fraction2, to: Fraction2, widthPx: number): [Fraction2, Fraction2] {
  const angle = Math.atan2(to[1] - from[1], to[0] - from[0])
  const length = Math.max(10, widthPx * 4.5)
  const spread = Math.PI / 7
  return [
    [to[0] - length * Math.cos(angle - spread), to[1] - length * Math.sin(angle - spread)],
    [to[0] - length * Math.cos(angle + spread), to[1] - length * Math.sin(angle + spread)],
  ]
}

/** Whether a point (fractions) is on or near a shape, for picking a drawing to select. */
export function shapeHit(shape: AnnotationShape, at: Fraction2, size: Size, slackPx = 6): boolean {
  const p = toPixels(at, size)
  const near = strokePixels(shape.width, size) / 2 + slackPx
  switch (shape.tool) {
    case 'pen': {
      const px = shape.points.map((q) => toPixels(q, size))
      if (px.length === 1) return Math.hypot(p[0] - (px[0]?.[0] ?? 0), p[1] - (px[0]?.[1] ?? 0)) <= near
      return px.slice(1).some((q, i) => distanceToSegment(p, px[i], q) <= near)
    }
    case 'line':
    case 'arrow':
      return distanceToSegment(p, toPixels(shape.from, size), toPixels(shape.to, size)) <= near
    case 'rect':
    case 'ellipse': {
      const [x0, y0] = toPixels(shape.from, size)
      const [x1, y1] = toPixels(shape.to, size)
      return (
        p[0] >= Math.min(x0, x1) - near &&
        p[0] <= Math.max(x0, x1) + near &&
        p[1] >= Math.min(y0, y1) - near &&
        p[1] <= Math.max(y0, y1) + near
      )
    }
    case 'text': {
      const [x, y] = toPixels(shape.at, size)
      const h = shape.size * size.height
      const w = h * 0.6 * shape.text.length
      return p[0] >= x - slackPx && p[0] <= x + w + slackPx && p[1] >= y - slackPx && p[1] <= y + h + slackPx
    }
  }
}
