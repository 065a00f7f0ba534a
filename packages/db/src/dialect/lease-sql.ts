// The SQL of leases that differs between engines (ARCHITECTURE decision 1: dialect branches
// live in this folder): the database's own clock, and the lock a fenced write takes on the
// lease row so that a change of holder waits for it, or refuses it.
import { type RawBuilder, sql } from 'kysely'
import type { Engine } from './database-url'

/**
 * The database server's clock in ms since the Unix epoch, read when the statement runs (not
 * at transaction start). Lease expiry is compared only with this clock, so instances whose
 * own clocks disagree still agree on who holds a lease.
 */
export function databaseNowMs(engine: Engine): RawBuilder<number> {
  return engine === 'postgres'
    ? sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`
    : sql<number>`cast(round((julianday('now') - 2440587.5) * 86400000) as integer)`
}

/**
 * Postgres: `for share` on the lease row until commit, so a takeover (an UPDATE of that row)
 * either waits for the fenced write to commit or makes it see the new epoch and refuse.
 * SQLite has one writer at a time, so the check and the write are atomic already.
 */
export function leaseRowLock(engine: Engine): RawBuilder<unknown> {
  return engine === 'postgres' ? sql` for share` : sql``
}

/**
 * Postgres: `for update` on the selected rows until commit, so writers of the same rows take
 * turns. SQLite runs one write transaction at a time, so nothing is needed.
 */
export function rowWriteLock(engine: Engine): RawBuilder<unknown> {
  return engine === 'postgres' ? sql` for update` : sql``
}
