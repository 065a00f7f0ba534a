// Paints drawings on a 2D canvas context at a given picture size. The layer (CSS pixels of
// the displayed picture) and the PNG export (the media's own pixels) share it, so what a
// vendor receives is what the reviewer saw, only sharper.
import type { AnnotationShape } from '@aipipeline/contracts'
import { arrowHead, type Size, strokePixels, toPixels } from './annotation-geometry'

/** The part of CanvasRenderingContext2D painting uses (a recording fake stands in for tests). */
export type Paint2D = Pick<
  CanvasRenderingContext2D,
  | 'save'
  | 'restore'
  | 'beginPath'
  | 'closePath'
  | 'moveTo'
  | 'lineTo'
  | 'quadraticCurveTo'
  | 'ellipse'
  | 'rect'
  | 'stroke'
  | 'fill'
  | 'fillText'
  | 'drawImage'
> & {
  strokeStyle: CanvasRenderingContext2D['strokeStyle']
  fillStyle: CanvasRenderingContext2D['fillStyle']
  lineWidth: number
  lineCap: CanvasLineCap
  lineJoin: CanvasLineJoin
  globalAlpha: number
  font: string
  textBaseline: CanvasTextBaseline
}

/** Paints one shape; `opacity` < 1 for ghosts of neighbouring frames. */
export function paintShape(ctx: Paint2D, shape: AnnotationShape, size: Size, opacity = 1): void {
  ctx.save()
  ctx.globalAlpha = opacity
  ctx.strokeStyle = shape.color
  ctx.fillStyle = shape.color
  ctx.lineWidth = strokePixels(shape.width, size)
  ctx.lineCap = 'round'
  ctx.lineJoin = 'round'
  ctx.beginPath()
  switch (shape.tool) {
    case 'pen':
      paintStroke(ctx, shape.points, size)
      break
    case 'line':
      ctx.moveTo(...toPixels(shape.from, size))
      ctx.lineTo(...toPixels(shape.to, size))
      ctx.stroke()
      break
    case 'arrow': {
      const from = toPixels(shape.from, size)
      const to = toPixels(shape.to, size)
      ctx.moveTo(...from)
      ctx.lineTo(...to)
      ctx.stroke()
      const [left, right] = arrowHead(from, to, ctx.lineWidth)
      ctx.beginPath()
      ctx.moveTo(...to)
      ctx.lineTo(...left)
      ctx.lineTo(...right)
      ctx.closePath()
      ctx.fill()
      ctx.stroke()
      break
    }
    case 'rect': {
      const [x0, y0] = toPixels(shape.from, size)
      const [x1, y1] = toPixels(shape.to, size)
      ctx.rect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0))
      ctx.stroke()
      break
    }
    case 'ellipse': {
      const [x0, y0] = toPixels(shape.from, size)
      const [x1, y1] = toPixels(shape.to, size)
      ctx.ellipse((x0 + x1) / 2, (y0 + y1) / 2, Math.abs(x1 - x0) / 2, Math.abs(y1 - y0) / 2, 0, 0, Math.PI * 2)
      ctx.stroke()
      break
    }
    case 'text':
      ctx.font = `600 ${Math.max(6, shape.size * size.height)}px sans-serif`
      ctx.textBaseline = 'top'
      ctx.fillText(shape.text, ...toPixels(shape.at, size))
      break
  }
  ctx.restore()
}

/** A pen stroke through the midpoints of its points (quadratic curves), so simplified strokes stay smooth. */
function paintStroke(ctx: Paint2D, points: readonly [number, number][], size: Size): void {
  const px = points.map((p) => toPixels(p, size))
  const first = px[0]
  if (!first) return
  ctx.moveTo(...first)
  if (px.length === 1) {
    ctx.lineTo(first[0] + 0.01, first[1]) // a dot: round caps draw it
  } else {
    for (let i = 1; i < px.length - 1; i++) {
      const p = px[i]
      const q = px[i + 1]
      if (p && q) ctx.quadraticCurveTo(p[0], p[1], (p[0] + q[0]) / 2, (p[1] + q[1]) / 2)
    }
    const last = px[px.length - 1]
    if (last) ctx.lineTo(...last)
  }
  ctx.stroke()
}

/** The frame's picture with its drawings over it, at `size` (the media's full resolution for export). */
export function composeAnnotatedFrame(
  ctx: Paint2D,
  image: CanvasImageSource,
  size: Size,
  shapes: readonly AnnotationShape[],
): void {
  ctx.drawImage(image, 0, 0, size.width, size.height)
  for (const shape of shapes) paintShape(ctx, shape, size)
}

/** A PNG of the frame with its drawings, for a vendor; `annotations` are the frame's own. */
export async function exportAnnotatedFrame(
  image: CanvasImageSource,
  size: Size,
  annotations: readonly { shape: AnnotationShape }[],
): Promise<Blob> {
  const canvas = new OffscreenCanvas(Math.round(size.width), Math.round(size.height))
  const ctx = canvas.getContext('2d')
  if (ctx === null) throw new Error('no 2D canvas in this browser')
  composeAnnotatedFrame(
    ctx,
    image,
    size,
    annotations.map((a) => a.shape),
  )
  return canvas.convertToBlob({ type: 'image/png' })
}
