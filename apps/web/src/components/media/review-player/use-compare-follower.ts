// Frame lock for a compare: side B shows the same frame index as side A. Paused, B seeks to
// the centre of A's frame; playing, B plays along and is re-seeked only when it drifts by half a
// frame or more (seeking every frame would stall its decoder), as in compare/frame-lock.ts.
import type { FrameRate } from '@aipipeline/domain'
import { useEffect } from 'react'
import { followerSeek } from '../compare/frame-lock'
import { clampFrame, seekTarget } from './video-frame-clock'

export function useCompareFollower(
  follower: HTMLVideoElement | null,
  frame: number,
  playing: boolean,
  speed: number,
  rate: FrameRate,
): void {
  useEffect(() => {
    if (!follower) return
    follower.playbackRate = speed
    const count = Math.round((follower.duration * rate.num) / rate.den) || 0
    const target = count > 0 ? clampFrame(frame, count) : frame
    if (!playing) {
      follower.pause()
      const time = seekTarget(target, rate)
      if (Math.abs(follower.currentTime - time) > 1e-6) follower.currentTime = time
      return
    }
    if (follower.paused) void follower.play().catch(() => {})
    const drift = followerSeek(seekTarget(target, rate), follower.currentTime, rate)
    if (drift !== null && !follower.seeking) follower.currentTime = drift
  }, [follower, frame, playing, speed, rate])
}
