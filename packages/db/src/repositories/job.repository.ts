// Jobs and cron schedules for the database-backed job queue. Every state change is one
// guarded UPDATE (no read-then-write transaction), which is atomic on SQLite and Postgres
// alike: a claim only succeeds if the row is still claimable, and only the lock holder
// (`locked_by` = its claim token) can finish, fail or release a job.
import type { ExpressionBuilder } from 'kysely'
import { z } from 'zod'
import type { Db } from '../dialect/dialect-factory'
import type { DatabaseSchema } from '../tables/database.schema'
import type { JobSchedulesTable, JobsTable } from '../tables/jobs.tables'

export const JobStateSchema = z.enum(['queued', 'active', 'completed', 'failed', 'canceled'])
export type JobState = z.infer<typeof JobStateSchema>

/** Retry delay: `fixed` waits `delay` ms; `exponential` waits delay·2^(n−1); jitter 0..1 shortens it randomly. */
export const JobBackoffSchema = z.object({
  type: z.enum(['fixed', 'exponential']),
  delay: z.number().int().nonnegative(),
  jitter: z.number().min(0).max(1).optional(),
})
export type JobBackoff = z.infer<typeof JobBackoffSchema>

export interface StoredJob {
  id: string
  name: string
  data: unknown
  state: JobState
  priority: number
  runAt: string
  attemptsMade: number
  maxAttempts: number
  backoff: JobBackoff | null
  lockedBy: string | null
  lockExpiresAt: string | null
  progress: number
  progressMessage: string | null
  result: unknown
  error: string | null
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
}

export interface NewJob {
  id: string
  name: string
  data: unknown
  priority: number
  runAt: string
  maxAttempts: number
  backoff: JobBackoff | null
  createdAt: string
}

export interface StoredJobSchedule {
  id: string
  cron: string
  timezone: string | null
  name: string
  data: unknown
  opts: unknown
  nextRunAt: string
}

function parseJsonText(text: string): unknown {
  const value: unknown = JSON.parse(text)
  return value
}

function toStoredJob(row: JobsTable): StoredJob {
  return {
    ...row,
    data: parseJsonText(row.data),
    state: JobStateSchema.parse(row.state),
    backoff: row.backoff === null ? null : JobBackoffSchema.parse(parseJsonText(row.backoff)),
    result: row.result === null ? null : parseJsonText(row.result),
    progress: Number(row.progress),
  }
}

function toStoredSchedule(row: JobSchedulesTable): StoredJobSchedule {
  return {
    id: row.id,
    cron: row.cron,
    timezone: row.timezone,
    name: row.name,
    data: parseJsonText(row.data),
    opts: parseJsonText(row.opts),
    nextRunAt: row.nextRunAt,
  }
}

/** JSON text for a column; `undefined` (a handler returning nothing) is stored as null. */
function toJsonText(value: unknown): string {
  return JSON.stringify(value ?? null)
}

type JobsEb = ExpressionBuilder<DatabaseSchema, 'jobs'>

/** Queued and due, or active with an expired lock (its worker died). */
function claimable(eb: JobsEb, now: string) {
  return eb.or([
    eb.and([eb('state', '=', 'queued'), eb('runAt', '<=', now)]),
    eb.and([eb('state', '=', 'active'), eb('lockExpiresAt', '<', now)]),
  ])
}

function held(eb: JobsEb, id: string, token: string) {
  return eb.and([eb('id', '=', id), eb('state', '=', 'active'), eb('lockedBy', '=', token)])
}

/** Repository for the `jobs` and `job_schedules` tables. */
export function createJobRepository(db: Db) {
  return {
    /** Inserts unless the id exists; returns the stored job and whether this call created it. */
    async insertIfAbsent(input: NewJob): Promise<{ job: StoredJob; created: boolean }> {
      const row: JobsTable = {
        ...input,
        data: toJsonText(input.data),
        backoff: input.backoff === null ? null : JSON.stringify(input.backoff),
        state: 'queued',
        attemptsMade: 0,
        lockedBy: null,
        lockExpiresAt: null,
        progress: 0,
        progressMessage: null,
        result: null,
        error: null,
        startedAt: null,
        finishedAt: null,
      }
      const inserted = await db
        .insertInto('jobs')
        .values(row)
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst()
      // A new job is returned as inserted: a fast worker may already be running it.
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { job: toStoredJob(row), created: true }
      const job = await this.findById(input.id)
      if (!job) throw new Error(`job ${input.id} vanished right after insert`)
      return { job, created: false }
    },

    async findById(id: string): Promise<StoredJob | undefined> {
      const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? toStoredJob(row) : undefined
    },

    /** Newest first. */
    async list(filter: { name?: string; state?: JobState; limit: number }): Promise<StoredJob[]> {
      let query = db.selectFrom('jobs').selectAll()
      if (filter.name !== undefined) query = query.where('name', '=', filter.name)
      if (filter.state !== undefined) query = query.where('state', '=', filter.state)
      const rows = await query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(filter.limit).execute()
      return rows.map(toStoredJob)
    },

    /** Atomically claims the next job of `name`: highest priority, then earliest run_at, then id. */
    async claimNext(name: string, token: string, now: string, lockExpiresAt: string): Promise<StoredJob | undefined> {
      const row = await db
        .updateTable('jobs')
        .set({ state: 'active', lockedBy: token, lockExpiresAt, startedAt: now })
        .where('id', '=', (eb) =>
          eb
            .selectFrom('jobs')
            .select('id')
            .where('name', '=', name)
            .where((inner) => claimable(inner, now))
            .orderBy('priority', 'desc')
            .orderBy('runAt')
            .orderBy('id')
            .limit(1),
        )
        // Re-checked on the row itself: a concurrent claimer that won makes this a no-op.
        .where((eb) => claimable(eb, now))
        .returningAll()
        .executeTakeFirst()
      return row ? toStoredJob(row) : undefined
    },

    /** Whether a job of `name` could be claimed now (tells a lost claim race from an empty queue). */
    async hasClaimable(name: string, now: string): Promise<boolean> {
      const row = await db
        .selectFrom('jobs')
        .select('id')
        .where('name', '=', name)
        .where((eb) => claimable(eb, now))
        .limit(1)
        .executeTakeFirst()
      return row !== undefined
    },

    /** Heartbeat; false means the lock is lost (job canceled or taken over). */
    async extendLock(id: string, token: string, lockExpiresAt: string): Promise<boolean> {
      const r = await db
        .updateTable('jobs')
        .set({ lockExpiresAt })
        .where((eb) => held(eb, id, token))
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    async setProgress(id: string, token: string, progress: number, message: string | null): Promise<boolean> {
      const r = await db
        .updateTable('jobs')
        .set({ progress, progressMessage: message })
        .where((eb) => held(eb, id, token))
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    async complete(id: string, token: string, result: unknown, now: string): Promise<boolean> {
      const r = await db
        .updateTable('jobs')
        .set((eb) => ({
          state: 'completed',
          attemptsMade: eb('attemptsMade', '+', 1),
          result: toJsonText(result),
          lockedBy: null,
          lockExpiresAt: null,
          finishedAt: now,
        }))
        .where((eb) => held(eb, id, token))
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    /** Counts a failed attempt; `retryAt` requeues it, null fails it for good. */
    async fail(id: string, token: string, f: { error: string; now: string; retryAt: string | null }): Promise<boolean> {
      const r = await db
        .updateTable('jobs')
        .set((eb) => ({
          attemptsMade: eb('attemptsMade', '+', 1),
          error: f.error,
          lockedBy: null,
          lockExpiresAt: null,
          ...(f.retryAt === null ? { state: 'failed', finishedAt: f.now } : { state: 'queued', runAt: f.retryAt }),
        }))
        .where((eb) => held(eb, id, token))
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    /** Puts a held job back in the queue without counting an attempt (graceful shutdown). */
    async release(id: string, token: string, now: string): Promise<boolean> {
      const r = await db
        .updateTable('jobs')
        .set({ state: 'queued', runAt: now, lockedBy: null, lockExpiresAt: null })
        .where((eb) => held(eb, id, token))
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    /** Cancels a queued or active job; returns it as it was just before (undefined if not cancelable). */
    async cancel(id: string, now: string): Promise<StoredJob | undefined> {
      const before = await this.findById(id)
      if (!before || (before.state !== 'queued' && before.state !== 'active')) return undefined
      const r = await db
        .updateTable('jobs')
        .set({ state: 'canceled', finishedAt: now, lockExpiresAt: null })
        .where('id', '=', id)
        .where('state', '=', before.state)
        .where((eb) => (before.lockedBy === null ? eb('lockedBy', 'is', null) : eb('lockedBy', '=', before.lockedBy)))
        .executeTakeFirst()
      // Lost a race (claimed or finished meanwhile): look again.
      return Number(r.numUpdatedRows) === 1 ? before : this.cancel(id, now)
    },

    async upsertSchedule(s: StoredJobSchedule, now: string): Promise<void> {
      const values = {
        cron: s.cron,
        timezone: s.timezone,
        name: s.name,
        data: toJsonText(s.data),
        opts: toJsonText(s.opts),
        nextRunAt: s.nextRunAt,
        updatedAt: now,
      }
      await db
        .insertInto('jobSchedules')
        .values({ id: s.id, ...values, createdAt: now })
        .onConflict((oc) => oc.column('id').doUpdateSet(values))
        .execute()
    },

    async deleteSchedule(id: string): Promise<boolean> {
      const r = await db.deleteFrom('jobSchedules').where('id', '=', id).executeTakeFirst()
      return Number(r.numDeletedRows) === 1
    },

    async listSchedules(): Promise<StoredJobSchedule[]> {
      const rows = await db.selectFrom('jobSchedules').selectAll().orderBy('id').execute()
      return rows.map(toStoredSchedule)
    },

    async dueSchedules(now: string): Promise<StoredJobSchedule[]> {
      const rows = await db.selectFrom('jobSchedules').selectAll().where('nextRunAt', '<=', now).execute()
      return rows.map(toStoredSchedule)
    },

    /** Moves a schedule to its next tick only if nobody else did; true = this caller owns the tick. */
    async advanceSchedule(id: string, expectedNextRunAt: string, nextRunAt: string): Promise<boolean> {
      const r = await db
        .updateTable('jobSchedules')
        .set({ nextRunAt })
        .where('id', '=', id)
        .where('nextRunAt', '=', expectedNextRunAt)
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },
  }
}
export type JobRepository = ReturnType<typeof createJobRepository>
