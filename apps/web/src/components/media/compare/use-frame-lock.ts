// One clock for a video compare: the first video leads, the second follows (frame-lock.ts);
// play, pause and frame steps act on both, and the shown frame is the leader's.
import { frameCentreSeconds, frameCountOf, frameRateOf, stepFrame } from '@aipipeline/domain'
import { type RefObject, useCallback, useEffect, useMemo, useState } from 'react'
import { comparedFrameCount, followerSeek, lockedFrame } from './frame-lock'

export interface FrameLock {
  frame: number
  count: number
  playing: boolean
  toggle: () => void
  seek: (frame: number) => void
  step: (by: -1 | 1) => void
}

/** Drives two videos from the leader's clock; inert when either ref holds no video. */
export function useFrameLock(
  leader: RefObject<HTMLVideoElement | null>,
  follower: RefObject<HTMLVideoElement | null>,
  fps: number,
  active: boolean,
): FrameLock {
  const rate = useMemo(() => frameRateOf(fps), [fps])
  const [frame, setFrame] = useState(0)
  const [count, setCount] = useState(0)
  const [playing, setPlaying] = useState(false)

  useEffect(() => {
    if (!active) return
    let handle = 0
    const tick = () => {
      const a = leader.current
      const b = follower.current
      if (a && b) {
        const counts = comparedFrameCount(frameCountOf(a.duration || 0, rate), frameCountOf(b.duration || 0, rate))
        setCount(counts)
        if (!a.paused) {
          setFrame(lockedFrame(a.currentTime, rate, counts))
          const target = followerSeek(a.currentTime, b.currentTime, rate)
          if (target !== null && !b.seeking) b.currentTime = target
          if (b.paused) void b.play().catch(() => {})
        }
        setPlaying(!a.paused)
      }
      handle = requestAnimationFrame(tick)
    }
    handle = requestAnimationFrame(tick)
    return () => cancelAnimationFrame(handle)
  }, [active, leader, follower, rate])

  const seek = useCallback(
    (target: number) => {
      for (const v of [leader.current, follower.current]) {
        if (!v) continue
        v.pause()
        v.currentTime = frameCentreSeconds(target, rate)
      }
      setFrame(target)
    },
    [leader, follower, rate],
  )
  const toggle = useCallback(() => {
    const a = leader.current
    const b = follower.current
    if (!a || !b) return
    if (a.paused) {
      if (frame >= count - 1) seek(0)
      void a.play().catch(() => setPlaying(false))
      void b.play().catch(() => {})
    } else {
      a.pause()
      // Settle both on the leader's whole frame.
      seek(lockedFrame(a.currentTime, rate, count))
    }
  }, [leader, follower, frame, count, seek, rate])
  const step = useCallback((by: -1 | 1) => seek(stepFrame(frame, by, count)), [seek, frame, count])
  return { frame, count, playing, toggle, seek, step }
}
