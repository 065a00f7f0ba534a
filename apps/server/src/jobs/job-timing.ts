// Pure timing rules shared by the adapters: retry backoff, priority mapping, cron ticks.
import { CronExpressionParser } from 'cron-parser'
import { type JobBackoff, PRIORITY_MAX } from './job-queue.port'

/**
 * Milliseconds to wait before the next try, after `attemptsMade` failed tries (≥ 1).
 * Same formula as BullMQ: exponential = delay·2^(n−1); jitter j draws uniformly from
 * [(1−j)·base, base], so retries of many jobs failing together spread out.
 */
export function retryDelayMs(backoff: JobBackoff | undefined, attemptsMade: number, random: () => number): number {
  if (!backoff) return 0
  const base = backoff.type === 'fixed' ? backoff.delay : backoff.delay * 2 ** Math.max(0, attemptsMade - 1)
  const jitter = backoff.jitter ?? 0
  return Math.floor(base * (1 - jitter) + random() * base * jitter)
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
