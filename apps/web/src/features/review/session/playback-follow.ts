// How the room's shared playback meets each browser's player. The presenter sends what changed:
// play/pause, seeks, speed, loop, item, version, compare and zoom at once, the frame of a
// playing video at most every FRAME_SEND_INTERVAL_MS (followers play on their own meanwhile).
// Followers play locally while the room plays and snap to the room's frame on pause and seek.
import type { RoomPlayback } from '@aipipeline/contracts'

export const FRAME_SEND_INTERVAL_MS = 250

/** How far (in frames) a playing follower may drift from the presenter before it is snapped back. */
export const FOLLOW_DRIFT_FRAMES = 12

/** What changed between two playbacks: nothing, only the playing frame, or something to send at once. */
export function playbackChange(before: RoomPlayback, after: RoomPlayback): 'none' | 'frame' | 'immediate' {
  const { frame: _a, ...restBefore } = before
  const { frame: _b, ...restAfter } = after
  if (JSON.stringify(restBefore) !== JSON.stringify(restAfter)) return 'immediate'
  if (before.frame === after.frame) return 'none'
  // A frame change while paused is a seek (or a step); while playing, it is the clock ticking.
  return after.playing ? 'frame' : 'immediate'
}

/**
 * When the presenter should send `next`, given what was sent last and when: now (0), after
 * a delay in ms (a throttled playing frame), or never (nothing changed).
 */
export function sendDelay(
  lastSent: RoomPlayback | null,
  lastSentAt: number,
  next: RoomPlayback,
  now: number,
  interval = FRAME_SEND_INTERVAL_MS,
): number | null {
  if (lastSent === null) return 0
  switch (playbackChange(lastSent, next)) {
    case 'none':
      return null
    case 'immediate':
      return 0
    case 'frame':
      return Math.max(0, lastSentAt + interval - now)
  }
}

/**
 * A follower's playback after the room's changed to `room`: everything from the room, and the
 * frame from the room unless the room is playing, this player plays too, and it has not
 * drifted far (then it keeps playing smoothly on its own clock).
 */
export function followRoom(local: RoomPlayback, room: RoomPlayback, drift = FOLLOW_DRIFT_FRAMES): RoomPlayback {
  const sameMedia = local.itemId === room.itemId && local.versionId === room.versionId
  const keepOwnFrame = room.playing && local.playing && sameMedia && Math.abs(local.frame - room.frame) <= drift
  return { ...room, frame: keepOwnFrame ? local.frame : room.frame }
}

/**
 * Whether a follower's player change is the viewer's own doing (which detaches them from the
 * presenter) rather than the player ticking forward while the room plays.
 */
export function isOwnChange(before: RoomPlayback, after: RoomPlayback, room: RoomPlayback): boolean {
  const change = playbackChange(before, after)
  // Landing on exactly what the room shows (a player settling after a room change) is following.
  if (change === 'none' || playbackChange(room, after) === 'none') return false
  return !(change === 'frame' && room.playing)
}
