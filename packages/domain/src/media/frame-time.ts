// Frames are integers (a frame number at the project's rate, counted from its start frame);
// seconds exist only at the player and at interchange. Rates are rational so 23.976 and
// 29.97 do not drift: 24000/1001 is exact where 23.976 is not (≈ 1 frame off per 42 min).
// Timecode is a view of a frame count: NDF at the nominal rate, or SMPTE drop-frame
// (29.97 and 59.94 only; 23.976 is counted non-drop at 24).

/** Frames per second as `num / den`, both positive integers. */
export interface FrameRate {
  num: number
  den: number
}

const NTSC_DEN = 1001

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b)
}

/**
 * The rational rate of a project's `fps`: whole numbers are `n/1`, the NTSC family
 * (23.976, 29.97, 47.952, 59.94, 119.88) is `n·1000/1001`, anything else is read to 1/1000.
 */
export function frameRateOf(fps: number): FrameRate {
  if (!(fps > 0) || !Number.isFinite(fps)) throw new RangeError(`frame rate must be positive, got ${fps}`)
  if (Number.isInteger(fps)) return { num: fps, den: 1 }
  const nominal = Math.round(fps)
  // 23.976 and 23.98 both mean 24000/1001 in practice.
  if (Math.abs(fps - (nominal * 1000) / NTSC_DEN) < 0.005) return { num: nominal * 1000, den: NTSC_DEN }
  const num = Math.round(fps * 1000)
  const d = gcd(num, 1000)
  return { num: num / d, den: 1000 / d }
}

/** The rate as a decimal, for display only. */
export function frameRateValue(rate: FrameRate): number {
  return rate.num / rate.den
}

/**
 * Where to seek to show frame `index` (0-based from the first frame of the media): its centre.
 * Seeking to the frame's start can show the previous frame once the browser rounds the time.
 */
export function frameCentreSeconds(index: number, rate: FrameRate): number {
  return ((index + 0.5) * rate.den) / rate.num
}

/** When frame `index` starts (its presentation timestamp). */
export function frameStartSeconds(index: number, rate: FrameRate): number {
  return (index * rate.den) / rate.num
}

/**
 * The 0-based frame shown at media time `seconds`. Browsers report times truncated to
 * microseconds (1/24 reads back as 0.041666), so a time a hair before a frame's start
 * (less than a thousandth of a frame) counts as that frame.
 */
export function frameAtSeconds(seconds: number, rate: FrameRate): number {
  return Math.max(0, Math.floor((seconds * rate.num) / rate.den + 1e-3))
}

/** How many whole frames a media of `seconds` holds. */
export function frameCountOf(seconds: number, rate: FrameRate): number {
  return Math.max(0, Math.round((seconds * rate.num) / rate.den))
}

/** The frame a step of `delta` frames lands on, kept inside `[0, count - 1]`. */
export function stepFrame(index: number, delta: number, count: number): number {
  return Math.min(Math.max(index + delta, 0), Math.max(count - 1, 0))
}

/** Whether timecode at this rate is drop-frame by convention (29.97, 59.94). */
export function isDropFrameRate(rate: FrameRate): boolean {
  return rate.den === NTSC_DEN && rate.num % 30000 === 0
}

/** Frames dropped from the count at each minute not divisible by ten: 2 at 29.97, 4 at 59.94. */
function droppedPerMinute(nominal: number): number {
  return Math.round(nominal / 15)
}

/** The timecode of a frame count (0 → 00:00:00:00); drop-frame ones use `;` before the frames. */
export function timecodeOf(frames: number, rate: FrameRate, dropFrame = isDropFrameRate(rate)): string {
  if (!Number.isInteger(frames) || frames < 0) throw new RangeError(`frame count must be a whole number ≥ 0`)
  const nominal = Math.round(rate.num / rate.den)
  let n = frames
  if (dropFrame) {
    const drop = droppedPerMinute(nominal)
    const perMinute = nominal * 60 - drop
    const perTenMinutes = nominal * 600 - 9 * drop
    const tens = Math.floor(n / perTenMinutes)
    const rest = n % perTenMinutes
    n += 9 * drop * tens + (rest > drop ? drop * Math.floor((rest - drop) / perMinute) : 0)
  }
  const ff = n % nominal
  const totalSeconds = Math.floor(n / nominal)
  const two = (v: number) => String(v).padStart(2, '0')
  const hh = Math.floor(totalSeconds / 3600)
  return `${two(hh)}:${two(Math.floor(totalSeconds / 60) % 60)}:${two(totalSeconds % 60)}${dropFrame ? ';' : ':'}${two(ff)}`
}

/** The frame count of a timecode written by `timecodeOf` (`;` or `:` before the frames). */
export function framesOfTimecode(timecode: string, rate: FrameRate): number {
  const m = /^(\d{2,}):(\d{2}):(\d{2})([:;])(\d{2,3})$/.exec(timecode)
  if (!m) throw new RangeError(`not a timecode: ${timecode}`)
  const [hh, mm, ss, ff] = [m[1], m[2], m[3], m[5]].map(Number) as [number, number, number, number]
  const nominal = Math.round(rate.num / rate.den)
  const minutes = hh * 60 + mm
  const frames = (minutes * 60 + ss) * nominal + ff
  if (m[4] !== ';') return frames
  return frames - droppedPerMinute(nominal) * (minutes - Math.floor(minutes / 10))
}
