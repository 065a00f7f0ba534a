// A shot's frame range: in and out are inclusive frame numbers at the project's rate (ADR:
// frames are integers), so a shot from 1001 to 1048 lasts 48 frames. Shared by the server,
// which refuses a range that runs backwards, and the shot table, which refuses it while typing.

/** Frames of a shot, inclusive of both ends; null without both in and out. */
export function shotDuration(frameIn: number | null, frameOut: number | null): number | null {
  return frameIn === null || frameOut === null ? null : frameOut - frameIn + 1
}

/** Why a frame range cannot be stored, or null when it can: out may not come before in. */
export function frameRangeProblem(frameIn: number | null, frameOut: number | null): 'out-before-in' | null {
  return frameIn !== null && frameOut !== null && frameOut < frameIn ? 'out-before-in' : null
}
