// Leases held by one instance at a time (the render dispatcher's leadership). The expiry is
// written and compared in the database's clock; the epoch is a fencing token that grows on
// every change of hands, and fenced writes name it, so a holder that was frozen or cut off
// past its expiry cannot write once another instance has taken over.
import { type RawBuilder, type SqlBool, sql } from 'kysely'
import type { Engine } from '../dialect/database-url'
import type { DatabaseHandle } from '../dialect/dialect-factory'
import { databaseNowMs, leaseRowLock } from '../dialect/lease-sql'

/** What a holder proves on each fenced write: the lease, who holds it and since which change of hands. */
export interface LeaseFence {
  name: string
  holder: string
  epoch: number
}

/** Where fenced writes get their fence: null when this instance holds no lease (the write is refused). */
export interface FenceSource {
  engine: Engine
  current(): LeaseFence | null
}

export interface LeaseRecord {
  name: string
  holder: string | null
  epoch: number
  expiresAtMs: number
  /** The database's clock when read, to compare with `expiresAtMs`. */
  nowMs: number
}

/** SQL condition: `fence` still holds its lease (share-locking the lease row on Postgres). */
export function leaseHeld(engine: Engine, fence: LeaseFence): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from farm_leader_leases where name = ${fence.name} and holder = ${fence.holder} and epoch = ${fence.epoch}${leaseRowLock(engine)})`
}

/** Repository of leader leases. */
export function createLeaderLeaseRepository(handle: Pick<DatabaseHandle, 'db' | 'engine'>) {
  const { db, engine } = handle
  const now = databaseNowMs(engine)
  return {
    /**
     * Takes the lease for `holder` for `ttlMs` when it is free or expired, or whatever its state
     * with `steal` (embedded mode: the only process). Returns the new epoch, or null while
     * another holder's lease runs.
     */
    async acquire(name: string, holder: string, ttlMs: number, opts: { steal?: boolean } = {}): Promise<number | null> {
      await db
        .insertInto('farmLeaderLeases')
        .values({ name, holder: null, epoch: 0, expiresAtMs: 0 })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute()
      const row = await db
        .updateTable('farmLeaderLeases')
        .set((eb) => ({ holder, epoch: eb('epoch', '+', 1), expiresAtMs: sql<number>`${now} + ${ttlMs}` }))
        .where('name', '=', name)
        .$if(opts.steal !== true, (qb) => qb.where('expiresAtMs', '<=', now))
        .returning('epoch')
        .executeTakeFirst()
      return row === undefined ? null : Number(row.epoch)
    },

    /** Extends the lease to now + `ttlMs` if `fence` still holds it; false when it changed hands. */
    async renew(fence: LeaseFence, ttlMs: number): Promise<boolean> {
      const res = await db
        .updateTable('farmLeaderLeases')
        .set({ expiresAtMs: sql<number>`${now} + ${ttlMs}` })
        .where('name', '=', fence.name)
        .where('holder', '=', fence.holder)
        .where('epoch', '=', fence.epoch)
        .executeTakeFirst()
      return Number(res.numUpdatedRows) > 0
    },

    /** Ends the lease now so a standby takes it at its next try (clean shutdown). */
    async release(fence: LeaseFence): Promise<void> {
      await db
        .updateTable('farmLeaderLeases')
        .set({ expiresAtMs: 0 })
        .where('name', '=', fence.name)
        .where('holder', '=', fence.holder)
        .where('epoch', '=', fence.epoch)
        .execute()
    },

    async get(name: string): Promise<LeaseRecord | null> {
      const row = await db
        .selectFrom('farmLeaderLeases')
        .select(['name', 'holder', 'epoch', 'expiresAtMs', now.as('nowMs')])
        .where('name', '=', name)
        .executeTakeFirst()
      if (!row) return null
      return { ...row, epoch: Number(row.epoch), expiresAtMs: Number(row.expiresAtMs), nowMs: Number(row.nowMs) }
    },

    /** Whether `fence` holds its lease now (a read; writes check it themselves). */
    async holds(fence: LeaseFence): Promise<boolean> {
      const row = await db
        .selectFrom('farmLeaderLeases')
        .select('epoch')
        .where('name', '=', fence.name)
        .where('holder', '=', fence.holder)
        .where('epoch', '=', fence.epoch)
        .executeTakeFirst()
      return row !== undefined
    },
  }
}
export type LeaderLeaseRepository = ReturnType<typeof createLeaderLeaseRepository>
