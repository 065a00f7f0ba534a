// Agent runs. Status changes that race (a retry while a worker still runs, two reviewers
// deciding at once) are single guarded UPDATEs, atomic on both engines.
import { z } from 'zod'
import type { Db } from '../../dialect/dialect-factory'
import type { AgentRunsTable } from '../../tables/agents.tables'

export const AgentRunStatusSchema = z.enum(['queued', 'running', 'completed', 'failed', 'canceled'])
export type AgentRunState = z.infer<typeof AgentRunStatusSchema>
export const AgentDecisionSchema = z.enum(['applied', 'accepted', 'rejected'])
export type AgentDecision = z.infer<typeof AgentDecisionSchema>

export interface AgentRunRecord {
  id: string
  projectId: string
  pipeline: string
  status: AgentRunState
  label: string
  input: unknown
  output: unknown
  jobId: string | null
  createdBy: string
  progress: number
  progressMessage: string | null
  /** Parsed JSON of the stored error, checked by the caller. */
  error: unknown
  decision: AgentDecision | null
  decidedBy: string | null
  decidedAt: string | null
  createdAt: string
  updatedAt: string
  finishedAt: string | null
}

export interface NewAgentRun {
  id: string
  projectId: string
  pipeline: string
  label: string
  input: unknown
  createdBy: string
  createdAt: string
}

export interface AgentRunPatch {
  status?: AgentRunState
  output?: unknown
  jobId?: string | null
  progress?: number
  progressMessage?: string | null
  error?: unknown
  finishedAt?: string | null
}

export interface AgentRunFilter {
  projectId?: string | undefined
  /** Only runs of these projects (the caller's); undefined = any project. */
  projectIds?: readonly string[] | undefined
  pipeline?: string | undefined
  status?: AgentRunState | undefined
  limit?: number | undefined
}

function json(text: string | null): unknown {
  return text === null ? null : JSON.parse(text)
}

function toRecord(row: AgentRunsTable): AgentRunRecord {
  return {
    ...row,
    status: AgentRunStatusSchema.parse(row.status),
    input: json(row.input),
    output: json(row.output),
    error: json(row.error),
    progress: Number(row.progress),
    decision: row.decision === null ? null : AgentDecisionSchema.parse(row.decision),
  }
}

/** Repository for `agent_runs`. */
export function createAgentRunRepository(db: Db) {
  return {
    async insert(run: NewAgentRun): Promise<AgentRunRecord> {
      const row: AgentRunsTable = {
        ...run,
        input: JSON.stringify(run.input),
        status: 'queued',
        output: null,
        jobId: null,
        progress: 0,
        progressMessage: null,
        error: null,
        decision: null,
        decidedBy: null,
        decidedAt: null,
        updatedAt: run.createdAt,
        finishedAt: null,
      }
      await db.insertInto('agentRuns').values(row).execute()
      return toRecord(row)
    },

    async get(id: string): Promise<AgentRunRecord | undefined> {
      const row = await db.selectFrom('agentRuns').selectAll().where('id', '=', id).executeTakeFirst()
      return row === undefined ? undefined : toRecord(row)
    },

    /** The run a background job executes, if any. */
    async findByJobId(jobId: string): Promise<AgentRunRecord | undefined> {
      const row = await db.selectFrom('agentRuns').selectAll().where('jobId', '=', jobId).executeTakeFirst()
      return row === undefined ? undefined : toRecord(row)
    },

    /** Newest first; without the (large) input and output columns' content parsed lazily by callers. */
    async list(filter: AgentRunFilter = {}): Promise<AgentRunRecord[]> {
      let query = db.selectFrom('agentRuns').selectAll()
      if (filter.projectId !== undefined) query = query.where('projectId', '=', filter.projectId)
      if (filter.projectIds !== undefined) {
        if (filter.projectIds.length === 0) return []
        query = query.where('projectId', 'in', [...filter.projectIds])
      }
      if (filter.pipeline !== undefined) query = query.where('pipeline', '=', filter.pipeline)
      if (filter.status !== undefined) query = query.where('status', '=', filter.status)
      const rows = await query
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.limit ?? 50)
        .execute()
      return rows.map(toRecord)
    },

    async update(id: string, patch: AgentRunPatch, at: string): Promise<void> {
      const { output, error, ...plain } = patch
      await db
        .updateTable('agentRuns')
        .set({
          ...plain,
          ...(output !== undefined ? { output: output === null ? null : JSON.stringify(output) } : {}),
          ...(error !== undefined ? { error: error === null ? null : JSON.stringify(error) } : {}),
          updatedAt: at,
        })
        .where('id', '=', id)
        .execute()
    },

    /** Queues a finished run again (retry); false when it is queued or running already. */
    async requeue(id: string, at: string): Promise<boolean> {
      const result = await db
        .updateTable('agentRuns')
        .set({ status: 'queued', error: null, finishedAt: null, progressMessage: 'retry queued', updatedAt: at })
        .where('id', '=', id)
        .where('status', 'in', ['failed', 'canceled', 'completed'])
        .where('decision', 'is', null)
        .executeTakeFirst()
      return Number(result.numUpdatedRows) === 1
    },

    /** Records the review decision once; false when the run was already decided or is not completed. */
    async decide(id: string, decision: AgentDecision, by: string, at: string): Promise<boolean> {
      const result = await db
        .updateTable('agentRuns')
        .set({ decision, decidedBy: by, decidedAt: at, updatedAt: at })
        .where('id', '=', id)
        .where('status', '=', 'completed')
        .where('decision', 'is', null)
        .executeTakeFirst()
      return Number(result.numUpdatedRows) === 1
    },

    /** Takes back a decision whose effect failed to apply, so the user can try again. */
    async undoDecision(id: string, at: string): Promise<void> {
      await db
        .updateTable('agentRuns')
        .set({ decision: null, decidedBy: null, decidedAt: null, updatedAt: at })
        .where('id', '=', id)
        .execute()
    },
  }
}

export type AgentRunRepository = ReturnType<typeof createAgentRunRepository>
