// Time arithmetic on our ISO-8601 text timestamps, which the engines spell differently
// (ARCHITECTURE decision 1: dialect branches live in this folder).
import { type Expression, type RawBuilder, sql } from 'kysely'
import type { Engine } from './database-url'

/** Seconds from `start` to `end` (ISO-8601 text); null when either is null. */
export function secondsBetween(
  engine: Engine,
  start: Expression<string | null>,
  end: Expression<string | null>,
): RawBuilder<number | null> {
  return engine === 'postgres'
    ? sql<number | null>`extract(epoch from (${end}::timestamptz - ${start}::timestamptz))`
    : sql<number | null>`((julianday(${end}) - julianday(${start})) * 86400.0)`
}
