// Reads of render jobs, their attempts and outputs: never fenced (any instance may read), shared
// by the API's repository and the dispatcher's fenced one.
import type { RenderJobState } from '@aipipeline/domain'
import type { Db } from '../dialect/dialect-factory'
import {
  type AttemptRecord,
  type OutputRecord,
  type OutputWithVersion,
  type RenderJobFilter,
  type RenderJobRecord,
  toAttempt,
  toRecord,
} from './render-job.records'

export function renderJobReads(db: Db) {
  return {
    async get(id: string): Promise<RenderJobRecord | null> {
      const row = await db.selectFrom('farmRenderJobs').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? toRecord(row) : null
    },

    /** Jobs matching the filter, highest priority first, then oldest. */
    async list(f: RenderJobFilter): Promise<RenderJobRecord[]> {
      let q = db.selectFrom('farmRenderJobs').selectAll()
      if (f.states && f.states.length > 0) q = q.where('state', 'in', f.states)
      if (f.groupId !== undefined) q = q.where('groupId', '=', f.groupId)
      if (f.minPriority !== undefined) q = q.where('priority', '>=', f.minPriority)
      if (f.maxPriority !== undefined) q = q.where('priority', '<=', f.maxPriority)
      const userId = f.visibleTo
      if (userId !== undefined) {
        q = q.where((eb) =>
          eb.or([
            eb.and([eb('shotId', 'is', null), eb('taskId', 'is', null)]),
            eb.exists(
              eb
                .selectFrom('shots')
                .innerJoin('projectMembers as m', 'm.projectId', 'shots.projectId')
                .select('shots.id')
                .whereRef('shots.id', '=', 'farmRenderJobs.shotId')
                .where('m.userId', '=', userId),
            ),
            eb.exists(
              eb
                .selectFrom('tasks')
                .innerJoin('projectMembers as m', 'm.projectId', 'tasks.projectId')
                .select('tasks.id')
                .whereRef('tasks.id', '=', 'farmRenderJobs.taskId')
                .where('m.userId', '=', userId),
            ),
          ]),
        )
      }
      const rows = await q
        .orderBy('priority', 'desc')
        .orderBy('queuedAt')
        .orderBy('id')
        .limit(f.limit)
        .offset(f.offset)
        .execute()
      return rows.map(toRecord)
    },

    /** Jobs in any of `states` (the dispatcher's view of queued / active work). */
    async inStates(states: RenderJobState[]): Promise<RenderJobRecord[]> {
      const rows = await db.selectFrom('farmRenderJobs').selectAll().where('state', 'in', states).execute()
      return rows.map(toRecord)
    },

    /** Light rows of queued jobs: what changes between dispatcher ticks. */
    async queuedHeads(): Promise<
      Array<{
        id: string
        priority: number
        queuedAt: string
        nextAttemptAt: string | null
        vramAboveGb: number | null
      }>
    > {
      const rows = await db
        .selectFrom('farmRenderJobs')
        .select(['id', 'priority', 'queuedAt', 'nextAttemptAt', 'vramAboveGb'])
        .where('state', '=', 'queued')
        .execute()
      return rows.map((r) => ({ ...r, vramAboveGb: r.vramAboveGb === null ? null : Number(r.vramAboveGb) }))
    },

    async countByState(): Promise<Array<{ state: string; priority: number; count: number }>> {
      const rows = await db
        .selectFrom('farmRenderJobs')
        .select(['state', 'priority', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy(['state', 'priority'])
        .execute()
      return rows.map((r) => ({ state: r.state, priority: r.priority, count: Number(r.count) }))
    },

    async attempts(jobId: string): Promise<AttemptRecord[]> {
      const rows = await db
        .selectFrom('farmJobAttempts')
        .selectAll()
        .where('jobId', '=', jobId)
        .orderBy('number')
        .execute()
      return rows.map(toAttempt)
    },

    async attemptByPrompt(promptId: string): Promise<AttemptRecord | null> {
      const row = await db.selectFrom('farmJobAttempts').selectAll().where('promptId', '=', promptId).executeTakeFirst()
      return row ? toAttempt(row) : null
    },

    async outputs(jobId: string): Promise<OutputRecord[]> {
      return db.selectFrom('farmJobOutputs').selectAll().where('jobId', '=', jobId).orderBy('nodeId').execute()
    },

    /** A job's outputs in the order they were downloaded, each with the version it became. */
    async outputsWithVersions(jobId: string): Promise<OutputWithVersion[]> {
      const rows = await db
        .selectFrom('farmJobOutputs as o')
        .leftJoin('versions as v', (j) =>
          j.onRef('v.renderJobId', '=', 'o.jobId').onRef('v.renderOutputId', '=', 'o.id'),
        )
        .selectAll('o')
        .select('v.id as versionId')
        .where('o.jobId', '=', jobId)
        .orderBy('o.id')
        .execute()
      return rows.map((r) => ({ ...r, versionId: r.versionId ?? null }))
    },

    /**
     * Succeeded jobs for a task that still exists with an output that has no version yet (ingest to
     * finish), oldest first.
     */
    async succeededWithoutVersions(limit = 1000): Promise<string[]> {
      const rows = await db
        .selectFrom('farmRenderJobs as j')
        .select('j.id')
        .where('j.state', '=', 'succeeded')
        .where('j.taskId', 'is not', null)
        .where((eb) => eb.exists(eb.selectFrom('tasks as t').select('t.id').whereRef('t.id', '=', 'j.taskId')))
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('farmJobOutputs as o')
              .select('o.id')
              .whereRef('o.jobId', '=', 'j.id')
              .where((inner) =>
                inner.not(
                  inner.exists(
                    inner
                      .selectFrom('versions as v')
                      .select('v.id')
                      .whereRef('v.renderJobId', '=', 'o.jobId')
                      .whereRef('v.renderOutputId', '=', 'o.id'),
                  ),
                ),
              ),
          ),
        )
        .orderBy('j.finishedAt')
        .limit(limit)
        .execute()
      return rows.map((r) => r.id)
    },
  }
}
