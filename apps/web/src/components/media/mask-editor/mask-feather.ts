// Feathering a mask: grow (dilate) or shrink (erode) its edge by whole pixels, then soften it
// with a blur. Both are separable and cost the same per pixel whatever the radius (van Herk /
// Gil-Werman running extremes; three running-sum box blurs ≈ a Gaussian), so a 4096² mask
// feathers in a fraction of a second. Pure: no DOM.
import { type BeforeWrite, type MaskRaster, type Rect, wholeMask } from './mask-raster'

export interface Feather {
  /** Pixels the edge moves outwards (negative: inwards), as a square neighbourhood. */
  grow: number
  /** Blur radius in pixels (about the Gaussian's sigma); 0 keeps the edge as it is. */
  blur: number
}

/** Grows or shrinks, then blurs, the whole mask in place; returns the changed rectangle. */
export function featherMask(mask: MaskRaster, feather: Feather, beforeWrite?: BeforeWrite): Rect | null {
  const grow = Math.round(feather.grow)
  const blur = Math.max(0, Math.round(feather.blur))
  if (grow === 0 && blur === 0) return null
  const all = wholeMask(mask)
  beforeWrite?.(all)
  if (grow !== 0) morph(mask, Math.abs(grow), grow > 0)
  if (blur > 0) for (const radius of boxRadii(blur)) boxBlur(mask, radius)
  return all
}

/** Dilation (max) or erosion (min) over a (2r+1)² square, rows then columns. */
function morph(mask: MaskRaster, r: number, dilate: boolean): void {
  const { width, height, data } = mask
  const line = new Uint8Array(Math.max(width, height))
  const out = new Uint8Array(Math.max(width, height))
  for (let y = 0; y < height; y++) {
    line.set(data.subarray(y * width, (y + 1) * width))
    runningExtreme(line, width, r, dilate, out)
    data.set(out.subarray(0, width), y * width)
  }
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) line[y] = data[y * width + x] ?? 0
    runningExtreme(line, height, r, dilate, out)
    for (let y = 0; y < height; y++) data[y * width + x] = out[y] ?? 0
  }
}

/**
 * out[i] = max (or min) of src[i−r … i+r], with outside the line counting as keep (0) for a
 * max and as repaint (255) for a min, so the image border neither grows nor eats the mask.
 */
export function runningExtreme(src: Uint8Array, n: number, r: number, max: boolean, out: Uint8Array): void {
  const k = 2 * r + 1
  const padded = n + 2 * r
  const neutral = max ? 0 : 255
  const pick = max ? Math.max : Math.min
  const at = (j: number) => (j >= r && j < n + r ? (src[j - r] ?? neutral) : neutral)
  const g = new Uint8Array(padded)
  const h = new Uint8Array(padded)
  for (let j = 0; j < padded; j++) g[j] = j % k === 0 ? at(j) : pick(g[j - 1] ?? neutral, at(j))
  for (let j = padded - 1; j >= 0; j--)
    h[j] = j % k === k - 1 || j === padded - 1 ? at(j) : pick(h[j + 1] ?? neutral, at(j))
  for (let i = 0; i < n; i++) out[i] = pick(h[i] ?? neutral, g[i + 2 * r] ?? neutral)
}

/** Three box radii whose successive blurs approximate a Gaussian of sigma `sigma`. */
export function boxRadii(sigma: number): number[] {
  const ideal = Math.sqrt((12 * sigma * sigma) / 3 + 1)
  let lower = Math.floor(ideal)
  if (lower % 2 === 0) lower--
  const upper = lower + 2
  const m = Math.round((12 * sigma * sigma - 3 * lower * lower - 12 * lower - 9) / (-4 * lower - 4))
  return [0, 1, 2].map((i) => Math.max(0, ((i < m ? lower : upper) - 1) / 2))
}

/** A box blur of radius r, rows then columns, with the border pixel repeated outwards. */
function boxBlur(mask: MaskRaster, r: number): void {
  if (r <= 0) return
  const { width, height, data } = mask
  const line = new Uint8Array(Math.max(width, height))
  const out = new Uint8Array(Math.max(width, height))
  for (let y = 0; y < height; y++) {
    line.set(data.subarray(y * width, (y + 1) * width))
    runningMean(line, width, r, out)
    data.set(out.subarray(0, width), y * width)
  }
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) line[y] = data[y * width + x] ?? 0
    runningMean(line, height, r, out)
    for (let y = 0; y < height; y++) data[y * width + x] = out[y] ?? 0
  }
}

function runningMean(src: Uint8Array, n: number, r: number, out: Uint8Array): void {
  const at = (j: number) => src[Math.min(n - 1, Math.max(0, j))] ?? 0
  const k = 2 * r + 1
  let sum = 0
  for (let j = -r; j <= r; j++) sum += at(j)
  for (let i = 0; i < n; i++) {
    out[i] = Math.round(sum / k)
    sum += at(i + r + 1) - at(i - r)
  }
}
