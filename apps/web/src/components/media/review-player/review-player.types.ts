// The review player's public API (other parts of the review page code against it).
import type { ReactNode } from 'react'

export interface PlayerPlayback {
  /** 0-based index of the media frame (the counter shows startFrame + frame). */
  frame: number
  playing: boolean
  speed: number
  loop: { start: number; end: number } | null
}

export interface PlayerView {
  zoom: { mode: 'fit' | 'actual' | 'custom'; scale: number; x: number; y: number }
  safeArea: boolean
  /** e.g. '2.39', '1.85', '16:9'; null shows the whole picture. */
  aspectMask: string | null
}

export interface ReviewMedia {
  kind: 'image' | 'video'
  src: string | null
  poster: string | null
  width: number | null
  height: number | null
  frameCount: number | null
}

export interface ReviewPlayerHandle {
  captureFrame(): Promise<{ image: CanvasImageSource; width: number; height: number } | null>
  focus(): void
}

export type CompareModeName = 'side-by-side' | 'wipe' | 'overlay' | 'difference'

export interface ReviewPlayerProps {
  media: ReviewMedia
  compare: { mode: CompareModeName; media: ReviewMedia; wipe: number; opacity: number } | null
  onCompareChange?: (next: { wipe: number; opacity: number }) => void
  /** Project rate; 23.976 → 24000/1001 via frameRateOf. */
  fps: number
  /** e.g. 1001; the counter shows startFrame + frame. */
  startFrame: number
  playback: PlayerPlayback
  /** User actions and frame advances while playing. */
  onPlayback: (next: PlayerPlayback) => void
  view: PlayerView
  onView: (next: PlayerView) => void
  /** Placed exactly over the displayed picture (A side). */
  renderOverlay?: (box: { width: number; height: number; frame: number }) => ReactNode
  /** Default true; false while the page's note box has focus. */
  keyboard?: boolean
  label: string
}
