// The review player's clock, free of React and the DOM: the frame on screen is an integer
// index (0 = the media's first frame). Every seek is computed from that index and lands on the
// frame's centre (a seek to a frame's start can show the one before once the browser rounds the
// time); which frame is on screen is read from requestVideoFrameCallback's `mediaTime` (what
// reached the compositor), never from a wall clock or an accumulated currentTime.
import { type FrameRate, frameAtSeconds, frameCentreSeconds, frameRateOf } from '@aipipeline/domain'

export type { FrameRate }
export { frameRateOf }

/** An inclusive range of frame indices that playback wraps around. */
export interface FrameRange {
  start: number
  end: number
}

/** Playback speeds the speed menu and L offer (¼× to 2×). */
export const PLAYBACK_SPEEDS = [0.25, 0.5, 1, 1.5, 2] as const

/** Where to set `currentTime` to show frame `index`. */
export function seekTarget(index: number, rate: FrameRate): number {
  return frameCentreSeconds(index, rate)
}

/** The frame an rVFC callback presented, from its `mediaTime` (the frame's timestamp). */
export function frameOfMediaTime(mediaTime: number, rate: FrameRate): number {
  return frameAtSeconds(mediaTime, rate)
}

/** The last valid index of a media of `count` frames (0 for an empty or unknown one). */
export function lastFrame(count: number): number {
  return Math.max(count - 1, 0)
}

/** `index` kept inside the media. */
export function clampFrame(index: number, count: number): number {
  return Math.min(Math.max(Math.round(index), 0), lastFrame(count))
}

/** The frame a step of `delta` frames lands on: computed from the index, never from a time. */
export function stepTarget(index: number, delta: number, count: number): number {
  return clampFrame(index + delta, count)
}

/** The range kept inside the media with start ≤ end. */
export function normaliseRange(range: FrameRange, count: number): FrameRange {
  const a = clampFrame(range.start, count)
  const b = clampFrame(range.end, count)
  return { start: Math.min(a, b), end: Math.max(a, b) }
}

/** The loop after setting its in point at `frame` (I); an out point before it moves to the end. */
export function withLoopIn(loop: FrameRange | null, frame: number, count: number): FrameRange {
  const end = loop && loop.end >= frame ? loop.end : lastFrame(count)
  return normaliseRange({ start: frame, end }, count)
}

/** The loop after setting its out point at `frame` (O); an in point after it moves to the start. */
export function withLoopOut(loop: FrameRange | null, frame: number, count: number): FrameRange {
  const start = loop && loop.start <= frame ? loop.start : 0
  return normaliseRange({ start, end: frame }, count)
}

/**
 * While playing, what to do after frame `shown` was presented: go on, wrap to the loop's
 * start (the out point itself is played, then the in point follows), or stop at the media's end.
 * Checked per presented frame, so a wrap never waits for a timer.
 */
export function afterPresented(
  shown: number,
  loop: FrameRange | null,
  count: number,
): { kind: 'continue' } | { kind: 'wrap'; to: number } | { kind: 'stop'; at: number } {
  if (loop) {
    const range = normaliseRange(loop, count)
    if (shown >= range.end || shown < range.start) return { kind: 'wrap', to: range.start }
    return { kind: 'continue' }
  }
  if (count > 0 && shown >= lastFrame(count)) return { kind: 'stop', at: lastFrame(count) }
  return { kind: 'continue' }
}

/** Where play starts from `frame`: at the end of the media (or loop) it starts over. */
export function playStart(frame: number, loop: FrameRange | null, count: number): number {
  if (loop) {
    const range = normaliseRange(loop, count)
    return frame >= range.end || frame < range.start ? range.start : frame
  }
  return frame >= lastFrame(count) ? 0 : frame
}

/** The speed after pressing L while already playing: the next one up, staying at the top. */
export function fasterSpeed(speed: number): number {
  return PLAYBACK_SPEEDS.find((s) => s > speed) ?? PLAYBACK_SPEEDS[PLAYBACK_SPEEDS.length - 1] ?? 1
}

/** What a key does in the player (RV/Kitsu style); null leaves the key to the page. */
export type PlayerKeyAction =
  | { kind: 'toggle' }
  | { kind: 'pause' }
  | { kind: 'play' }
  | { kind: 'step'; by: number }
  | { kind: 'first' }
  | { kind: 'last' }
  | { kind: 'loopIn' }
  | { kind: 'loopOut' }
  | { kind: 'fullscreen' }

/** The player's keys: Space, J/K/L, ←/→ (Shift ×10), Home/End, I/O, F. */
export function playerKeyAction(key: string, shift: boolean): PlayerKeyAction | null {
  switch (key) {
    case ' ':
      return { kind: 'toggle' }
    case 'k':
    case 'K':
      return { kind: 'pause' }
    case 'l':
    case 'L':
      return { kind: 'play' }
    // A <video> cannot play backwards: J steps back a frame per press and per key repeat.
    case 'j':
    case 'J':
      return { kind: 'step', by: -1 }
    case 'ArrowLeft':
      return { kind: 'step', by: shift ? -10 : -1 }
    case 'ArrowRight':
      return { kind: 'step', by: shift ? 10 : 1 }
    case 'Home':
      return { kind: 'first' }
    case 'End':
      return { kind: 'last' }
    case 'i':
    case 'I':
      return { kind: 'loopIn' }
    case 'o':
    case 'O':
      return { kind: 'loopOut' }
    case 'f':
    case 'F':
      return { kind: 'fullscreen' }
    default:
      return null
  }
}
