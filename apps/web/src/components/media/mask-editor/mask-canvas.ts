// The mask editor's surface, imperative so that a pointer move never goes through React: the
// image is an <img> moved by a CSS transform (the browser composites it), the mask overlay is
// a viewer-sized canvas of which only the part over a changed mask rectangle is redrawn once
// per animation frame, and rectangle/lasso outlines and the brush ring sit on a guide layer.
// The mask itself stays at the image's resolution in a MaskHistory (undo by tiles).
import { fitView, panBy, wheelFactor, type ZoomView, zoomAt } from '../zoom-view'
import { type Feather, featherMask } from './mask-feather'
import { MaskHistory } from './mask-history'
import { type MaskLayers, mountLayers } from './mask-layers'
import { overlayPalette, renderOverlay, screenRectOf, screenToImage } from './mask-overlay'
import { encodeMaskPng } from './mask-png'
import {
  clearMask,
  createMask,
  fillPolygon,
  fillRect,
  invertMask,
  isMaskEmpty,
  type MaskMode,
  type Point,
  type Rect,
  rectBetween,
  stampDab,
  strokeSegment,
  unionRect,
} from './mask-raster'
import { clampSettings, DEFAULT_SETTINGS, type MaskSettings, shortcutCommand } from './mask-settings'

export interface MaskStatus {
  settings: MaskSettings
  canUndo: boolean
  canRedo: boolean
  scale: number
}

const OVERLAY_RGB = [255, 48, 96] as const
const OVERLAY_OPACITY = 0.55

type Gesture =
  | { kind: 'stroke'; last: Point }
  | { kind: 'rect'; from: Point; to: Point }
  | { kind: 'lasso'; points: Point[] }
  | { kind: 'pan'; lastX: number; lastY: number }

export class MaskCanvas {
  readonly history: MaskHistory
  view: ZoomView = { scale: 1, x: 0, y: 0 }
  private settings: MaskSettings
  private readonly layers: MaskLayers
  private readonly palette = overlayPalette(OVERLAY_RGB, OVERLAY_OPACITY)
  private gesture: Gesture | null = null
  private spaceHeld = false
  private dirty: Rect | null = null
  private redrawAll = true
  private frame = 0
  private hostRect: DOMRect
  private readonly cleanups: (() => void)[] = []

  constructor(
    private readonly host: HTMLElement,
    image: { url: string; width: number; height: number },
    private readonly onStatus: (status: MaskStatus) => void = () => {},
    settings: Partial<MaskSettings> = {},
  ) {
    this.settings = clampSettings({ ...DEFAULT_SETTINGS, ...settings })
    this.history = new MaskHistory(createMask(image.width, image.height))
    this.layers = mountLayers(host, image)
    this.hostRect = host.getBoundingClientRect()
    this.listen()
    this.resize()
    this.fit()
  }

  get mask() {
    return this.history.mask
  }

  status(): MaskStatus {
    return {
      settings: this.settings,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
      scale: this.view.scale,
    }
  }

  setSettings(change: Partial<MaskSettings>): void {
    const overlayChanged = change.overlay !== undefined && change.overlay !== this.settings.overlay
    this.settings = clampSettings({ ...this.settings, ...change })
    if (overlayChanged) this.layers.overlay.style.visibility = this.settings.overlay ? 'visible' : 'hidden'
    this.emit()
  }

  undo(): void {
    this.invalidate(this.history.undo())
  }
  redo(): void {
    this.invalidate(this.history.redo())
  }
  invert(): void {
    this.edit((touch) => invertMask(this.mask, touch))
  }
  clear(): void {
    this.edit((touch) => clearMask(this.mask, touch))
  }
  feather(feather: Feather): void {
    this.edit((touch) => featherMask(this.mask, feather, touch))
  }
  isEmpty(): boolean {
    return isMaskEmpty(this.mask)
  }
  /** The mask as ComfyUI takes it: greyscale PNG, white = repaint. */
  exportPng(): Uint8Array {
    return encodeMaskPng(this.mask)
  }

  fit(): void {
    this.setView(fitView(this.mask, { width: this.layers.overlay.width, height: this.layers.overlay.height }))
  }
  zoomBy(factor: number): void {
    const { width, height } = this.layers.overlay
    this.setView(zoomAt(this.view, factor, { x: width / 2, y: height / 2 }))
  }

  destroy(): void {
    cancelAnimationFrame(this.frame)
    for (const off of this.cleanups) off()
    this.layers.remove()
  }

  private edit(run: (touch: (rect: Rect) => void) => Rect | null): void {
    this.history.begin()
    const rect = run(this.history.touch)
    this.history.commit()
    this.invalidate(rect)
  }

  private setView(view: ZoomView): void {
    this.view = view
    this.layers.placeImage(view)
    // Exact numbers (not the CSS transform's rounded ones), for tests that map viewer points.
    this.host.dataset.scale = String(view.scale)
    this.host.dataset.viewX = String(view.x)
    this.host.dataset.viewY = String(view.y)
    this.redrawAll = true
    this.schedule()
    this.emit()
  }

  /** Marks a mask rectangle for redraw at the next frame and tells the toolbar. */
  private invalidate(rect: Rect | null): void {
    this.dirty = unionRect(this.dirty, rect)
    this.schedule()
    this.emit()
  }

  private schedule(): void {
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.draw())
  }

  private draw(): void {
    this.frame = 0
    const canvas = this.layers.overlay
    const screen = { width: canvas.width, height: canvas.height }
    const region = this.redrawAll
      ? { x: 0, y: 0, ...screen }
      : this.dirty === null
        ? null
        : screenRectOf(this.dirty, this.view, screen)
    this.redrawAll = false
    this.dirty = null
    if (region === null || region.width === 0 || region.height === 0) return
    const image = new ImageData(region.width, region.height)
    renderOverlay(this.mask, this.view, region, this.palette, new Uint32Array(image.data.buffer))
    this.layers.overlayContext.putImageData(image, region.x, region.y)
  }

  private emit(): void {
    this.onStatus(this.status())
  }

  private toImage(e: { clientX: number; clientY: number }): Point {
    return screenToImage(this.view, e.clientX - this.hostRect.left, e.clientY - this.hostRect.top)
  }

  private brush() {
    const mode: MaskMode = this.settings.tool === 'eraser' ? 'erase' : 'paint'
    return { radius: this.settings.radius, hardness: this.settings.hardness, mode }
  }

  private onPointerDown(e: PointerEvent): void {
    this.host.focus({ preventScroll: true })
    if (this.gesture !== null || (e.button !== 0 && e.button !== 1)) return
    e.preventDefault()
    this.host.setPointerCapture(e.pointerId)
    this.hostRect = this.host.getBoundingClientRect()
    if (e.button === 1 || this.spaceHeld) {
      this.gesture = { kind: 'pan', lastX: e.clientX, lastY: e.clientY }
      return
    }
    const at = this.toImage(e)
    const tool = this.settings.tool
    if (tool === 'brush' || tool === 'eraser') {
      this.history.begin()
      this.invalidate(stampDab(this.mask, at, this.brush(), this.history.touch))
      this.gesture = { kind: 'stroke', last: at }
    } else if (tool === 'rect') this.gesture = { kind: 'rect', from: at, to: at }
    else this.gesture = { kind: 'lasso', points: [at] }
  }

  private onPointerMove(e: PointerEvent): void {
    this.layers.moveRing(e.clientX - this.hostRect.left, e.clientY - this.hostRect.top, this.ringRadius())
    const g = this.gesture
    if (g === null) return
    if (g.kind === 'pan') {
      this.setView(panBy(this.view, e.clientX - g.lastX, e.clientY - g.lastY))
      g.lastX = e.clientX
      g.lastY = e.clientY
      return
    }
    // Every position the pointer passed since the last event, so a fast stroke has no gaps.
    const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : []
    for (const each of events.length > 0 ? events : [e]) {
      const at = this.toImage(each)
      if (g.kind === 'stroke') {
        this.invalidate(strokeSegment(this.mask, g.last, at, this.brush(), this.history.touch))
        g.last = at
      } else if (g.kind === 'rect') g.to = at
      else g.points.push(at)
    }
    if (g.kind === 'rect') this.layers.drawRect(this.view, rectBetween(g.from, g.to))
    if (g.kind === 'lasso') this.layers.drawLasso(this.view, g.points)
  }

  private onPointerUp(e: PointerEvent): void {
    const g = this.gesture
    this.gesture = null
    if (this.host.hasPointerCapture(e.pointerId)) this.host.releasePointerCapture(e.pointerId)
    if (g === null) return
    if (g.kind === 'stroke') {
      this.history.commit()
      this.emit()
    } else if (g.kind === 'rect') {
      this.layers.clearGuides()
      const rect = rectBetween(g.from, g.to)
      this.edit((touch) => fillRect(this.mask, rect, this.settings.shapeMode, touch))
    } else if (g.kind === 'lasso') {
      this.layers.clearGuides()
      this.edit((touch) => fillPolygon(this.mask, g.points, this.settings.shapeMode, touch))
    }
  }

  private ringRadius(): number {
    const tool = this.settings.tool
    return tool === 'brush' || tool === 'eraser' ? this.settings.radius * this.view.scale : 0
  }

  private onKey(e: KeyboardEvent, down: boolean): void {
    if (e.code === 'Space') {
      this.spaceHeld = down
      this.host.style.cursor = down ? 'grab' : 'crosshair'
      e.preventDefault()
      return
    }
    if (!down) return
    const command = shortcutCommand(e, this.settings)
    if (command === null) return
    e.preventDefault()
    switch (command.kind) {
      case 'undo':
        this.undo()
        break
      case 'redo':
        this.redo()
        break
      case 'fit':
        this.fit()
        break
      case 'zoom':
        this.zoomBy(command.factor)
        break
      case 'settings':
        this.setSettings(command.change)
        break
    }
  }

  private resize(): void {
    this.hostRect = this.host.getBoundingClientRect()
    this.layers.resize(Math.round(this.hostRect.width), Math.round(this.hostRect.height))
    this.redrawAll = true
    this.schedule()
  }

  private listen(): void {
    const on = <K extends keyof HTMLElementEventMap>(
      type: K,
      handler: (e: HTMLElementEventMap[K]) => void,
      options?: AddEventListenerOptions,
    ) => {
      this.host.addEventListener(type, handler, options)
      this.cleanups.push(() => this.host.removeEventListener(type, handler, options))
    }
    on('pointerdown', (e) => this.onPointerDown(e))
    on('pointermove', (e) => this.onPointerMove(e))
    on('pointerup', (e) => this.onPointerUp(e))
    on('pointercancel', (e) => this.onPointerUp(e))
    on('pointerleave', () => this.layers.moveRing(0, 0, 0))
    on('keydown', (e) => this.onKey(e, true))
    on('keyup', (e) => this.onKey(e, false))
    on(
      'wheel',
      (e) => {
        e.preventDefault()
        this.hostRect = this.host.getBoundingClientRect()
        const at = { x: e.clientX - this.hostRect.left, y: e.clientY - this.hostRect.top }
        this.setView(zoomAt(this.view, wheelFactor(e.deltaY), at))
      },
      { passive: false },
    )
    const observer = new ResizeObserver(() => this.resize())
    observer.observe(this.host)
    this.cleanups.push(() => observer.disconnect())
  }
}
