// Only one studio instance dispatches: the holder of the `farm-dispatcher` lease (a row with
// holder, fencing epoch and an expiry in the database's clock). The lease runs for
// LEASE_INTERVALS intervals from each renewal and the leader renews it every half interval, so
// a busy event loop may be late by over an interval without losing it. A leader that is frozen
// (SIGSTOP, a long GC pause) or cut off from the database loses it at most 2 intervals after
// its last renewal, and a standby, trying every half interval, leads within 3 of the freeze.
// A leader that wakes after losing it is fenced: every dispatch-side write names its epoch
// and is refused, and before submitting to a backend it checks on its own monotonic clock that
// its lease is certainly still running. SQLite means one process: it takes the lease at once.
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { createLeaderLeaseRepository, type DatabaseHandle, type LeaseFence } from '@aipipeline/db'
import type { Logger } from '../../observability/logger'

export interface LeaderElection {
  readonly isLeader: boolean
  /** The lease this instance holds, for fenced writes; null while it holds none. */
  fence(): LeaseFence | null
  /**
   * Whether the lease is certainly still ours, by this process's monotonic clock: false once
   * more time has passed since the last confirmed renewal than the lease leaves to spare
   * (e.g. the process was frozen). Checked before anything leaves for a backend.
   */
  holds(): boolean
  start(): void
  /** Steps down (releasing the lease, so a standby takes over at its next try) and stops trying. */
  stop(): Promise<void>
}

export interface LeaderElectionOptions {
  database: DatabaseHandle
  /** Lease interval, ms: the lease lasts LEASE_INTERVALS of them; renewals and retries come every half. */
  intervalMs: number
  logger: Logger
  onElected(): Promise<void>
  onDemoted(): Promise<void>
  /** Instance id written as the holder; `host:pid:random` by default, so operators can tell who leads. */
  instanceId?: string
}

export const LEASE_NAME = 'farm-dispatcher'
/** The lease lasts this many intervals from each renewal: one renewal may be late without a change of hands. */
export const LEASE_INTERVALS = 2
/** Part of an interval the lease must still have left (by our clock) for us to send work out. */
const SPARE_INTERVALS = 0.5

/** Creates the election; nothing happens until start(). */
export function createLeaderElection(opts: LeaderElectionOptions): LeaderElection {
  const leases = createLeaderLeaseRepository(opts.database)
  const holder = opts.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  const ttlMs = () => LEASE_INTERVALS * opts.intervalMs
  let fence: LeaseFence | null = null
  // performance.now() keeps counting while the process is stopped, unlike our timers.
  let confirmedUntil = 0
  let stopped = true
  let timer: NodeJS.Timeout | null = null
  let running: Promise<void> | null = null
  let first = true

  async function elect(): Promise<void> {
    const sentAt = performance.now()
    // Embedded mode is one process: a lease left by an earlier (crashed) run is ours to take.
    const steal = first && opts.database.engine === 'sqlite'
    first = false
    const epoch = await leases.acquire(LEASE_NAME, holder, ttlMs(), { steal })
    if (epoch === null || stopped) {
      if (epoch !== null) await leases.release({ name: LEASE_NAME, holder, epoch })
      return
    }
    fence = { name: LEASE_NAME, holder, epoch }
    confirmedUntil = sentAt + (LEASE_INTERVALS - SPARE_INTERVALS) * opts.intervalMs
    opts.logger.info({ epoch }, 'farm: this instance is the dispatching leader')
    await opts.onElected()
  }

  async function renew(current: LeaseFence): Promise<void> {
    const sentAt = performance.now()
    if (await leases.renew(current, ttlMs())) {
      confirmedUntil = sentAt + (LEASE_INTERVALS - SPARE_INTERVALS) * opts.intervalMs
      return
    }
    opts.logger.warn({ epoch: current.epoch }, 'farm: the dispatcher lease passed to another instance; standing by')
    await demote()
  }

  async function demote(): Promise<void> {
    if (fence === null) return
    fence = null
    confirmedUntil = 0
    await opts.onDemoted()
  }

  function cycle(): void {
    if (stopped || running) return
    const current = fence
    running = (current ? renew(current) : elect())
      .catch((err: unknown) => opts.logger.warn({ err: String(err) }, 'farm: dispatcher lease check failed'))
      .finally(() => {
        running = null
        if (!stopped) timer = setTimeout(cycle, opts.intervalMs / 2)
      })
  }

  return {
    get isLeader() {
      return fence !== null
    },
    fence: () => fence,
    holds: () => fence !== null && performance.now() < confirmedUntil,
    start() {
      if (!stopped) return
      stopped = false
      cycle()
    },
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      timer = null
      await running
      const held = fence
      await demote()
      if (held) await leases.release(held).catch(() => {})
    },
  }
}
