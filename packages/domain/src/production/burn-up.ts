// Burn-up math of the project dashboard: completions per day become a cumulative curve, and
// the recent rate of completion is extended in a straight line to the project's end date.
// Days are ISO dates (YYYY-MM-DD, UTC); "today" comes in as an argument (pure).

/** Work finished on one day (not cumulative). */
export interface DoneOnDay {
  day: string
  shots: number
  frames: number
}

/** Work finished up to and including `day`. */
export interface BurnUpPoint {
  day: string
  shots: number
  frames: number
}

export interface BurnUpProjection {
  /** Completions per day over the recent window. */
  ratePerDay: { shots: number; frames: number }
  /** The straight line from today to the end date (two points), capped at the scope; empty without an end date. */
  line: BurnUpPoint[]
  /** Day the scope's shots would all be done at the recent rate; null when nothing moves (or already done). */
  finishDay: string | null
}

const DAY_MS = 86_400_000

/** Days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS)
}

/** The ISO day `n` days after `day`. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)
}

/** Sorts completions by day and sums them into a cumulative curve (one point per day given). */
export function cumulateBurnUp(days: readonly DoneOnDay[]): BurnUpPoint[] {
  const sorted = [...days].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
  const out: BurnUpPoint[] = []
  let shots = 0
  let frames = 0
  for (const d of sorted) {
    shots += d.shots
    frames += d.frames
    const last = out[out.length - 1]
    if (last?.day === d.day) {
      last.shots = shots
      last.frames = frames
    } else out.push({ day: d.day, shots, frames })
  }
  return out
}

/** The cumulative value on `day`: the last point on or before it (zero before the first). */
export function burnUpAt(points: readonly BurnUpPoint[], day: string): { shots: number; frames: number } {
  let at = { shots: 0, frames: 0 }
  for (const p of points) {
    if (p.day > day) break
    at = { shots: p.shots, frames: p.frames }
  }
  return at
}

/**
 * Extends the rate of the last `windowDays` days (ending today) to the end date. The line
 * never passes the scope (all shots, all frames), and never goes down.
 */
export function projectBurnUp(
  points: readonly BurnUpPoint[],
  input: { today: string; endDate: string | null; windowDays: number; scope: { shots: number; frames: number } },
): BurnUpProjection {
  const window = Math.max(1, Math.floor(input.windowDays))
  const now = burnUpAt(points, input.today)
  const before = burnUpAt(points, addDays(input.today, -window))
  const ratePerDay = { shots: (now.shots - before.shots) / window, frames: (now.frames - before.frames) / window }
  const remaining = input.scope.shots - now.shots
  const finishDay =
    remaining <= 0 || ratePerDay.shots <= 0 ? null : addDays(input.today, Math.ceil(remaining / ratePerDay.shots))
  if (input.endDate === null || input.endDate <= input.today) return { ratePerDay, line: [], finishDay }
  const days = daysBetween(input.today, input.endDate)
  const end = {
    day: input.endDate,
    shots: Math.max(now.shots, Math.min(input.scope.shots, now.shots + ratePerDay.shots * days)),
    frames: Math.max(now.frames, Math.min(input.scope.frames, now.frames + ratePerDay.frames * days)),
  }
  return { ratePerDay, line: [{ day: input.today, ...now }, end], finishDay }
}
