// Where a zoomed image sits in its viewer: drawn at `scale` with its top-left corner at
// (`x`, `y`) in the viewer's pixels (CSS transform-origin 0 0). Pure, so the viewer's
// wheel, drag and keys are one-line calls and the geometry is tested on its own.

export interface Size {
  width: number
  height: number
}
export interface ZoomView {
  scale: number
  x: number
  y: number
}

/** 1/20 to 32× the image's own pixels. */
export const MIN_SCALE = 0.05
export const MAX_SCALE = 32
/** One wheel notch or +/− key press. */
export const ZOOM_STEP = 1.25

const clampScale = (s: number) => Math.min(Math.max(s, MIN_SCALE), MAX_SCALE)

function centred(image: Size, box: Size, scale: number): ZoomView {
  return { scale, x: (box.width - image.width * scale) / 2, y: (box.height - image.height * scale) / 2 }
}

/** The whole image in the box, centred. */
export function fitView(image: Size, box: Size): ZoomView {
  if (image.width <= 0 || image.height <= 0) return { scale: 1, x: 0, y: 0 }
  return centred(image, box, clampScale(Math.min(box.width / image.width, box.height / image.height)))
}

/** One image pixel per screen pixel, centred. */
export function actualSizeView(image: Size, box: Size): ZoomView {
  return centred(image, box, 1)
}

/** Zooms by `factor` keeping the image point under `at` (viewer pixels) where it is. */
export function zoomAt(view: ZoomView, factor: number, at: { x: number; y: number }): ZoomView {
  const scale = clampScale(view.scale * factor)
  const k = scale / view.scale
  return { scale, x: at.x - (at.x - view.x) * k, y: at.y - (at.y - view.y) * k }
}

/** Moves the image by a drag of (`dx`, `dy`) viewer pixels. */
export function panBy(view: ZoomView, dx: number, dy: number): ZoomView {
  return { ...view, x: view.x + dx, y: view.y + dy }
}

/** The zoom a wheel event asks for: one step per notch, in for a wheel turned away from the user. */
export function wheelFactor(deltaY: number): number {
  if (deltaY === 0) return 1
  return deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP
}
