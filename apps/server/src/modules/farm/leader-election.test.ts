// Scale-out: only one instance dispatches (Postgres advisory lock); a standby takes over within
// seconds when the leader goes away. With SQLite the single process is always the leader.
import { openDatabase } from '@aipipeline/db'
import { createTestDatabase, postgres, requireService, type TestDatabase } from '@aipipeline/testing'
import { afterAll, describe, expect, it } from 'vitest'
import { createLogger } from '../../observability/logger'
import { createLeaderElection, type LeaderElection } from './leader-election'

const logger = createLogger('silent')

function election(database: Parameters<typeof createLeaderElection>[0]['database'], log: string[], name: string) {
  return createLeaderElection({
    database,
    retryMs: 100,
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

    it('lets exactly one instance lead and hands over when the leader stops', async () => {
      db = await createTestDatabase('postgres')
      const second = openDatabase(db.url, { poolSize: 2 })
      extra.push(second)
      const log: string[] = []
      const a = election(db.handle, log, 'a')
      const b = election(second, log, 'b')
      running.push(a, b)
      a.start()
      await until(() => a.isLeader, 5000)
      b.start()
      // Several retry periods pass: the standby must not lead while the leader lives.
      await new Promise((r) => setTimeout(r, 500))
      expect(b.isLeader).toBe(false)
      await a.stop()
      await until(() => b.isLeader, 3000)
      expect(log).toEqual(['a elected', 'a demoted', 'b elected'])
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
