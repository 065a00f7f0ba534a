// Health history of the farm's backends: state changes and sampled probes with latency.
// Pruned on write, by age and by count per backend, so the table stays small whatever runs.
import { BackendState } from '@aipipeline/domain'
import type { Db } from '../dialect/dialect-factory'
import { isoNow, newId } from '../ids'

export type BackendHealthKind = 'transition' | 'probe'

export interface BackendHealthEntry {
  id: string
  backendId: string
  at: string
  kind: BackendHealthKind
  state: BackendState
  reason: string | null
  ok: boolean
  latencyMs: number | null
}

export type NewBackendHealthEntry = Omit<BackendHealthEntry, 'id' | 'at'> & { at?: string }

export interface BackendHealthRetention {
  /** Entries older than this are dropped. */
  maxAgeMs: number
  /** At most this many entries are kept per backend (the newest). */
  maxPerBackend: number
}

export const DEFAULT_HEALTH_RETENTION: BackendHealthRetention = { maxAgeMs: 7 * 24 * 3600_000, maxPerBackend: 2000 }

/** Repository for `farm_backend_health`. */
export function createBackendHealthRepository(db: Db, retention: BackendHealthRetention = DEFAULT_HEALTH_RETENTION) {
  return {
    /** Appends an entry and prunes that backend's history. */
    async record(input: NewBackendHealthEntry): Promise<BackendHealthEntry> {
      const entry: BackendHealthEntry = { ...input, id: newId(), at: input.at ?? isoNow() }
      await db
        .insertInto('farmBackendHealth')
        .values({ ...entry, ok: entry.ok ? 1 : 0 })
        .execute()
      await this.prune(entry.backendId, Date.parse(entry.at))
      return entry
    },

    /** Drops a backend's entries past the retention's age and count. */
    async prune(backendId: string, nowMs: number = Date.now()): Promise<void> {
      const cutoff = isoNow(nowMs - retention.maxAgeMs)
      await db.deleteFrom('farmBackendHealth').where('backendId', '=', backendId).where('at', '<', cutoff).execute()
      const keep = await db
        .selectFrom('farmBackendHealth')
        .select('at')
        .where('backendId', '=', backendId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .offset(retention.maxPerBackend - 1)
        .limit(1)
        .executeTakeFirst()
      if (keep) {
        await db.deleteFrom('farmBackendHealth').where('backendId', '=', backendId).where('at', '<', keep.at).execute()
      }
    },

    /** The newest `limit` entries of a backend, oldest first (the order a chart draws them). */
    async latest(backendId: string, limit: number): Promise<BackendHealthEntry[]> {
      const rows = await db
        .selectFrom('farmBackendHealth')
        .selectAll()
        .where('backendId', '=', backendId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute()
      return rows.reverse().map((r) => ({
        id: r.id,
        backendId: r.backendId,
        at: r.at,
        kind: r.kind === 'transition' ? 'transition' : 'probe',
        state: BackendState.parse(r.state),
        reason: r.reason,
        ok: r.ok === 1,
        latencyMs: r.latencyMs === null ? null : Number(r.latencyMs),
      }))
    },
  }
}
export type BackendHealthRepository = ReturnType<typeof createBackendHealthRepository>
