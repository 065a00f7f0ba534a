// The mask previewed over the image: only the screen pixels that show a changed part of the
// mask are recomputed (a brush dab's few hundred, not the image's 16 million), each one taking
// the mask pixel under its centre. Pure: it fills a pixel buffer the view hands to the canvas.
import type { ZoomView } from '../zoom-view'
import type { MaskRaster, Point, Rect } from './mask-raster'

/** The image point under a viewer point (viewer pixels from the top-left corner). */
export function screenToImage(view: ZoomView, x: number, y: number): Point {
  return { x: (x - view.x) / view.scale, y: (y - view.y) / view.scale }
}

/** The viewer pixels that show any part of the mask rectangle, clipped to the viewer. */
export function screenRectOf(rect: Rect, view: ZoomView, screen: { width: number; height: number }): Rect | null {
  const x0 = Math.max(0, Math.floor(view.x + rect.x * view.scale))
  const y0 = Math.max(0, Math.floor(view.y + rect.y * view.scale))
  const x1 = Math.min(screen.width, Math.ceil(view.x + (rect.x + rect.width) * view.scale))
  const y1 = Math.min(screen.height, Math.ceil(view.y + (rect.y + rect.height) * view.scale))
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null
}

/** 256 RGBA pixels (little-endian words for a Uint32Array over ImageData): colour at coverage × opacity. */
export function overlayPalette(rgb: readonly [number, number, number], opacity: number): Uint32Array {
  const palette = new Uint32Array(256)
  const bytes = new Uint8Array(palette.buffer)
  for (let v = 0; v < 256; v++) {
    bytes[v * 4] = rgb[0]
    bytes[v * 4 + 1] = rgb[1]
    bytes[v * 4 + 2] = rgb[2]
    bytes[v * 4 + 3] = Math.round(v * opacity)
  }
  return palette
}

/**
 * Fills `out` (screenRect.width × screenRect.height pixels) with the overlay of the viewer
 * pixels in `screenRect`: the palette entry of the mask pixel under each pixel's centre,
 * transparent outside the image.
 */
export function renderOverlay(
  mask: MaskRaster,
  view: ZoomView,
  screenRect: Rect,
  palette: Uint32Array,
  out: Uint32Array,
): void {
  const { width, height, data } = mask
  const inv = 1 / view.scale
  // Mask column of every screen column of the rectangle, computed once per call.
  const columns = new Int32Array(screenRect.width)
  for (let i = 0; i < screenRect.width; i++) {
    const mx = Math.floor((screenRect.x + i + 0.5 - view.x) * inv)
    columns[i] = mx >= 0 && mx < width ? mx : -1
  }
  for (let j = 0; j < screenRect.height; j++) {
    const my = Math.floor((screenRect.y + j + 0.5 - view.y) * inv)
    const rowOut = j * screenRect.width
    if (my < 0 || my >= height) {
      out.fill(0, rowOut, rowOut + screenRect.width)
      continue
    }
    const row = my * width
    for (let i = 0; i < screenRect.width; i++) {
      const mx = columns[i] ?? -1
      out[rowOut + i] = mx < 0 ? 0 : (palette[data[row + mx] ?? 0] ?? 0)
    }
  }
}
