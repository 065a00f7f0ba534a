// The compare stage: both pictures under one shared zoom view, drawn by the browser's
// compositor. Each picture is its own layer (will-change: transform), so a wipe drag only moves
// a clip rectangle and never re-rasterises a 4K image; difference is `mix-blend-mode:
// difference`, the compositor's per-pixel |A − B| on the GPU, over an isolated black ground.
import { memo, type PointerEvent, type ReactNode, type RefObject, useEffect, useRef, useState } from 'react'
import { useElementSize } from '../use-element-size'
import { type Size, wheelFactor, type ZoomView, zoomAt } from '../zoom-view'
import { type CompareMode, dividerAt, dividerPixels, pictureTransform, sideBoxes } from './compare-model'

export interface CompareSource {
  kind: 'image' | 'video'
  /** Blob URL of the picture or movie; null while it loads. */
  url: string | null
  poster: string | null
  label: string
}

interface PictureProps {
  source: CompareSource
  /** Both sides are drawn at this size (side A's natural size) so they line up. */
  size: Size | null
  view: ZoomView | null
  videoRef?: RefObject<HTMLVideoElement | null>
  onSize?: (size: Size) => void
  style?: React.CSSProperties
  testId: string
}

// Memoised: a wipe drag re-renders the stage on every move, the pictures need not.
const Picture = memo(function Picture({ source, size, view, videoRef, onSize, style, testId }: PictureProps) {
  const common: React.CSSProperties = {
    position: 'absolute',
    left: 0,
    top: 0,
    transformOrigin: '0 0',
    willChange: 'transform',
    transform: view ? pictureTransform(view) : undefined,
    visibility: view ? 'visible' : 'hidden',
    ...(size ? { width: size.width, height: size.height } : {}),
    maxWidth: 'none',
    imageRendering: view && view.scale > 2 ? 'pixelated' : 'auto',
    ...style,
  }
  if (!source.url) return null
  if (source.kind === 'video')
    return (
      <video
        ref={videoRef}
        src={source.url}
        poster={source.poster ?? undefined}
        preload="auto"
        playsInline
        muted
        data-testid={testId}
        onLoadedMetadata={(e) => onSize?.({ width: e.currentTarget.videoWidth, height: e.currentTarget.videoHeight })}
        style={{ ...common, objectFit: 'fill' }}
      />
    )
  return (
    <img
      src={source.url}
      alt={source.label}
      draggable={false}
      decoding="async"
      data-testid={testId}
      onLoad={(e) => onSize?.({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
      style={common}
    />
  )
})

export interface CompareStageProps {
  mode: CompareMode
  /** Drawn first (left of the wipe, left half, the base of overlay and difference). */
  first: CompareSource
  second: CompareSource
  size: Size | null
  onSize: (size: Size) => void
  view: ZoomView | null
  onView: (update: (v: ZoomView) => ZoomView) => void
  /** 0..1 of the stage width. */
  divider: number
  onDivider: (divider: number) => void
  opacity: number
  /** Told the stage's size whenever it changes (it lives in a modal that mounts late). */
  onStageSize: (size: Size) => void
  videoRefs: { first: RefObject<HTMLVideoElement | null>; second: RefObject<HTMLVideoElement | null> }
  stageSize: Size
  corner: { first: ReactNode; second: ReactNode }
}

/** The stage; drag pans both pictures, the wipe's handle moves the divider, the wheel zooms at the cursor. */
export function CompareStage(p: CompareStageProps) {
  const drag = useRef<{ kind: 'pan' | 'wipe'; x: number; y: number } | null>(null)
  // During a wipe drag the divider moves the three transforms directly, without a React
  // render per pointer move; the parent hears the final divider when the drag ends.
  const wipeParts = useRef<{
    clip: HTMLDivElement | null
    content: HTMLDivElement | null
    handle: HTMLDivElement | null
  }>({ clip: null, content: null, handle: null })
  const draggedDivider = useRef<number | null>(null)
  const boxes = sideBoxes(p.mode, p.stageSize)
  const split = dividerPixels(p.divider, p.stageSize.width)
  const { onView, onStageSize, mode } = p
  // The element in state, not a ref object: effects re-run once the modal has mounted it.
  const [el, setEl] = useState<HTMLDivElement | null>(null)

  useElementSize(el, onStageSize)

  // React's onWheel is passive; zooming must stop the page from scrolling.
  useEffect(() => {
    if (!el) return
    const onWheel = (e: WheelEvent) => {
      e.preventDefault()
      const r = el.getBoundingClientRect()
      const { b } = sideBoxes(mode, { width: r.width, height: r.height })
      let x = e.clientX - r.left
      if (mode === 'side' && x >= b.x) x -= b.x
      onView((v) => zoomAt(v, wheelFactor(e.deltaY), { x, y: e.clientY - r.top }))
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [el, mode, onView])

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const onHandle = e.target instanceof HTMLElement && e.target.dataset.wipeHandle === 'true'
    drag.current = { kind: onHandle ? 'wipe' : 'pan', x: e.clientX, y: e.clientY }
    e.currentTarget.setPointerCapture(e.pointerId)
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current
    if (!d) return
    if (d.kind === 'wipe') {
      const r = e.currentTarget.getBoundingClientRect()
      const divider = dividerAt(e.clientX, { left: r.left, width: r.width })
      draggedDivider.current = divider
      moveWipe(e.currentTarget, divider)
      return
    }
    drag.current = { ...d, x: e.clientX, y: e.clientY }
    p.onView((v) => ({ ...v, x: v.x + e.clientX - d.x, y: v.y + e.clientY - d.y }))
  }
  const endDrag = () => {
    drag.current = null
    if (draggedDivider.current !== null) p.onDivider(draggedDivider.current)
    draggedDivider.current = null
  }
  /** Puts the wipe at `divider` in the DOM (the same transforms the render writes). */
  const moveWipe = (stage: HTMLDivElement, divider: number) => {
    const width = p.stageSize.width
    const at = dividerPixels(divider, width)
    const { clip, content, handle } = wipeParts.current
    stage.dataset.divider = divider.toFixed(3)
    if (clip) clip.style.transform = `translateX(${at - width}px)`
    if (content) content.style.transform = `translateX(${width - at}px)`
    if (handle) handle.style.transform = `translateX(${at - 8}px)`
  }

  const picture = (which: 'first' | 'second', style?: React.CSSProperties) => (
    <Picture
      source={p[which]}
      size={p.size}
      view={p.view}
      videoRef={p.videoRefs[which]}
      {...(which === 'first' ? { onSize: p.onSize } : {})}
      testId={`compare-picture-${which}`}
      {...(style ? { style } : {})}
    />
  )
  const clip = (box: { x: number; width: number }, children: ReactNode, testId: string) => (
    <div
      data-testid={testId}
      style={{ position: 'absolute', top: 0, bottom: 0, left: box.x, width: box.width, overflow: 'hidden' }}
    >
      {children}
    </div>
  )

  return (
    <div
      ref={setEl}
      data-testid="compare-stage"
      data-mode={p.mode}
      data-divider={p.divider.toFixed(3)}
      data-scale={p.view?.scale.toFixed(4) ?? ''}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      style={{
        position: 'relative',
        flex: 1,
        minHeight: 0,
        overflow: 'hidden',
        background: 'black',
        isolation: 'isolate',
        cursor: 'grab',
        touchAction: 'none',
      }}
    >
      {p.mode === 'side' && (
        <>
          {clip(boxes.a, picture('first'), 'compare-side-first')}
          {clip(boxes.b, picture('second'), 'compare-side-second')}
        </>
      )}
      {p.mode === 'wipe' && (
        <>
          {picture('second')}
          {/* The wipe moves only transforms: the clip slides right by the divider while its
              content slides back by as much, so a drag never lays out or repaints anything and
              the compositor only re-composites layers it already has. */}
          <div
            data-testid="compare-wipe-clip"
            ref={(el) => {
              wipeParts.current.clip = el
            }}
            style={{
              position: 'absolute',
              top: 0,
              bottom: 0,
              left: 0,
              width: p.stageSize.width,
              overflow: 'hidden',
              willChange: 'transform',
              transform: `translateX(${split - p.stageSize.width}px)`,
            }}
          >
            <div
              ref={(el) => {
                wipeParts.current.content = el
              }}
              style={{
                position: 'absolute',
                inset: 0,
                willChange: 'transform',
                transform: `translateX(${p.stageSize.width - split}px)`,
              }}
            >
              {picture('first')}
            </div>
          </div>
          <div
            data-wipe-handle="true"
            data-testid="compare-divider"
            ref={(el) => {
              wipeParts.current.handle = el
            }}
            aria-hidden
            style={{
              position: 'absolute',
              top: 0,
              bottom: 0,
              left: 0,
              width: 16,
              willChange: 'transform',
              transform: `translateX(${split - 8}px)`,
              cursor: 'ew-resize',
              background: 'linear-gradient(90deg, transparent 7px, white 7px, white 9px, transparent 9px)',
            }}
          />
        </>
      )}
      {p.mode === 'overlay' && (
        <>
          {picture('first')}
          {picture('second', { opacity: p.opacity })}
        </>
      )}
      {p.mode === 'difference' && (
        <>
          {picture('first')}
          {picture('second', { mixBlendMode: 'difference' })}
        </>
      )}
      <Corner side="left">{p.corner.first}</Corner>
      <Corner side="right">{p.corner.second}</Corner>
    </div>
  )
}

/** A side's label and buttons; pointer presses on it never start a pan. */
function Corner({ side, children }: { side: 'left' | 'right'; children: ReactNode }) {
  return (
    <div onPointerDown={(e) => e.stopPropagation()} style={{ position: 'absolute', top: 8, [side]: 8, zIndex: 2 }}>
      {children}
    </div>
  )
}
