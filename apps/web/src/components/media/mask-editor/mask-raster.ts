// The inpaint mask at the image's own resolution: one byte per pixel, 0 = keep, 255 = repaint,
// values between only where a soft brush or a feather asks for them. Every paint operation
// writes a bounded rectangle and reports it first (`beforeWrite`), so the undo history can copy
// what is about to change and the view can redraw only that part. Pure: no DOM.

/** A pixel rectangle, half-open: columns x … x+width−1, rows y … y+height−1. */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface MaskRaster {
  readonly width: number
  readonly height: number
  /** Row-major, width × height bytes. */
  readonly data: Uint8Array
}

export interface Point {
  x: number
  y: number
}

/** Paint adds coverage (towards 255), erase removes it (towards 0). */
export type MaskMode = 'paint' | 'erase'

export interface Brush {
  /** Image pixels from the centre to the edge. */
  radius: number
  /** 1: every pixel inside the radius is fully painted; 0: coverage falls off from the centre. */
  hardness: number
  mode: MaskMode
}

/** Called once with the rectangle an operation is about to change (already clipped). */
export type BeforeWrite = (rect: Rect) => void

export const FULL = 255

export function createMask(width: number, height: number): MaskRaster {
  return { width, height, data: new Uint8Array(width * height) }
}

export function cloneMask(mask: MaskRaster): MaskRaster {
  return { width: mask.width, height: mask.height, data: mask.data.slice() }
}

export function masksEqual(a: MaskRaster, b: MaskRaster): boolean {
  if (a.width !== b.width || a.height !== b.height) return false
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false
  return true
}

export function wholeMask(mask: Pick<MaskRaster, 'width' | 'height'>): Rect {
  return { x: 0, y: 0, width: mask.width, height: mask.height }
}

/** The part of `rect` inside the mask, or null when nothing is left. */
export function clipRect(rect: Rect, mask: Pick<MaskRaster, 'width' | 'height'>): Rect | null {
  const x0 = Math.max(0, rect.x)
  const y0 = Math.max(0, rect.y)
  const x1 = Math.min(mask.width, rect.x + rect.width)
  const y1 = Math.min(mask.height, rect.y + rect.height)
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null
}

/** The smallest rectangle holding both (null is the empty rectangle). */
export function unionRect(a: Rect | null, b: Rect | null): Rect | null {
  if (a === null) return b
  if (b === null) return a
  const x = Math.min(a.x, b.x)
  const y = Math.min(a.y, b.y)
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  }
}

/**
 * Coverage (0..255) of a dab at `distance` from its centre: full inside the hard core
 * (radius × hardness), then a smoothstep down to 0 at the radius. Hardness 1 has no falloff,
 * so a hard brush paints exactly the pixels whose centres lie within the radius.
 */
export function dabCoverage(distance: number, radius: number, hardness: number): number {
  if (distance > radius) return 0
  const core = radius * hardness
  if (distance <= core) return FULL
  const t = (radius - distance) / (radius - core)
  return Math.round(FULL * t * t * (3 - 2 * t))
}

/** The pixels whose centres may lie within `radius` of (x, y), clipped to the mask. */
export function dabRect(mask: MaskRaster, at: Point, radius: number): Rect | null {
  const x0 = Math.ceil(at.x - radius - 0.5)
  const y0 = Math.ceil(at.y - radius - 0.5)
  const x1 = Math.floor(at.x + radius - 0.5)
  const y1 = Math.floor(at.y + radius - 0.5)
  return clipRect({ x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 }, mask)
}

/** Stamps one round dab; paint keeps the larger coverage, so overlapping dabs never build up. */
export function stampDab(mask: MaskRaster, at: Point, brush: Brush, beforeWrite?: BeforeWrite): Rect | null {
  const rect = dabRect(mask, at, brush.radius)
  if (rect === null) return null
  beforeWrite?.(rect)
  const { data, width } = mask
  const hardness = Math.min(1, Math.max(0, brush.hardness))
  // Squared distances a pixel away from the edge and from the core decide most pixels without
  // a square root; only the ring near an edge takes the exact path, so results stay the same.
  const outside = (brush.radius + 1) ** 2
  const core = brush.radius * hardness
  const inside = core > 1 ? (core - 1) ** 2 : -1
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    const dy = y + 0.5 - at.y
    for (let x = rect.x; x < rect.x + rect.width; x++) {
      const dx = x + 0.5 - at.x
      const d2 = dx * dx + dy * dy
      if (d2 > outside) continue
      const c = d2 < inside ? FULL : dabCoverage(Math.sqrt(d2), brush.radius, hardness)
      if (c === 0) continue
      const i = y * width + x
      const v = data[i] ?? 0
      data[i] = brush.mode === 'paint' ? Math.max(v, c) : Math.min(v, FULL - c)
    }
  }
  return rect
}

/** Dab spacing along a stroke (image pixels): a quarter of the radius keeps the edge smooth. */
export function dabSpacing(radius: number): number {
  return Math.max(0.5, radius / 4)
}

/**
 * The dab centres a stroke segment adds after its start point (which the previous segment or
 * the stroke's first dab already stamped), evenly spaced so that the last one is `to`.
 */
export function segmentDabs(from: Point, to: Point, radius: number): Point[] {
  const length = Math.hypot(to.x - from.x, to.y - from.y)
  const n = Math.ceil(length / dabSpacing(radius))
  const dabs: Point[] = []
  for (let i = 1; i <= n; i++)
    dabs.push({ x: from.x + ((to.x - from.x) * i) / n, y: from.y + ((to.y - from.y) * i) / n })
  return dabs
}

/** Paints the segment from → to (without the dab at `from`); returns the changed rectangle. */
export function strokeSegment(
  mask: MaskRaster,
  from: Point,
  to: Point,
  brush: Brush,
  beforeWrite?: BeforeWrite,
): Rect | null {
  let dirty: Rect | null = null
  for (const at of segmentDabs(from, to, brush.radius)) dirty = unionRect(dirty, stampDab(mask, at, brush, beforeWrite))
  return dirty
}

/** Fills (or clears) exactly the pixels of `rect` that lie in the mask. */
export function fillRect(mask: MaskRaster, rect: Rect, mode: MaskMode, beforeWrite?: BeforeWrite): Rect | null {
  const clipped = clipRect(rect, mask)
  if (clipped === null) return null
  beforeWrite?.(clipped)
  const value = mode === 'paint' ? FULL : 0
  for (let y = clipped.y; y < clipped.y + clipped.height; y++) {
    const row = y * mask.width
    mask.data.fill(value, row + clipped.x, row + clipped.x + clipped.width)
  }
  return clipped
}

/** The rectangle with corners at two pointer positions, snapped to whole pixels. */
export function rectBetween(a: Point, b: Point): Rect {
  const x0 = Math.round(Math.min(a.x, b.x))
  const y0 = Math.round(Math.min(a.y, b.y))
  const x1 = Math.round(Math.max(a.x, b.x))
  const y1 = Math.round(Math.max(a.y, b.y))
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }
}

/**
 * Fills (or clears) the pixels whose centres lie inside the closed polygon (even-odd rule, as
 * a lasso is drawn): one scanline per row through the pixel centres.
 */
export function fillPolygon(
  mask: MaskRaster,
  points: readonly Point[],
  mode: MaskMode,
  beforeWrite?: BeforeWrite,
): Rect | null {
  if (points.length < 3) return null
  const xs = points.map((p) => p.x)
  const ys = points.map((p) => p.y)
  const bounds = clipRect(
    {
      x: Math.floor(Math.min(...xs)),
      y: Math.floor(Math.min(...ys)),
      width: Math.ceil(Math.max(...xs)) - Math.floor(Math.min(...xs)) + 1,
      height: Math.ceil(Math.max(...ys)) - Math.floor(Math.min(...ys)) + 1,
    },
    mask,
  )
  if (bounds === null) return null
  beforeWrite?.(bounds)
  const value = mode === 'paint' ? FULL : 0
  const crossings: number[] = []
  for (let y = bounds.y; y < bounds.y + bounds.height; y++) {
    const cy = y + 0.5
    crossings.length = 0
    for (let i = 0; i < points.length; i++) {
      const a = points[i] as Point
      const b = points[(i + 1) % points.length] as Point
      // Half-open in y, so a vertex on the scanline counts once.
      if (a.y <= cy === b.y <= cy) continue
      crossings.push(a.x + ((cy - a.y) * (b.x - a.x)) / (b.y - a.y))
    }
    crossings.sort((p, q) => p - q)
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      // Pixels with centre x + 0.5 in [left, right).
      const from = Math.max(bounds.x, Math.ceil((crossings[k] as number) - 0.5))
      const to = Math.min(bounds.x + bounds.width, Math.ceil((crossings[k + 1] as number) - 0.5))
      if (to > from) mask.data.fill(value, y * mask.width + from, y * mask.width + to)
    }
  }
  return bounds
}

/** Swaps repaint and keep everywhere. */
export function invertMask(mask: MaskRaster, beforeWrite?: BeforeWrite): Rect {
  const all = wholeMask(mask)
  beforeWrite?.(all)
  const { data } = mask
  for (let i = 0; i < data.length; i++) data[i] = FULL - (data[i] ?? 0)
  return all
}

/** Keeps the whole image. */
export function clearMask(mask: MaskRaster, beforeWrite?: BeforeWrite): Rect {
  const all = wholeMask(mask)
  beforeWrite?.(all)
  mask.data.fill(0)
  return all
}

/** True when nothing is painted. */
export function isMaskEmpty(mask: MaskRaster): boolean {
  for (let i = 0; i < mask.data.length; i++) if (mask.data[i] !== 0) return false
  return true
}
