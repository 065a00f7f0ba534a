// Scale-out: only one instance dispatches (the holder of the leader lease); a standby takes over
// when the leader steps down or its lease runs out, and a leader whose lease changed hands steps
// down. With SQLite the single process is always the leader. (A frozen leader process: see
// farm-lease-chaos.test.ts.)
import { createLeaderLeaseRepository, openDatabase } from '@aipipeline/db'
import { createTestDatabase, postgres, requireService, type TestDatabase } from '@aipipeline/testing'
import { afterAll, describe, expect, it } from 'vitest'
import { createLogger } from '../../observability/logger'
import { createLeaderElection, LEASE_NAME, type LeaderElection } from './leader-election'

const logger = createLogger('silent')

function election(database: Parameters<typeof createLeaderElection>[0]['database'], log: string[], name: string) {
  return createLeaderElection({
    database,
    intervalMs: 100,
    logger,
    onElected: async () => {
      log.push(`${name} elected`)
    },
    onDemoted: async () => {
      log.push(`${name} demoted`)
    },
  })
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe.runIf(requireService(postgres, 'farm leader election on PostgreSQL'))(
  'farm leader election [postgres]',
  () => {
    let db: TestDatabase
    const extra: Array<{ close(): Promise<void> }> = []
    const running: LeaderElection[] = []
    afterAll(async () => {
      for (const e of running) await e.stop()
      for (const h of extra) await h.close()
      await db?.cleanup()
    })

    /** Two instances on `db`, each on its own connection pool: `a` leads on return, `b` is not started. */
    async function leaderAndStandby() {
      const second = openDatabase(db.url, { poolSize: 2 })
      extra.push(second)
      const log: string[] = []
      const a = election(db.handle, log, 'a')
      const b = election(second, log, 'b')
      running.push(a, b)
      a.start()
      await until(() => a.isLeader, 5000)
      return { a, b, log }
    }

    it('lets exactly one instance lead and hands over when the leader stops', async () => {
      db = await createTestDatabase('postgres')
      const { a, b, log } = await leaderAndStandby()
      b.start()
      // Several retry periods pass: the standby must not lead while the leader lives.
      await new Promise((r) => setTimeout(r, 500))
      expect(b.isLeader).toBe(false)
      await a.stop()
      await until(() => b.isLeader, 3000)
      expect(log).toEqual(['a elected', 'a demoted', 'b elected'])
      await b.stop()
    })

    it('steps down at its next renewal once its lease changed hands, and stays a standby', async () => {
      const { a, b, log } = await leaderAndStandby()
      const stale = a.fence()
      b.start()
      // Another instance took the lease, as a standby does once a frozen leader's lease ran out.
      const leases = createLeaderLeaseRepository(db.handle)
      const epoch = await leases.acquire(LEASE_NAME, 'other-instance', 60_000, { steal: true })
      expect(epoch).toBe((stale?.epoch ?? 0) + 1)
      await until(() => !a.isLeader, 5000)
      expect(a.fence()).toBeNull()
      expect(a.holds()).toBe(false)
      // Several intervals pass: neither a nor b takes a lease that another holder keeps.
      await new Promise((r) => setTimeout(r, 500))
      expect([a.isLeader, b.isLeader]).toEqual([false, false])
      expect(log).toEqual(['a elected', 'a demoted'])
      expect((await leases.get(LEASE_NAME))?.holder).toBe('other-instance')
    })
  },
)

describe('farm leader election [sqlite]', () => {
  it('is always the leader in embedded mode', async () => {
    const db = await createTestDatabase('sqlite')
    const log: string[] = []
    const e = election(db.handle, log, 'only')
    e.start()
    await until(() => log.length === 1, 2000)
    expect(e.isLeader).toBe(true)
    await e.stop()
    expect(log).toEqual(['only elected', 'only demoted'])
    await db.cleanup()
  })
})
