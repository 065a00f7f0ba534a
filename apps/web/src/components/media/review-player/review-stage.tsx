// One picture (no compare) under the player's zoom: wheel zooms at the cursor, drag pans. The
// picture is a compositor layer moved by a transform, like the compare stage's pictures.
import { type PointerEvent, type ReactNode, type RefObject, useEffect, useRef, useState } from 'react'
import { pictureTransform } from '../compare/compare-model'
import { useElementSize } from '../use-element-size'
import { type Size, wheelFactor, type ZoomView, zoomAt } from '../zoom-view'
import type { ReviewMedia } from './review-player.types'

export interface ReviewStageProps {
  media: ReviewMedia
  label: string
  picture: Size | null
  view: ZoomView | null
  onView: (update: (v: ZoomView) => ZoomView) => void
  onPictureSize: (size: Size) => void
  onStageSize: (size: Size) => void
  videoRef: RefObject<HTMLVideoElement | null>
  children?: ReactNode
}

export function ReviewStage(p: ReviewStageProps) {
  const [el, setEl] = useState<HTMLDivElement | null>(null)
  const drag = useRef<{ x: number; y: number } | null>(null)
  const { onStageSize, onView } = p

  useElementSize(el, onStageSize)

  // React's onWheel is passive; zooming must stop the page from scrolling.
  useEffect(() => {
    if (!el) return
    const onWheel = (e: WheelEvent) => {
      e.preventDefault()
      const r = el.getBoundingClientRect()
      onView((v) => zoomAt(v, wheelFactor(e.deltaY), { x: e.clientX - r.left, y: e.clientY - r.top }))
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [el, onView])

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = { x: e.clientX, y: e.clientY }
    e.currentTarget.setPointerCapture(e.pointerId)
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current
    if (!d) return
    drag.current = { x: e.clientX, y: e.clientY }
    onView((v) => ({ ...v, x: v.x + e.clientX - d.x, y: v.y + e.clientY - d.y }))
  }
  const endDrag = () => {
    drag.current = null
  }

  const style: React.CSSProperties = {
    position: 'absolute',
    left: 0,
    top: 0,
    transformOrigin: '0 0',
    willChange: 'transform',
    transform: p.view ? pictureTransform(p.view) : undefined,
    visibility: p.view ? 'visible' : 'hidden',
    ...(p.picture ? { width: p.picture.width, height: p.picture.height } : {}),
    maxWidth: 'none',
    imageRendering: p.view && p.view.scale > 2 ? 'pixelated' : 'auto',
  }
  const { media } = p
  return (
    <div
      ref={setEl}
      data-testid="review-stage"
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
        cursor: 'grab',
        touchAction: 'none',
      }}
    >
      {media.src && media.kind === 'video' && (
        <video
          // A new element per source: its frame driver and presented frame start afresh.
          key={media.src}
          ref={p.videoRef}
          src={media.src}
          poster={media.poster ?? undefined}
          preload="auto"
          playsInline
          muted
          data-testid="review-video"
          onLoadedMetadata={(e) =>
            p.onPictureSize({ width: e.currentTarget.videoWidth, height: e.currentTarget.videoHeight })
          }
          style={{ ...style, objectFit: 'fill' }}
        />
      )}
      {media.src && media.kind === 'image' && (
        <img
          src={media.src}
          alt={p.label}
          draggable={false}
          decoding="async"
          data-testid="review-image"
          onLoad={(e) =>
            p.onPictureSize({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })
          }
          style={style}
        />
      )}
      {p.children}
    </div>
  )
}
