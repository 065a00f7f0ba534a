// Row types for background jobs and cron schedules (local JobQueue adapter). Timestamps are
// ISO-8601 UTC text written by the app, so text comparison orders them on both engines.

/** One job. `data`, `backoff` and `result` hold JSON text parsed with zod on read. */
export interface JobsTable {
  id: string
  name: string
  data: string
  /** queued | active | completed | failed | canceled */
  state: string
  /** Higher runs first. */
  priority: number
  /** Earliest time the job may start (delays and retry backoff move it forward). */
  runAt: string
  /** Finished attempts (failed or the successful one), as in BullMQ; a crashed attempt does not count. */
  attemptsMade: number
  maxAttempts: number
  backoff: string | null
  /** Claim token of the worker holding the job; only its holder may finish it. */
  lockedBy: string | null
  lockExpiresAt: string | null
  /** Percent, 0..100. */
  progress: number
  progressMessage: string | null
  result: string | null
  error: string | null
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
}

/** A cron schedule; whichever worker advances `nextRunAt` first enqueues that tick. */
export interface JobSchedulesTable {
  id: string
  cron: string
  timezone: string | null
  name: string
  data: string
  /** JSON: priority, attempts, backoff for every job this schedule enqueues. */
  opts: string
  nextRunAt: string
  createdAt: string
  updatedAt: string
}

export interface JobsTables {
  jobs: JobsTable
  jobSchedules: JobSchedulesTable
}
