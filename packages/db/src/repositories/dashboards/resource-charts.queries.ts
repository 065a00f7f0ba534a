// Set-based queries of the dashboards' resource charts: render farm use (from the farm's jobs
// and attempts, reached through the jobs' shots) and LLM spend (from the usage ledger), per
// project and across the studio. One row per bar; the same query on both engines.
import { sql } from 'kysely'
import type { Engine } from '../../dialect/database-url'
import type { Db } from '../../dialect/dialect-factory'
import { secondsBetween } from '../../dialect/interval-sql'
import { type ChartFilter, isoDay, num, timeBounds } from './dashboard-filter'

/** Attempt outcomes that count as a failure of the backend or the workflow. */
const FAILED_OUTCOMES = ['failed', 'rejected', 'out-of-memory', 'lost']

export interface BackendUseRow {
  backendName: string
  attempts: number
  failures: number
  gpuSeconds: number
}

export interface JobTotalsRow {
  total: number
  succeeded: number
  failed: number
  queued: number
  queueWaitSeconds: number | null
}

export interface LlmDayRow {
  day: string
  costMicros: number
  calls: number
}

export interface LlmModelRow {
  provider: string
  modelId: string
  costMicros: number
  inputTokens: number
  outputTokens: number
  calls: number
}

export function createResourceChartQueries(handle: { db: Db; engine: Engine }) {
  const { db, engine } = handle

  /** Render jobs `j` on shots `s` of the project, in the filter (submitted within the range). */
  function projectJobs(projectId: string, f: ChartFilter) {
    const { from, before } = timeBounds(f)
    return db
      .selectFrom('farmRenderJobs as j')
      .innerJoin('shots as s', 's.id', 'j.shotId')
      .where('s.projectId', '=', projectId)
      .$if(f.sequenceIds.length > 0, (q) => q.where('s.sequenceId', 'in', [...f.sequenceIds]))
      .$if(f.taskTypeIds.length > 0, (q) =>
        q.where('j.taskId', 'in', (eb) =>
          eb
            .selectFrom('tasks')
            .select('tasks.id')
            .where('tasks.taskTypeId', 'in', [...f.taskTypeIds]),
        ),
      )
      .$if(from !== undefined, (q) => q.where('j.queuedAt', '>=', from ?? ''))
      .$if(before !== undefined, (q) => q.where('j.queuedAt', '<', before ?? ''))
  }

  const gpuSeconds = secondsBetween(engine, sql.ref('fa.startedAt'), sql.ref('fa.endedAt'))
  const failure = sql<number>`case when ${sql.ref('fa.outcome')} in (${sql.join(FAILED_OUTCOMES)}) then 1 else 0 end`

  return {
    /** Attempts, failures and GPU time per backend, of the project's jobs. */
    async backendUse(projectId: string, f: ChartFilter): Promise<BackendUseRow[]> {
      const rows = await projectJobs(projectId, f)
        .innerJoin('farmJobAttempts as fa', 'fa.jobId', 'j.id')
        .select([
          'fa.backendName as backendName',
          (eb) => eb.fn.countAll().as('attempts'),
          (eb) => eb.fn.sum(failure).as('failures'),
          (eb) => eb.fn.sum(gpuSeconds).as('gpuSeconds'),
        ])
        .groupBy('fa.backendName')
        .execute()
      return rows.map((r) => ({
        backendName: r.backendName,
        attempts: num(r.attempts),
        failures: num(r.failures),
        gpuSeconds: num(r.gpuSeconds),
      }))
    },

    /** The project's jobs by outcome, and their average wait from queued to started. */
    async jobTotals(projectId: string, f: ChartFilter): Promise<JobTotalsRow> {
      const wait = secondsBetween(engine, sql.ref('j.queuedAt'), sql.ref('j.startedAt'))
      const row = await projectJobs(projectId, f)
        .select([
          (eb) => eb.fn.countAll().as('total'),
          (eb) => eb.fn.sum(sql<number>`case when j.state = 'succeeded' then 1 else 0 end`).as('succeeded'),
          (eb) => eb.fn.sum(sql<number>`case when j.state = 'failed' then 1 else 0 end`).as('failed'),
          (eb) => eb.fn.sum(sql<number>`case when j.state = 'queued' then 1 else 0 end`).as('queued'),
          (eb) => eb.fn.avg(wait).as('queueWait'),
        ])
        .executeTakeFirst()
      return {
        total: num(row?.total),
        succeeded: num(row?.succeeded),
        failed: num(row?.failed),
        queued: num(row?.queued),
        queueWaitSeconds: row?.queueWait === null || row?.queueWait === undefined ? null : num(row.queueWait),
      }
    },

    /** Shots whose render jobs ran an attempt on the backend. */
    async shotsOnBackend(projectId: string, f: ChartFilter, backendName: string | undefined): Promise<string[]> {
      const rows = await projectJobs(projectId, f)
        .innerJoin('farmJobAttempts as fa', 'fa.jobId', 'j.id')
        .select('s.id as shotId')
        .distinct()
        .$if(backendName !== undefined, (q) => q.where('fa.backendName', '=', backendName ?? ''))
        .execute()
      return rows.map((r) => r.shotId)
    },

    /** LLM cost and calls per day for the project, within the range. */
    async llmByDay(projectId: string, f: Pick<ChartFilter, 'from' | 'to'>): Promise<LlmDayRow[]> {
      const rows = await llmUsage(projectId, f)
        .select([
          isoDay('u.at').as('day'),
          (eb) => eb.fn.sum('u.costMicros').as('cost'),
          (eb) => eb.fn.countAll().as('calls'),
        ])
        .groupBy(isoDay('u.at'))
        .orderBy(isoDay('u.at'))
        .execute()
      return rows.map((r) => ({ day: r.day, costMicros: num(r.cost), calls: num(r.calls) }))
    },

    /** LLM cost, tokens and calls per model for the project, within the range. */
    async llmByModel(projectId: string, f: Pick<ChartFilter, 'from' | 'to'>): Promise<LlmModelRow[]> {
      const rows = await llmUsage(projectId, f)
        .select([
          'u.provider as provider',
          'u.modelId as modelId',
          (eb) => eb.fn.sum('u.costMicros').as('cost'),
          (eb) => eb.fn.sum('u.inputTokens').as('input'),
          (eb) => eb.fn.sum('u.outputTokens').as('output'),
          (eb) => eb.fn.countAll().as('calls'),
        ])
        .groupBy(['u.provider', 'u.modelId'])
        .execute()
      return rows.map((r) => ({
        provider: r.provider,
        modelId: r.modelId,
        costMicros: num(r.cost),
        inputTokens: num(r.input),
        outputTokens: num(r.output),
        calls: num(r.calls),
      }))
    },

    /** GPU seconds per project (of the given projects), within the range. */
    async gpuSecondsByProject(projectIds: readonly string[], f: Pick<ChartFilter, 'from' | 'to'>) {
      if (projectIds.length === 0) return new Map<string, number>()
      const { from, before } = timeBounds(f)
      const rows = await db
        .selectFrom('farmJobAttempts as fa')
        .innerJoin('farmRenderJobs as j', 'j.id', 'fa.jobId')
        .innerJoin('shots as s', 's.id', 'j.shotId')
        .where('s.projectId', 'in', [...projectIds])
        .$if(from !== undefined, (q) => q.where('fa.submittedAt', '>=', from ?? ''))
        .$if(before !== undefined, (q) => q.where('fa.submittedAt', '<', before ?? ''))
        .select(['s.projectId as projectId', (eb) => eb.fn.sum(gpuSeconds).as('seconds')])
        .groupBy('s.projectId')
        .execute()
      return new Map(rows.map((r) => [r.projectId, num(r.seconds)]))
    },

    /** LLM spend per project (of the given projects), within the range. */
    async llmMicrosByProject(projectIds: readonly string[], f: Pick<ChartFilter, 'from' | 'to'>) {
      if (projectIds.length === 0) return new Map<string, number>()
      const { from, before } = timeBounds(f)
      const rows = await db
        .selectFrom('llmUsage as u')
        .where('u.projectId', 'in', [...projectIds])
        .$if(from !== undefined, (q) => q.where('u.at', '>=', from ?? ''))
        .$if(before !== undefined, (q) => q.where('u.at', '<', before ?? ''))
        .select(['u.projectId as projectId', (eb) => eb.fn.sum('u.costMicros').as('cost')])
        .groupBy('u.projectId')
        .execute()
      return new Map(rows.map((r) => [r.projectId ?? '', num(r.cost)]))
    },
  }

  function llmUsage(projectId: string, f: Pick<ChartFilter, 'from' | 'to'>) {
    const { from, before } = timeBounds(f)
    return db
      .selectFrom('llmUsage as u')
      .where('u.projectId', '=', projectId)
      .$if(from !== undefined, (q) => q.where('u.at', '>=', from ?? ''))
      .$if(before !== undefined, (q) => q.where('u.at', '<', before ?? ''))
  }
}
export type ResourceChartQueries = ReturnType<typeof createResourceChartQueries>
