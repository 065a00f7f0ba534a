// The frame-accurate review player: a video or still with the project's frame numbers and
// timecode, transport, loop, speed, zoom/pan, safe areas and aspect masks, full screen, RV/Kitsu
// keys, and a frame-locked compare with another version. Playback is controlled by the parent
// (a review room may drive it); while playing, every frame the browser presents is reported.
import { frameRateOf } from '@aipipeline/domain'
import { Box, Slider } from '@mantine/core'
import {
  forwardRef,
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from 'react'
import { useTranslation } from 'react-i18next'
import { type CompareSource, CompareStage } from '../compare/compare-stage'
import type { Size, ZoomView } from '../zoom-view'
import { aspectRatioOf, customZoom, resolveView, stageMode } from './picture-geometry'
import { PictureLayer } from './picture-layer'
import { ReviewControls } from './review-controls'
import type { ReviewPlayerHandle, ReviewPlayerProps } from './review-player.types'
import { ReviewStage } from './review-stage'
import { useCompareFollower } from './use-compare-follower'
import { usePlayerActions } from './use-player-actions'
import { useReviewClock } from './use-review-clock'

/** A ref object whose element lands in state, so effects re-run when the compare stage mounts a video. */
function useElementRef<T>(): [RefObject<T | null>, T | null] {
  const [el, setEl] = useState<T | null>(null)
  const ref = useMemo(() => {
    let current: T | null = null
    return {
      get current() {
        return current
      },
      set current(next: T | null) {
        current = next
        setEl(next)
      },
    }
  }, [])
  return [ref, el]
}

export const ReviewPlayer = forwardRef<ReviewPlayerHandle, ReviewPlayerProps>(function ReviewPlayer(props, ref) {
  const { media, compare, playback, view, onView, fps, startFrame } = props
  const { t } = useTranslation()
  const rate = useMemo(() => frameRateOf(fps), [fps])
  const root = useRef<HTMLDivElement>(null)
  const [firstVideoRef, firstVideo] = useElementRef<HTMLVideoElement>()
  const [secondVideoRef, secondVideo] = useElementRef<HTMLVideoElement>()
  const [loadedSize, setLoadedSize] = useState<Size | null>(null)
  const [stage, setStage] = useState<Size>({ width: 0, height: 0 })
  const [fullscreen, setFullscreen] = useState(false)
  const isVideo = media.kind === 'video'
  const clock = useReviewClock(
    isVideo ? firstVideo : null,
    rate,
    isVideo ? media.frameCount : 1,
    playback,
    props.onPlayback,
  )
  const count = isVideo ? clock.count : 1
  const mode = compare ? stageMode(compare.mode) : null
  const picture = media.width && media.height ? { width: media.width, height: media.height } : loadedSize
  const zoomView = resolveView(view.zoom, picture, stage, mode)

  useCompareFollower(
    compare ? secondVideo : null,
    clock.shown ?? playback.frame,
    playback.playing,
    playback.speed,
    rate,
  )

  // A new picture starts with its own size.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the source changes
  useEffect(() => setLoadedSize(null), [media.src])

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === root.current)
    document.addEventListener('fullscreenchange', onChange)
    return () => document.removeEventListener('fullscreenchange', onChange)
  }, [])

  const onZoom = useCallback(
    (update: (v: ZoomView) => ZoomView) => {
      if (zoomView) onView({ ...view, zoom: customZoom(update(zoomView)) })
    },
    [zoomView, view, onView],
  )

  const act = usePlayerActions({ playback, count, video: isVideo, onPlayback: props.onPlayback, onView, root })

  useImperativeHandle(
    ref,
    () => ({
      focus: () => root.current?.focus({ preventScroll: true }),
      captureFrame: async () => {
        const el = isVideo ? firstVideo : root.current?.querySelector('img')
        const size = isVideo ? { width: firstVideo?.videoWidth ?? 0, height: firstVideo?.videoHeight ?? 0 } : picture
        if (!el || !size || size.width === 0) return null
        // A copy, so the caller keeps this frame even once the video moves on.
        const canvas = document.createElement('canvas')
        canvas.width = size.width
        canvas.height = size.height
        canvas.getContext('2d')?.drawImage(el, 0, 0, size.width, size.height)
        return { image: canvas, width: size.width, height: size.height }
      },
    }),
    [isVideo, firstVideo, picture],
  )

  const onKeyDown = (e: KeyboardEvent) => {
    if (props.keyboard === false) return
    if (
      e.target instanceof HTMLElement &&
      e.target.closest('input, textarea, [contenteditable="true"], [role="slider"]')
    )
      return
    if (act.key(e.key, e.shiftKey)) {
      e.preventDefault()
      e.stopPropagation()
    }
  }

  const layer =
    zoomView && picture ? (
      <PictureLayer
        view={zoomView}
        picture={picture}
        clip={mode === 'side' ? { width: Math.floor(stage.width / 2), height: stage.height } : stage}
        safeArea={view.safeArea}
        aspect={aspectRatioOf(view.aspectMask)}
        renderOverlay={props.renderOverlay}
        frame={playback.frame}
      />
    ) : null

  const source = (m: typeof media, label: string): CompareSource => ({
    kind: m.kind,
    url: m.src,
    poster: m.poster,
    label,
  })
  return (
    // Laid out inline (not by the library's Stack classes) so it works wherever it is mounted.
    <Box
      ref={root}
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label={props.label}
      data-testid="review-player"
      data-frame={startFrame + (count > 0 ? Math.min(playback.frame, count - 1) : playback.frame)}
      data-shown-frame={clock.shown === null ? '' : startFrame + clock.shown}
      data-frame-count={count}
      data-playing={playback.playing}
      style={{
        display: 'flex',
        flexDirection: 'column',
        outline: 'none',
        width: '100%',
        height: '100%',
        minHeight: 0,
        background: 'var(--mantine-color-dark-8)',
      }}
    >
      {compare && mode ? (
        <div style={{ position: 'relative', flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
          <CompareStage
            mode={mode}
            first={source(media, props.label)}
            second={source(compare.media, t('reviewPlayer.compareB'))}
            size={picture}
            onSize={setLoadedSize}
            view={zoomView}
            onView={onZoom}
            divider={compare.wipe}
            onDivider={(wipe) => props.onCompareChange?.({ wipe, opacity: compare.opacity })}
            opacity={compare.opacity}
            onStageSize={setStage}
            videoRefs={{ first: firstVideoRef, second: secondVideoRef }}
            stageSize={stage}
            corner={{ first: null, second: null }}
          />
          {layer}
        </div>
      ) : (
        <ReviewStage
          media={media}
          label={props.label}
          picture={picture}
          view={zoomView}
          onView={onZoom}
          onPictureSize={setLoadedSize}
          onStageSize={setStage}
          videoRef={firstVideoRef}
        >
          {layer}
        </ReviewStage>
      )}
      <ReviewControls
        playback={playback}
        count={count}
        video={isVideo}
        rate={rate}
        startFrame={startFrame}
        view={view}
        fullscreen={fullscreen}
        act={act}
      >
        {compare?.mode === 'overlay' && (
          <Slider
            w={96}
            min={0}
            max={1}
            step={0.05}
            value={compare.opacity}
            onChange={(opacity) => props.onCompareChange?.({ wipe: compare.wipe, opacity })}
            aria-label={t('reviewPlayer.opacity')}
            label={(v) => `${Math.round(v * 100)} %`}
            size="sm"
          />
        )}
      </ReviewControls>
    </Box>
  )
})
