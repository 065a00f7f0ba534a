// What is drawn exactly over the displayed picture (side A): the aspect mask's bars, the
// action/title safe frames and the page's overlay (drawings), all in the picture's own box under
// the current zoom, clipped to A's part of the stage. The layer lets pointer presses through to
// the stage (pan) unless an overlay element takes them; those never start a pan.
import type { ReactNode } from 'react'
import type { Size, ZoomView } from '../zoom-view'
import { maskBars, SAFE_AREAS } from './picture-geometry'

export interface PictureLayerProps {
  view: ZoomView
  picture: Size
  /** A's part of the stage (the left half side by side). */
  clip: Size
  safeArea: boolean
  /** Width/height ratio of the aspect mask, or null for none. */
  aspect: number | null
  renderOverlay?: ((box: { width: number; height: number; frame: number }) => ReactNode) | undefined
  frame: number
}

const fraction = (f: number) => `${(f * 100).toFixed(4)}%`

export function PictureLayer({ view, picture, clip, safeArea, aspect, renderOverlay, frame }: PictureLayerProps) {
  const width = picture.width * view.scale
  const height = picture.height * view.scale
  const bars = aspect === null ? null : maskBars(picture, aspect)
  const bar = (style: React.CSSProperties) => (
    <div style={{ position: 'absolute', background: 'rgba(0, 0, 0, 0.85)', ...style }} />
  )
  return (
    <div
      style={{ position: 'absolute', left: 0, top: 0, ...clip, overflow: 'hidden', pointerEvents: 'none', zIndex: 1 }}
    >
      <div
        data-testid="review-picture-box"
        onPointerDown={(e) => e.stopPropagation()}
        style={{ position: 'absolute', left: view.x, top: view.y, width, height }}
      >
        {bars && bars.top > 0 && (
          <>
            {bar({ left: 0, right: 0, top: 0, height: fraction(bars.top) })}
            {bar({ left: 0, right: 0, bottom: 0, height: fraction(bars.top) })}
          </>
        )}
        {bars && bars.side > 0 && (
          <>
            {bar({ top: 0, bottom: 0, left: 0, width: fraction(bars.side) })}
            {bar({ top: 0, bottom: 0, right: 0, width: fraction(bars.side) })}
          </>
        )}
        {safeArea &&
          SAFE_AREAS.map((area) => (
            <div
              key={area.kind}
              data-testid={`safe-area-${area.kind}`}
              style={{
                position: 'absolute',
                left: fraction((1 - area.size) / 2),
                top: fraction((1 - area.size) / 2),
                width: fraction(area.size),
                height: fraction(area.size),
                border: `1px ${area.kind === 'action' ? 'solid' : 'dashed'} rgba(255, 255, 255, 0.6)`,
              }}
            />
          ))}
        {renderOverlay && (
          <div style={{ position: 'absolute', inset: 0 }}>{renderOverlay({ width, height, frame })}</div>
        )}
      </div>
    </div>
  )
}
