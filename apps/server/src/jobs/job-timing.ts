// Pure timing rules shared by the adapters: retry backoff, priority mapping, cron ticks.
import { Backoffs } from 'bullmq'
import { CronExpressionParser } from 'cron-parser'
import { type JobBackoff, PRIORITY_MAX } from './job-queue.port'

/**
 * Milliseconds to wait before the next try, after `attemptsMade` failed tries (≥ 1), computed
 * by BullMQ's own built-in strategies so the local queue retries exactly when the BullMQ adapter
 * would: exponential = delay·2^(n−1); jitter j draws uniformly from [(1−j)·base, base], so
 * retries of many jobs failing together spread out. The farm's render retries use it too.
 */
export function retryDelayMs(backoff: JobBackoff | undefined, attemptsMade: number): number {
  if (!backoff) return 0
  const strategy = Backoffs.builtinStrategies[backoff.type]
  if (strategy === undefined) throw new Error(`BullMQ has no built-in backoff "${backoff.type}"`)
  const delay = strategy(backoff.delay, backoff.jitter)(Math.max(1, attemptsMade))
  // The built-in strategies are synchronous; a promise here would mean BullMQ changed them.
  if (typeof delay !== 'number') throw new Error(`BullMQ's "${backoff.type}" backoff is no longer synchronous`)
  return delay
}

/**
 * Our priority (higher first, −1000..1000) → BullMQ's (lower first, 1..2001). Every job gets
 * an explicit BullMQ priority because BullMQ runs jobs without one before all prioritized jobs.
 */
export function toBullPriority(priority: number): number {
  return PRIORITY_MAX + 1 - priority
}

/** Inverse of `toBullPriority`. */
export function fromBullPriority(bullPriority: number): number {
  return bullPriority === 0 ? 0 : PRIORITY_MAX + 1 - bullPriority
}

/** The first cron tick strictly after `afterMs`; throws a clear error for a bad expression. */
export function nextCronTick(cron: string, afterMs: number, timezone?: string | null): number {
  try {
    const expr = CronExpressionParser.parse(cron, { currentDate: new Date(afterMs), tz: timezone ?? 'UTC' })
    return expr.next().getTime()
  } catch (err) {
    throw new Error(`invalid cron expression "${cron}": ${err instanceof Error ? err.message : String(err)}`)
  }
}
