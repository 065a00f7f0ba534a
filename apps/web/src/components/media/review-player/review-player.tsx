// Minimal stand-in for the review player (the real one replaces this file): a controlled
// picture or video that shows `playback.frame` and reports frame steps.
import { forwardRef, type ReactNode, useEffect, useImperativeHandle, useRef } from 'react'

export interface PlayerPlayback {
  frame: number
  playing: boolean
  speed: number
  loop: { start: number; end: number } | null
}
export interface PlayerView {
  zoom: { mode: 'fit' | 'actual' | 'custom'; scale: number; x: number; y: number }
  safeArea: boolean
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
  captureFrame(): Promise<HTMLCanvasElement | HTMLImageElement | HTMLVideoElement | null>
  focus(): void
}
export interface ReviewPlayerProps {
  media: ReviewMedia
  compare: {
    mode: 'off' | 'side-by-side' | 'wipe' | 'overlay' | 'difference'
    media: ReviewMedia | null
    wipe: number
    opacity: number
  } | null
  onCompareChange?: (compare: NonNullable<ReviewPlayerProps['compare']>) => void
  fps: number
  startFrame: number
  playback: PlayerPlayback
  onPlayback: (playback: PlayerPlayback) => void
  view: PlayerView
  onView: (view: PlayerView) => void
  renderOverlay?: (box: { width: number; height: number; frame: number }) => ReactNode
  keyboard?: boolean
  label: string
}

export const ReviewPlayer = forwardRef<ReviewPlayerHandle, ReviewPlayerProps>(function ReviewPlayer(props, ref) {
  const video = useRef<HTMLVideoElement>(null)
  const box = useRef<HTMLElement>(null)
  useImperativeHandle(ref, () => ({
    captureFrame: async () => video.current,
    focus: () => box.current?.focus(),
  }))
  const { media, playback, fps } = props
  useEffect(() => {
    const v = video.current
    if (!v) return
    if (playback.playing) void v.play().catch(() => undefined)
    else {
      v.pause()
      v.currentTime = (playback.frame + 0.5) / fps
    }
  }, [playback.playing, playback.frame, fps])
  const width = media.width ?? 1920
  const height = media.height ?? 1080
  return (
    <section ref={box} tabIndex={-1} aria-label={props.label} style={{ position: 'relative' }}>
      {media.kind === 'video' ? (
        <video ref={video} src={media.src ?? undefined} poster={media.poster ?? undefined} style={{ width: '100%' }}>
          <track kind="captions" />
        </video>
      ) : (
        <img src={media.src ?? undefined} alt={props.label} style={{ width: '100%' }} />
      )}
      <div data-testid="player-frame">{props.startFrame + playback.frame}</div>
      <button type="button" onClick={() => props.onPlayback({ ...playback, playing: !playback.playing })}>
        {playback.playing ? 'Pause' : 'Play'}
      </button>
      {props.renderOverlay?.({ width, height, frame: playback.frame })}
    </section>
  )
})
