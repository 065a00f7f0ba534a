// The stacked layers of the mask editor inside its host element: the image (an <img> placed by
// a CSS transform, so zoom and pan cost the browser's compositor, not a redraw of 16 million
// pixels), the viewer-sized overlay canvas, a guide canvas for rectangle and lasso outlines,
// and the brush ring (a bordered circle moved by a transform).
import type { ZoomView } from '../zoom-view'
import type { Point, Rect } from './mask-raster'

export interface MaskLayers {
  overlay: HTMLCanvasElement
  overlayContext: CanvasRenderingContext2D
  placeImage(view: ZoomView): void
  resize(width: number, height: number): void
  moveRing(x: number, y: number, radius: number): void
  drawRect(view: ZoomView, rect: Rect): void
  drawLasso(view: ZoomView, points: readonly Point[]): void
  clearGuides(): void
  remove(): void
}

const fill = 'position:absolute;left:0;top:0;pointer-events:none;'

export function mountLayers(host: HTMLElement, image: { url: string; width: number; height: number }): MaskLayers {
  host.style.position = 'relative'
  host.style.overflow = 'hidden'
  host.style.touchAction = 'none'
  host.style.cursor = 'crosshair'
  host.style.userSelect = 'none'

  const img = document.createElement('img')
  img.src = image.url
  img.alt = ''
  img.draggable = false
  img.width = image.width
  img.height = image.height
  img.style.cssText = `${fill}transform-origin:0 0;max-width:none;will-change:transform;`
  img.dataset.testid = 'mask-image'

  const overlay = document.createElement('canvas')
  overlay.style.cssText = fill
  overlay.dataset.testid = 'mask-overlay'
  const overlayContext = overlay.getContext('2d')
  if (overlayContext === null) throw new Error('no 2D canvas context for the mask overlay')

  const guides = document.createElement('canvas')
  guides.style.cssText = fill
  const guideContext = guides.getContext('2d')
  if (guideContext === null) throw new Error('no 2D canvas context for the mask guides')

  const ring = document.createElement('div')
  ring.style.cssText = `${fill}border-radius:50%;border:1px solid #fff;box-shadow:0 0 0 1px rgba(0,0,0,.6);display:none;will-change:transform;`

  host.append(img, overlay, guides, ring)

  let ringRadius = -1
  const toScreen = (view: ZoomView, p: Point) => ({ x: view.x + p.x * view.scale, y: view.y + p.y * view.scale })
  const clearGuides = () => guideContext.clearRect(0, 0, guides.width, guides.height)
  const stroke = () => {
    guideContext.lineWidth = 1
    guideContext.setLineDash([6, 4])
    guideContext.strokeStyle = '#fff'
    guideContext.stroke()
    guideContext.setLineDash([])
    guideContext.strokeStyle = 'rgba(0,0,0,.7)'
    guideContext.lineDashOffset = 0
    guideContext.stroke()
  }

  return {
    overlay,
    overlayContext,
    placeImage(view) {
      img.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`
      // Zoomed in past 2×, each image pixel shows as a square, as it will be masked.
      img.style.imageRendering = view.scale >= 2 ? 'pixelated' : 'auto'
    },
    resize(width, height) {
      for (const canvas of [overlay, guides]) {
        canvas.width = Math.max(1, width)
        canvas.height = Math.max(1, height)
      }
    },
    moveRing(x, y, radius) {
      if (radius <= 0) {
        ring.style.display = 'none'
        ringRadius = -1
        return
      }
      // Size changes lay the ring out again; most moves only translate it.
      if (radius !== ringRadius) {
        ring.style.display = 'block'
        ring.style.width = `${radius * 2}px`
        ring.style.height = `${radius * 2}px`
        ringRadius = radius
      }
      ring.style.transform = `translate(${x - radius}px, ${y - radius}px)`
    },
    drawRect(view, rect) {
      clearGuides()
      const a = toScreen(view, rect)
      guideContext.beginPath()
      guideContext.rect(a.x + 0.5, a.y + 0.5, rect.width * view.scale, rect.height * view.scale)
      stroke()
    },
    drawLasso(view, points) {
      clearGuides()
      guideContext.beginPath()
      points.forEach((p, i) => {
        const s = toScreen(view, p)
        if (i === 0) guideContext.moveTo(s.x, s.y)
        else guideContext.lineTo(s.x, s.y)
      })
      guideContext.closePath()
      stroke()
    },
    clearGuides,
    remove() {
      img.remove()
      overlay.remove()
      guides.remove()
      ring.remove()
    },
  }
}
