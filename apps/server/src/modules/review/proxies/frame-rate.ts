// Frame rates as exact fractions. ffprobe reports them as "num/den" text; 23.976 is 24000/1001
// and must stay that (rounding it to 23 or 24 drifts a frame every 42 s against the source).

export interface FrameRate {
  num: number
  den: number
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a)
  let y = Math.abs(b)
  while (y !== 0) [x, y] = [y, x % y]
  return x
}

// Above this a rate is a container's timebase guess (VFR files report 90000/1), not frames.
const MAX_FPS = 240

/** "24000/1001" or "25" → the reduced fraction; null for "0/0", garbage or an implausible rate. */
export function parseFrameRate(text: string | undefined | null): FrameRate | null {
  const match = /^\s*(\d{1,10})(?:\/(\d{1,10}))?\s*$/.exec(text ?? '')
  if (!match) return null
  const num = Number(match[1])
  const den = match[2] === undefined ? 1 : Number(match[2])
  if (num <= 0 || den <= 0 || num / den > MAX_FPS) return null
  const d = gcd(num, den)
  return { num: num / d, den: den / d }
}

/**
 * The rate to make the proxy at: the stream's real base rate (`r_frame_rate`), exact for the
 * constant-rate clips renders are; the average rate when the base rate is missing or a timebase.
 */
export function sourceFrameRate(rFrameRate: string | undefined, avgFrameRate: string | undefined): FrameRate | null {
  return parseFrameRate(rFrameRate) ?? parseFrameRate(avgFrameRate)
}

/** The fraction as ffmpeg's `-r` takes it. */
export function frameRateArg(rate: FrameRate): string {
  return `${rate.num}/${rate.den}`
}
