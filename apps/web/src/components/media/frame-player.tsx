// A frame-accurate player for video versions. The frame on screen is an integer index (0 =
// the media's first frame) shown as the project's frame number (start frame + index) with
// timecode as a second view. Every seek is computed from that index and lands on the frame's
// centre, never from the previous currentTime (which drifts and can show the frame before);
// while playing, the index follows requestVideoFrameCallback's `mediaTime` (what reached the
// compositor), with an animation-frame fallback where the browser lacks it.
import { frameAtSeconds, frameCentreSeconds, frameCountOf, frameRateOf, stepFrame } from '@aipipeline/domain'
import { ActionIcon, Group, Slider, Stack, Tooltip } from '@mantine/core'
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FrameCounter } from './frame-counter'
import { PauseIcon, PlayIcon, StepBackIcon, StepForwardIcon } from './media-icons'

export interface FramePlayerProps {
  /** The video's URL (a blob URL for authenticated files); null while it loads. */
  src: string | null
  /** The version's thumbnail, shown before the video has a frame. */
  poster: string | null
  /** The project's frame rate (23.976 and 29.97 are read as 24000/1001 and 30000/1001). */
  fps: number
  /** The project's first frame number, e.g. 1001. */
  startFrame: number
  label: string
  /** Takes the keyboard when it appears, so Space and , . work at once. */
  autoFocus?: boolean
  /** Fills its parent's height (the full-size viewer); otherwise the picture is 16:9. */
  fill?: boolean
  /** Told the frame on screen (0-based) whenever it changes, e.g. for a retake note. */
  onFrame?: (frame: number) => void
}

/** The player: video, play/pause, frame steps, frame counter with timecode, and a scrub bar. */
export function FramePlayer({ src, poster, fps, startFrame, label, autoFocus, fill, onFrame }: FramePlayerProps) {
  const { t } = useTranslation()
  const rate = useMemo(() => frameRateOf(fps), [fps])
  const video = useRef<HTMLVideoElement>(null)
  const box = useRef<HTMLDivElement>(null)
  const [frame, setFrame] = useState(0)
  const [count, setCount] = useState(0)
  const [playing, setPlaying] = useState(false)
  /** The frame the browser last reported on screen (rVFC), for checking the counter. */
  const [shown, setShown] = useState<number | null>(null)

  useEffect(() => {
    if (autoFocus) box.current?.focus({ preventScroll: true })
  }, [autoFocus])

  // A new video starts at its first frame.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the source changes
  useEffect(() => {
    setFrame(0)
    setCount(0)
    setPlaying(false)
    setShown(null)
  }, [src])

  useFrameFollower(video, rate, setFrame, setShown)
  useEffect(() => onFrame?.(frame), [frame, onFrame])

  const seek = useCallback(
    (target: number) => {
      const v = video.current
      if (!v) return
      v.pause()
      setFrame(target)
      v.currentTime = frameCentreSeconds(target, rate)
    },
    [rate],
  )

  const toggle = useCallback(() => {
    const v = video.current
    if (!v) return
    if (v.paused) {
      if (frame >= count - 1) v.currentTime = frameCentreSeconds(0, rate)
      void v.play().catch(() => setPlaying(false))
    } else {
      v.pause()
    }
  }, [frame, count, rate])

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLElement && e.target.getAttribute('role') === 'slider' && e.key.startsWith('Arrow'))
      return
    const action = playerKeyAction(e.key)
    if (action === null) return
    e.preventDefault()
    e.stopPropagation()
    if (action === 'toggle') toggle()
    else if (action === 'first') seek(0)
    else if (action === 'last') seek(Math.max(count - 1, 0))
    else seek(stepFrame(frame, action, count))
  }

  const last = Math.max(count - 1, 0)
  return (
    <Stack
      gap={6}
      ref={box}
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label={label}
      data-testid="frame-player"
      data-frame={startFrame + frame}
      data-frame-count={count}
      data-shown-frame={shown === null ? '' : startFrame + shown}
      style={{ outline: 'none', width: '100%', height: fill ? '100%' : undefined }}
    >
      {/* biome-ignore lint/a11y/useMediaCaption: renders have no dialogue to caption */}
      <video
        ref={video}
        src={src ?? undefined}
        poster={poster ?? undefined}
        preload="auto"
        playsInline
        data-testid="version-video"
        onClick={() => {
          box.current?.focus({ preventScroll: true })
          toggle()
        }}
        onLoadedMetadata={(e) => setCount(frameCountOf(e.currentTarget.duration, rate))}
        onPlay={() => setPlaying(true)}
        onPause={(e) => {
          setPlaying(false)
          // After pause() the picture may not match currentTime: settle on one whole frame.
          const at = frameAtSeconds(e.currentTarget.currentTime, rate)
          if (!e.currentTarget.seeking) seek(Math.min(at, last))
        }}
        onEnded={() => setPlaying(false)}
        style={{
          ...(fill ? { flex: 1, minHeight: 0 } : { aspectRatio: '16 / 9' }),
          width: '100%',
          objectFit: 'contain',
          background: 'black',
          cursor: 'pointer',
        }}
      />
      <Group gap="xs" wrap="nowrap">
        <Tooltip label={t('media.player.stepBack')}>
          <ActionIcon
            variant="subtle"
            aria-label={t('media.player.stepBack')}
            onClick={() => seek(stepFrame(frame, -1, count))}
          >
            <StepBackIcon />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={playing ? t('media.player.pause') : t('media.player.play')}>
          <ActionIcon
            variant="filled"
            aria-label={playing ? t('media.player.pause') : t('media.player.play')}
            onClick={toggle}
            data-testid="play-toggle"
          >
            {playing ? <PauseIcon /> : <PlayIcon />}
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('media.player.stepForward')}>
          <ActionIcon
            variant="subtle"
            aria-label={t('media.player.stepForward')}
            onClick={() => seek(stepFrame(frame, 1, count))}
          >
            <StepForwardIcon />
          </ActionIcon>
        </Tooltip>
        <Slider
          style={{ flex: 1 }}
          min={0}
          max={last}
          step={1}
          value={Math.min(frame, last)}
          onChange={seek}
          label={(v) => startFrame + v}
          aria-label={t('media.player.position')}
          disabled={count === 0}
          size="sm"
        />
        <FrameCounter
          startFrame={startFrame}
          frame={frame}
          last={last}
          rate={rate}
          labels={{ frame: t('media.player.frame'), timecode: t('media.player.timecode') }}
          minWidth={96}
        />
      </Group>
    </Stack>
  )
}

/** What a key does in the player: toggle play, a step of ±1 frame, or a jump to an end. */
export function playerKeyAction(key: string): 'toggle' | 'first' | 'last' | -1 | 1 | null {
  switch (key) {
    case ' ':
    case 'k':
    case 'K':
      return 'toggle'
    case ',':
      return -1
    case '.':
      return 1
    case 'Home':
      return 'first'
    case 'End':
      return 'last'
    default:
      return null
  }
}

/**
 * While the video plays, moves the index to the frame on screen. rVFC fires per presented
 * frame with its `mediaTime`; without it, animation frames read currentTime.
 */
function useFrameFollower(
  video: React.RefObject<HTMLVideoElement | null>,
  rate: ReturnType<typeof frameRateOf>,
  setFrame: (f: number) => void,
  setShown: (f: number) => void,
) {
  useEffect(() => {
    const v = video.current
    if (!v) return
    let handle = 0
    let stopped = false
    // Older Firefox and Safari lack rVFC; lib.dom declares it anyway.
    const hasFrameCallbacks = typeof v.requestVideoFrameCallback === 'function'
    if (hasFrameCallbacks) {
      const onFrame: VideoFrameRequestCallback = (_now, meta) => {
        if (stopped) return
        const f = frameAtSeconds(meta.mediaTime, rate)
        setShown(f)
        if (!v.paused) setFrame(f)
        handle = v.requestVideoFrameCallback(onFrame)
      }
      handle = v.requestVideoFrameCallback(onFrame)
      return () => {
        stopped = true
        v.cancelVideoFrameCallback(handle)
      }
    }
    const tick = () => {
      if (stopped) return
      if (!v.paused) setFrame(frameAtSeconds(v.currentTime, rate))
      handle = requestAnimationFrame(tick)
    }
    handle = requestAnimationFrame(tick)
    return () => {
      stopped = true
      cancelAnimationFrame(handle)
    }
  }, [video, rate, setFrame, setShown])
}
