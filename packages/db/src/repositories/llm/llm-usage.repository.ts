// The usage ledger: one row per provider attempt. Aggregates feed the spend charts and the
// budget checks; day buckets are the first 10 characters of the ISO timestamp (UTC date),
// which both engines compute with substr.
import { sql } from 'kysely'
import { z } from 'zod'
import type { Db } from '../../dialect/dialect-factory'
import { newId } from '../../ids'
import type { LlmUsageTable } from '../../tables/llm.tables'

const Count = z.coerce.number().int().nonnegative()

export type LlmUsageRecord = LlmUsageTable
export type LlmUsageInput = Omit<LlmUsageTable, 'id'>

export interface LlmUsageFilter {
  projectId?: string
  /** Only usage of these projects (the caller's); undefined = all usage, studio-wide calls too. */
  projectIds?: readonly string[]
  deploymentId?: string
  /** Inclusive lower bound, ISO text. */
  from?: string
  /** Exclusive upper bound, ISO text. */
  to?: string
}

export type LlmUsageGroup = 'day' | 'model' | 'project' | 'deployment'

export interface LlmUsageBucket {
  key: string
  calls: number
  failures: number
  inputTokens: number
  outputTokens: number
  costMicros: number
}

const Bucket = z.object({
  key: z.string().nullable(),
  calls: Count,
  failures: Count,
  inputTokens: Count.nullable(),
  outputTokens: Count.nullable(),
  costMicros: Count.nullable(),
})

/** Repository for `llm_usage`. */
export function createLlmUsageRepository(db: Db) {
  function filtered(filter: LlmUsageFilter) {
    let query = db.selectFrom('llmUsage')
    if (filter.projectId !== undefined) query = query.where('projectId', '=', filter.projectId)
    if (filter.projectIds !== undefined) {
      // An empty list matches nothing; `in ()` is not valid SQL.
      query = query.where('projectId', 'in', filter.projectIds.length > 0 ? [...filter.projectIds] : [''])
    }
    if (filter.deploymentId !== undefined) query = query.where('deploymentId', '=', filter.deploymentId)
    if (filter.from !== undefined) query = query.where('at', '>=', filter.from)
    if (filter.to !== undefined) query = query.where('at', '<', filter.to)
    return query
  }

  return {
    async insert(input: LlmUsageInput): Promise<LlmUsageRecord> {
      const row = { ...input, id: newId() }
      await db.insertInto('llmUsage').values(row).execute()
      return row
    },

    /** Newest first. */
    async list(filter: LlmUsageFilter & { limit: number }): Promise<LlmUsageRecord[]> {
      const rows = await filtered(filter).selectAll().orderBy('at', 'desc').limit(filter.limit).execute()
      return rows.map((r) => ({ ...r, costMicros: Count.parse(r.costMicros) }))
    },

    /** Total cost in micro-dollars over the filter. */
    async spend(filter: LlmUsageFilter): Promise<number> {
      const row = await filtered(filter)
        .select((eb) => eb.fn.sum<string | number | null>('costMicros').as('total'))
        .executeTakeFirst()
      return row?.total == null ? 0 : Count.parse(row.total)
    },

    /** Calls, tokens and cost grouped by day, model, project or deployment. */
    async aggregate(filter: LlmUsageFilter, group: LlmUsageGroup): Promise<LlmUsageBucket[]> {
      const keyExpr =
        group === 'day'
          ? sql<string>`substr(at, 1, 10)`
          : group === 'model'
            ? sql<string>`model_id`
            : group === 'project'
              ? sql<string>`coalesce(project_id, '')`
              : sql<string>`deployment_id`
      const rows = await filtered(filter)
        .select((eb) => [
          keyExpr.as('key'),
          eb.fn.countAll<string | number>().as('calls'),
          eb.fn.sum<string | number>(sql`case when outcome = 'ok' then 0 else 1 end`).as('failures'),
          eb.fn.sum<string | number | null>('inputTokens').as('inputTokens'),
          eb.fn.sum<string | number | null>('outputTokens').as('outputTokens'),
          eb.fn.sum<string | number | null>('costMicros').as('costMicros'),
        ])
        .groupBy(keyExpr)
        .orderBy(keyExpr)
        .execute()
      return rows.map((raw) => {
        const r = Bucket.parse(raw)
        return {
          key: r.key ?? '',
          calls: r.calls,
          failures: r.failures,
          inputTokens: r.inputTokens ?? 0,
          outputTokens: r.outputTokens ?? 0,
          costMicros: r.costMicros ?? 0,
        }
      })
    },
  }
}
export type LlmUsageRepository = ReturnType<typeof createLlmUsageRepository>
