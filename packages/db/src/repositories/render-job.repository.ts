// Render jobs, their attempts and outputs. Every state change is a guarded UPDATE that names
// the state (and, for dispatcher changes, the prompt_id of the attempt) it expects, so a late
// or duplicated event can never move a job twice: exactly-once completion rests on this.
// The dispatcher's copy is fenced: each of its writes also names the leader lease it holds,
// so a leader that lost the lease (frozen, cut off) can no longer claim or settle anything.
import type { AttemptOutcome, RenderJobState } from '@aipipeline/domain'
import { type RawBuilder, type SqlBool, sql, type Transaction } from 'kysely'
import type { Db } from '../dialect/dialect-factory'
import { isoNow, newId } from '../ids'
import type { DatabaseSchema } from '../tables/database.schema'
import { type FenceSource, leaseHeld } from './leader-lease.repository'
import { renderJobReads } from './render-job.reads'
import {
  type NewRenderJob,
  type OutputRecord,
  type RenderJobError,
  type RenderJobRecord,
  toRecord,
} from './render-job.records'
import { insertJobRows, jobRow } from './render-job.rows'

export * from './render-job.records'

/** How an attempt ended, written with the job change it goes with. */
export interface AttemptEnd {
  outcome: AttemptOutcome
  error: RenderJobError | null
  endedAt?: string
}

/** Ends the pending attempt of `promptId` (a settled attempt keeps its outcome). */
async function endPending(
  db: Db | Transaction<DatabaseSchema>,
  fence: RawBuilder<SqlBool>,
  promptId: string,
  end: AttemptEnd,
): Promise<boolean> {
  const res = await db
    .updateTable('farmJobAttempts')
    .set({
      outcome: end.outcome,
      error: end.error === null ? null : JSON.stringify(end.error),
      endedAt: end.endedAt ?? isoNow(),
    })
    .where('promptId', '=', promptId)
    .where('outcome', '=', 'pending')
    .where(fence)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) > 0
}

const ACTIVE: RenderJobState[] = ['assigned', 'running']
// Unfenced writes (the API's) keep the same query shape with a condition that always holds.
const UNFENCED = sql<SqlBool>`1 = 1`

/**
 * Repository for render jobs, attempts and outputs. With `fence`, the dispatch-side writes
 * (claim, markRunning, endAttempt, settle, requeue, setUnschedulable, failQueued, insertOutput)
 * happen only while the fence's lease is held, and report "nothing changed" otherwise.
 */
export function createRenderJobRepository(db: Db, opts: { fence?: FenceSource } = {}) {
  /** The condition of a dispatch-side write; null when this instance holds no lease (refused). */
  const held = (): RawBuilder<SqlBool> | null => {
    if (opts.fence === undefined) return UNFENCED
    const fence = opts.fence.current()
    return fence === null ? null : leaseHeld(opts.fence.engine, fence)
  }
  const epoch = (): number | null => opts.fence?.current()?.epoch ?? null
  return {
    ...renderJobReads(db),

    /** Inserts jobs in one transaction (a sweep is all or nothing). */
    async insertMany(jobs: NewRenderJob[]): Promise<RenderJobRecord[]> {
      const now = isoNow()
      const rows = jobs.map((j) => jobRow(j, now))
      await db.transaction().execute(async (trx) => insertJobRows(trx, rows))
      return rows.map(toRecord)
    },

    /**
     * Claims a queued job for a backend and records the attempt, atomically. Returns the
     * attempt number, or null when the job is no longer queued (canceled meanwhile).
     */
    async claim(input: {
      jobId: string
      backendId: string
      backendName: string
      promptId: string
    }): Promise<number | null> {
      const now = isoNow()
      const fence = held()
      const leaderEpoch = epoch()
      if (fence === null) return null
      return db.transaction().execute(async (trx) => {
        // The fenced UPDATE comes first: on Postgres its lease row lock lasts until commit.
        const res = await trx
          .updateTable('farmRenderJobs')
          .set((eb) => ({
            state: 'assigned',
            backendId: input.backendId,
            promptId: input.promptId,
            attemptCount: eb('attemptCount', '+', 1),
            progress: 0,
            unschedulableReason: null,
            updatedAt: now,
          }))
          .where('id', '=', input.jobId)
          .where('state', '=', 'queued')
          .where(fence)
          .executeTakeFirst()
        if (Number(res.numUpdatedRows) === 0) return null
        const job = await trx
          .selectFrom('farmRenderJobs')
          .select('attemptCount')
          .where('id', '=', input.jobId)
          .executeTakeFirstOrThrow()
        await trx
          .insertInto('farmJobAttempts')
          .values({
            id: newId(),
            jobId: input.jobId,
            number: job.attemptCount,
            backendId: input.backendId,
            backendName: input.backendName,
            promptId: input.promptId,
            outcome: 'pending',
            error: null,
            submittedAt: now,
            startedAt: null,
            endedAt: null,
            leaderEpoch,
          })
          .execute()
        return job.attemptCount
      })
    },

    /** assigned → running for the attempt `promptId`. */
    async markRunning(jobId: string, promptId: string, at: string = isoNow()): Promise<boolean> {
      const now = at
      const fence = held()
      if (fence === null) return false
      const res = await db
        .updateTable('farmRenderJobs')
        .set({ state: 'running', startedAt: now, updatedAt: now })
        .where('id', '=', jobId)
        .where('promptId', '=', promptId)
        .where('state', '=', 'assigned')
        .where(fence)
        .executeTakeFirst()
      await db
        .updateTable('farmJobAttempts')
        .set({ startedAt: now })
        .where('promptId', '=', promptId)
        .where('startedAt', 'is', null)
        .where(fence)
        .execute()
      return Number(res.numUpdatedRows) > 0
    },

    /** Ends the attempt of `promptId` (only once: a settled attempt keeps its outcome); false when nothing changed. */
    async endAttempt(
      promptId: string,
      outcome: AttemptOutcome,
      error: RenderJobError | null,
      endedAt: string = isoNow(),
    ): Promise<boolean> {
      const fence = held()
      if (fence === null) return false
      return endPending(db, fence, promptId, { outcome, error, endedAt })
    },

    /**
     * Moves the current attempt's job to a final state; false when it moved on already. With
     * `attempt`, ends that attempt in the same transaction (a change of leader cannot split the
     * two), whether or not the job moved on.
     */
    async settle(
      jobId: string,
      promptId: string,
      state: 'succeeded' | 'failed',
      error: RenderJobError | null = null,
      attempt?: AttemptEnd,
    ): Promise<boolean> {
      const now = isoNow()
      const fence = held()
      if (fence === null) return false
      return db.transaction().execute(async (trx) => {
        const res = await trx
          .updateTable('farmRenderJobs')
          .set({
            state,
            error: error === null ? null : JSON.stringify(error),
            progress: state === 'succeeded' ? 1 : 0,
            finishedAt: now,
            updatedAt: now,
          })
          .where('id', '=', jobId)
          .where('promptId', '=', promptId)
          .where('state', 'in', ACTIVE)
          .where(fence)
          .executeTakeFirst()
        if (attempt) await endPending(trx, fence, promptId, attempt)
        return Number(res.numUpdatedRows) > 0
      })
    },

    /**
     * Puts the current attempt's job back in the queue (retry, failover); false when it moved on.
     * With `attempt`, ends that attempt in the same transaction whether or not the job moved on.
     */
    async requeue(
      jobId: string,
      promptId: string,
      opts: { nextAttemptAt: string | null; vramAboveGb?: number; error?: RenderJobError | null; attempt?: AttemptEnd },
    ): Promise<boolean> {
      const fence = held()
      if (fence === null) return false
      return db.transaction().execute(async (trx) => {
        if (opts.attempt) await endPending(trx, fence, promptId, opts.attempt)
        const res = await trx
          .updateTable('farmRenderJobs')
          .set({
            state: 'queued',
            backendId: null,
            promptId: null,
            progress: 0,
            nextAttemptAt: opts.nextAttemptAt,
            ...(opts.vramAboveGb === undefined ? {} : { vramAboveGb: opts.vramAboveGb }),
            ...(opts.error === undefined ? {} : { error: opts.error === null ? null : JSON.stringify(opts.error) }),
            updatedAt: isoNow(),
          })
          .where('id', '=', jobId)
          .where('promptId', '=', promptId)
          .where('state', 'in', ACTIVE)
          .where(fence)
          .executeTakeFirst()
        return Number(res.numUpdatedRows) > 0
      })
    },

    /** Cancels a job that has not finished; returns its state before, or null when nothing changed. */
    async cancel(jobId: string): Promise<RenderJobRecord | null> {
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('farmRenderJobs').selectAll().where('id', '=', jobId).executeTakeFirst()
        if (!row) return null
        const now = isoNow()
        const res = await trx
          .updateTable('farmRenderJobs')
          .set({ state: 'canceled', finishedAt: now, updatedAt: now })
          .where('id', '=', jobId)
          .where('state', '=', row.state)
          .where('state', 'in', ['queued', 'assigned', 'running', 'unschedulable'])
          .executeTakeFirst()
        return Number(res.numUpdatedRows) > 0 ? toRecord(row) : null
      })
    },

    async setPriority(jobId: string, priority: number): Promise<boolean> {
      const res = await db
        .updateTable('farmRenderJobs')
        .set({ priority, updatedAt: isoNow() })
        .where('id', '=', jobId)
        .where('state', 'in', ['queued', 'assigned', 'running', 'unschedulable'])
        .executeTakeFirst()
      return Number(res.numUpdatedRows) > 0
    },

    /** failed | canceled | unschedulable → queued, with a fresh attempt budget. */
    async retry(jobId: string): Promise<boolean> {
      const now = isoNow()
      const res = await db
        .updateTable('farmRenderJobs')
        .set({
          state: 'queued',
          attemptCount: 0,
          error: null,
          unschedulableReason: null,
          vramAboveGb: null,
          nextAttemptAt: null,
          backendId: null,
          promptId: null,
          progress: 0,
          queuedAt: now,
          startedAt: null,
          finishedAt: null,
          updatedAt: now,
        })
        .where('id', '=', jobId)
        .where('state', 'in', ['failed', 'canceled', 'unschedulable'])
        .executeTakeFirst()
      return Number(res.numUpdatedRows) > 0
    },

    /** queued ⇄ unschedulable as backends come and go; `reason` null moves it back to queued. */
    async setUnschedulable(jobId: string, reason: string | null): Promise<boolean> {
      const fence = held()
      if (fence === null) return false
      const res = await db
        .updateTable('farmRenderJobs')
        .set({ state: reason === null ? 'queued' : 'unschedulable', unschedulableReason: reason, updatedAt: isoNow() })
        .where('id', '=', jobId)
        .where('state', '=', reason === null ? 'unschedulable' : 'queued')
        .where(fence)
        .executeTakeFirst()
      return Number(res.numUpdatedRows) > 0
    },

    /** Fails a queued job outright (e.g. no attempts left after a rejected submit). */
    async failQueued(jobId: string, error: RenderJobError): Promise<boolean> {
      const now = isoNow()
      const fence = held()
      if (fence === null) return false
      const res = await db
        .updateTable('farmRenderJobs')
        .set({ state: 'failed', error: JSON.stringify(error), finishedAt: now, updatedAt: now })
        .where('id', '=', jobId)
        .where('state', '=', 'queued')
        .where(fence)
        .executeTakeFirst()
      return Number(res.numUpdatedRows) > 0
    },

    /** Records an output file once; false when this job already has it. */
    async insertOutput(input: Omit<OutputRecord, 'id' | 'createdAt'>): Promise<boolean> {
      const fence = held()
      if (fence === null) return false
      return db.transaction().execute(async (trx) => {
        // An INSERT has no WHERE: check the lease first, in the same transaction (and lock).
        const holds = await sql<{ held: number }>`select 1 as held where ${fence}`.execute(trx)
        if (holds.rows.length === 0) return false
        const res = await trx
          .insertInto('farmJobOutputs')
          .values({ ...input, id: newId(), createdAt: isoNow() })
          .onConflict((oc) => oc.columns(['jobId', 'nodeId', 'filename']).doNothing())
          .executeTakeFirst()
        return Number(res.numInsertedOrUpdatedRows ?? 0) > 0
      })
    },
  }
}
export type RenderJobRepository = ReturnType<typeof createRenderJobRepository>
