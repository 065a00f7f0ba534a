// Only one studio instance dispatches. With Postgres the leader holds a session advisory
// lock on a dedicated connection (released by Postgres when that process dies); standbys try
// again every second, so a new leader takes over within seconds. SQLite means one process:
// it is always the leader. The lock key includes the schema so test schemas don't collide.
import type { DatabaseHandle } from '@aipipeline/db'
import { sql } from 'kysely'
import type { Logger } from '../../observability/logger'

export interface LeaderElection {
  readonly isLeader: boolean
  start(): void
  /** Steps down (unlocking) and stops trying. */
  stop(): Promise<void>
}

export interface LeaderElectionOptions {
  database: DatabaseHandle
  retryMs: number
  logger: Logger
  onElected(): Promise<void>
  onDemoted(): Promise<void>
}

const LOCK_NAME = ':aipipeline-farm-dispatcher'

/** Creates the election; nothing happens until start(). */
export function createLeaderElection(opts: LeaderElectionOptions): LeaderElection {
  let leader = false
  let stopped = false
  let holding: Promise<void> | null = null
  let timer: NodeJS.Timeout | null = null
  let wakeHolder: (() => void) | null = null
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms)
      wakeHolder = () => {
        clearTimeout(t)
        resolve()
      }
    })

  async function holdIfFree(): Promise<void> {
    await opts.database.db.connection().execute(async (conn) => {
      const got = await sql<{
        locked: boolean
      }>`select pg_try_advisory_lock(hashtext(current_schema() || ${LOCK_NAME})) as locked`.execute(conn)
      if (got.rows[0]?.locked !== true || stopped) {
        if (got.rows[0]?.locked === true)
          await sql`select pg_advisory_unlock(hashtext(current_schema() || ${LOCK_NAME}))`.execute(conn)
        return
      }
      leader = true
      opts.logger.info({}, 'farm: this instance is the dispatching leader')
      try {
        await opts.onElected()
        // Keep the session alive and notice when it dies (then another instance holds the lock).
        while (!stopped) {
          await pause(opts.retryMs)
          if (!stopped) await sql`select 1`.execute(conn)
        }
        await sql`select pg_advisory_unlock(hashtext(current_schema() || ${LOCK_NAME}))`.execute(conn)
      } finally {
        leader = false
        await opts.onDemoted()
      }
    })
  }

  const attempt = () => {
    if (stopped || holding) return
    holding = holdIfFree()
      .catch((err: unknown) => opts.logger.warn({ err: String(err) }, 'farm: leader lock session failed'))
      .finally(() => {
        holding = null
      })
  }

  return {
    get isLeader() {
      return leader
    },
    start() {
      if (opts.database.engine === 'sqlite') {
        leader = true
        holding = opts.onElected().finally(() => {
          holding = null
        })
        return
      }
      attempt()
      timer = setInterval(attempt, opts.retryMs)
    },
    async stop() {
      stopped = true
      if (timer) clearInterval(timer)
      wakeHolder?.()
      await holding
      if (opts.database.engine === 'sqlite' && leader) {
        leader = false
        await opts.onDemoted()
      }
    },
  }
}
