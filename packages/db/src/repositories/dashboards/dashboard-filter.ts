// The filters every project chart shares, and SQL pieces the chart queries have in common.
import { sql } from 'kysely'

export interface ChartFilter {
  sequenceIds: readonly string[]
  taskTypeIds: readonly string[]
  /** Inclusive ISO days; event charts only. */
  from?: string | undefined
  to?: string | undefined
}

/** The range as timestamp bounds: from the first day's start to before the day after the last. */
export function timeBounds(f: Pick<ChartFilter, 'from' | 'to'>): { from?: string; before?: string } {
  const out: { from?: string; before?: string } = {}
  if (f.from !== undefined) out.from = `${f.from}T00:00:00.000Z`
  if (f.to !== undefined) out.before = new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000).toISOString()
  return out
}

/** 1 where the 0/1 column is set, else 0 (summed into counts). */
export function oneIf(column: string) {
  return sql<number>`case when ${sql.ref(column)} = 1 then 1 else 0 end`
}

/** 1 where the 0/1 column is not set, else 0. */
export function oneUnless(column: string) {
  return sql<number>`case when ${sql.ref(column)} = 1 then 0 else 1 end`
}

/** Frames of shot `s` (out − in + 1), 0 when either end is unset. */
export const shotFrames = sql<number>`coalesce(s.frame_out - s.frame_in + 1, 0)`

/** The ISO day of an ISO-8601 text timestamp (the same text function on both engines). */
export function isoDay(column: string) {
  return sql<string>`substr(${sql.ref(column)}, 1, 10)`
}

/** Aggregates come back as strings from some drivers (Postgres NUMERIC); counts fit a double. */
export function num(value: unknown): number {
  const n = Number(value ?? 0)
  return Number.isFinite(n) ? n : 0
}
