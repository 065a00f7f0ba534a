// Video compares stay frame-locked: one clock (side A's video) drives both, and side B follows
// it. While playing, B is re-seeked only when it drifts by half a frame or more (seeking every
// frame would stall the decoder); paused or stepping, both seek to the centre of the same frame.
import { type FrameRate, frameAtSeconds, frameCentreSeconds } from '@aipipeline/domain'

/** Where B must seek to match A's clock, or null when it already shows A's frame. */
export function followerSeek(leaderSeconds: number, followerSeconds: number, rate: FrameRate): number | null {
  const halfFrame = (0.5 * rate.den) / rate.num
  if (Math.abs(leaderSeconds - followerSeconds) < halfFrame) return null
  return frameCentreSeconds(frameAtSeconds(leaderSeconds, rate), rate)
}

/** The frame both sides show: the leader's, clamped to the shorter video (0-based). */
export function lockedFrame(leaderSeconds: number, rate: FrameRate, frameCount: number): number {
  const frame = frameAtSeconds(leaderSeconds, rate)
  return frameCount > 0 ? Math.min(frame, frameCount - 1) : frame
}

/** Frames in a compare of two videos: the shorter one decides, so a step never leaves one side blank. */
export function comparedFrameCount(a: number, b: number): number {
  return Math.max(0, Math.min(a, b))
}
