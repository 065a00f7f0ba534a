// The leader lease: one holder at a time, expiry in the database's clock, a fencing epoch that
// grows on every change of hands, and dispatch-side writes that a stale holder cannot make.
import {
  createTestDatabase,
  describeEachEngine,
  newRenderJob,
  newRenderJobOutput,
  postgres,
  requireService,
  type TestDatabase,
} from '@aipipeline/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../dialect/dialect-factory'
import { createLeaderLeaseRepository, type LeaseFence, leaseHeld } from './leader-lease.repository'
import { createRenderJobRepository } from './render-job.repository'

const MINUTE = 60_000

describeEachEngine('leader lease', (db) => {
  const leases = () => createLeaderLeaseRepository(db().handle)
  const fenced = (fence: () => LeaseFence | null) =>
    createRenderJobRepository(db().handle.db, { fence: { engine: db().engine, current: fence } })

  it('has one holder until its lease runs out, then the next taker gets a higher epoch', async () => {
    const repo = leases()
    const a = await repo.acquire('one-holder', 'a', MINUTE)
    expect(a).toBe(1)
    expect(await repo.acquire('one-holder', 'b', MINUTE)).toBeNull()
    expect(await repo.renew({ name: 'one-holder', holder: 'a', epoch: 1 }, 0)).toBe(true)
    // Renewed for 0 ms: expired by the database's clock, so a standby may take it.
    expect(await repo.acquire('one-holder', 'b', MINUTE)).toBe(2)
    expect(await repo.renew({ name: 'one-holder', holder: 'a', epoch: 1 }, MINUTE)).toBe(false)
    const now = await repo.get('one-holder')
    expect(now).toMatchObject({ holder: 'b', epoch: 2 })
    expect((now?.expiresAtMs ?? 0) - (now?.nowMs ?? 0)).toBeGreaterThan(MINUTE / 2)
  })

  it('is taken at once after its holder releases it, and by force in embedded mode', async () => {
    const repo = leases()
    expect(await repo.acquire('release', 'a', MINUTE)).toBe(1)
    await repo.release({ name: 'release', holder: 'a', epoch: 1 })
    expect(await repo.acquire('release', 'b', MINUTE)).toBe(2)
    expect(await repo.acquire('release', 'c', MINUTE, { steal: true })).toBe(3)
  })

  it('refuses every dispatch-side write of a holder whose lease changed hands', async () => {
    const repo = leases()
    const epoch = await repo.acquire('dispatch', 'old', 0)
    if (epoch === null) throw new Error('not acquired')
    const old = fenced(() => ({ name: 'dispatch', holder: 'old', epoch }))
    const [j, k] = await old.insertMany([newRenderJob(), newRenderJob()])
    if (!j || !k) throw new Error('not inserted')
    const promptId = crypto.randomUUID()
    expect(await old.claim({ jobId: j.id, backendId: 'b1', backendName: 'gpu-1', promptId })).toBe(1)
    expect((await old.attempts(j.id))[0]?.leaderEpoch).toBe(epoch)

    const next = await repo.acquire('dispatch', 'new', MINUTE)
    if (next === null) throw new Error('standby did not take the expired lease')
    const claimK = { jobId: k.id, backendId: 'b1', backendName: 'gpu-1', promptId: crypto.randomUUID() }
    expect(await old.claim(claimK)).toBeNull()
    expect(await old.markRunning(j.id, promptId)).toBe(false)
    expect(await old.settle(j.id, promptId, 'succeeded')).toBe(false)
    expect(await old.requeue(j.id, promptId, { nextAttemptAt: null })).toBe(false)
    expect(await old.endAttempt(promptId, 'lost', null)).toBe(false)
    expect(await old.setUnschedulable(k.id, 'no backend')).toBe(false)
    const output = newRenderJobOutput(j.id)
    expect(await old.insertOutput(output)).toBe(false)
    expect(await old.get(j.id)).toMatchObject({ state: 'assigned', promptId })
    expect(await old.outputs(j.id)).toEqual([])

    // The new holder carries on with the same job: it follows the attempt the old one claimed.
    const current = fenced(() => ({ name: 'dispatch', holder: 'new', epoch: next }))
    expect(await current.markRunning(j.id, promptId)).toBe(true)
    expect(await current.insertOutput(output)).toBe(true)
    const end = { outcome: 'succeeded' as const, error: null }
    expect(await current.settle(j.id, promptId, 'succeeded', null, end)).toBe(true)
    expect((await current.attempts(j.id)).map((a) => a.outcome)).toEqual(['succeeded'])
    expect(await current.claim(claimK)).toBe(1)
    expect((await current.attempts(k.id))[0]?.leaderEpoch).toBe(next)
  })

  it('refuses writes while this instance holds no lease at all', async () => {
    const none = fenced(() => null)
    const [j] = await createRenderJobRepository(db().handle.db).insertMany([newRenderJob()])
    if (!j) throw new Error('not inserted')
    expect(
      await none.claim({ jobId: j.id, backendId: 'b', backendName: 'b', promptId: crypto.randomUUID() }),
    ).toBeNull()
    expect((await none.get(j.id))?.state).toBe('queued')
  })
})

// Postgres runs statements concurrently: the lease row lock orders a fenced write and a takeover.
describe.runIf(requireService(postgres, 'leader lease fencing on PostgreSQL'))('leader lease [postgres race]', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase('postgres')
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  it('makes a fenced write wait for a takeover in progress, then refuses it', { timeout: 30_000 }, async () => {
    const repo = createLeaderLeaseRepository(db.handle)
    const epoch = await repo.acquire('race', 'old', 0)
    if (epoch === null) throw new Error('not acquired')
    const old = createRenderJobRepository(db.handle.db, {
      fence: { engine: 'postgres', current: () => ({ name: 'race', holder: 'old', epoch }) },
    })
    const [j] = await old.insertMany([newRenderJob()])
    if (!j) throw new Error('not inserted')
    const other = openDatabase(db.url, { poolSize: 2 })
    try {
      let write: Promise<number | null> | undefined
      await other.db.transaction().execute(async (trx) => {
        // The standby's takeover, not yet committed.
        await sql`update farm_leader_leases set holder = 'new', epoch = epoch + 1 where name = 'race'`.execute(trx)
        const self = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)
        write = old.claim({ jobId: j.id, backendId: 'b', backendName: 'b', promptId: crypto.randomUUID() })
        let done = false
        void write.finally(() => {
          done = true
        })
        // Commit only once the fenced write is blocked behind this transaction (or went through).
        while (!done) {
          const waiting = await sql<{ n: number }>`
            select count(*)::int as n from pg_stat_activity
            where ${self.rows[0]?.pid ?? -1} = any(pg_blocking_pids(pid))`.execute(other.db)
          if ((waiting.rows[0]?.n ?? 0) > 0) break
          await new Promise((r) => setTimeout(r, 20))
        }
      })
      expect(await write).toBeNull()
      expect((await old.get(j.id))?.state).toBe('queued')
    } finally {
      await other.close()
    }
  })

  it('is taken from a holder frozen inside a transaction once that transaction idles past its limit', {
    timeout: 60_000,
  }, async () => {
    const repo = createLeaderLeaseRepository(db.handle)
    const epoch = await repo.acquire('frozen', 'old', 0)
    if (epoch === null) throw new Error('not acquired')
    const frozen = openDatabase(db.url, { poolSize: 1, idleInTransactionTimeoutMs: 300 })
    let wake = () => {}
    const asleep = new Promise<void>((resolve) => {
      wake = resolve
    })
    let locked = () => {}
    const holding = new Promise<void>((resolve) => {
      locked = resolve
    })
    // The old holder's fenced write, frozen before its commit: it keeps the lease row locked.
    const stalled = frozen.db
      .transaction()
      .execute(async (trx) => {
        await sql`select ${leaseHeld('postgres', { name: 'frozen', holder: 'old', epoch })} as held`.execute(trx)
        locked()
        await asleep
        await sql`select 1`.execute(trx)
      })
      .then(
        () => 'committed',
        () => 'ended by the server',
      )
    try {
      await holding
      expect(await repo.acquire('frozen', 'new', MINUTE)).toBe(epoch + 1)
      wake()
      expect(await stalled).toBe('ended by the server')
    } finally {
      wake()
      await frozen.close()
    }
  })
})
