// Step envelopes of agent runs. A step is keyed within its run: starting a key again (a
// retry) reuses the row with the attempt counted up, so the run keeps one envelope per step.
import { sql } from 'kysely'
import { z } from 'zod'
import type { Db } from '../../dialect/dialect-factory'
import type { AgentStepsTable } from '../../tables/agents.tables'

export const AgentStepStateSchema = z.enum(['running', 'completed', 'failed'])
export type AgentStepState = z.infer<typeof AgentStepStateSchema>

const Count = z.coerce.number().int().nonnegative()

export const AgentStepUsageSchema = z.object({
  model: z.string().nullable(),
  inputTokens: Count,
  outputTokens: Count,
  calls: Count,
  repairs: Count,
})
export type AgentStepUsage = z.infer<typeof AgentStepUsageSchema>

export const EMPTY_STEP_USAGE: AgentStepUsage = { model: null, inputTokens: 0, outputTokens: 0, calls: 0, repairs: 0 }

export interface AgentStepRecord {
  id: string
  runId: string
  parentId: string | null
  key: string
  agent: string
  status: AgentStepState
  attempt: number
  input: unknown
  output: unknown
  usage: AgentStepUsage
  costMicros: number
  /** Parsed JSON of the stored error, checked by the caller. */
  error: unknown
  position: number
  createdAt: string
  startedAt: string
  finishedAt: string | null
}

export interface StartAgentStep {
  id: string
  runId: string
  parentId: string | null
  key: string
  agent: string
  input: unknown
  at: string
}

export interface FinishAgentStep {
  usage: AgentStepUsage
  costMicros: number
  at: string
}

function json(text: string | null): unknown {
  return text === null ? null : JSON.parse(text)
}

function toRecord(row: AgentStepsTable): AgentStepRecord {
  return {
    ...row,
    status: AgentStepStateSchema.parse(row.status),
    input: json(row.input),
    output: json(row.output),
    error: json(row.error),
    usage: AgentStepUsageSchema.parse(json(row.usage)),
    costMicros: Count.parse(row.costMicros),
    attempt: Number(row.attempt),
    position: Number(row.position),
  }
}

/** Repository for `agent_steps`. */
export function createAgentStepRepository(db: Db) {
  async function byKey(runId: string, key: string): Promise<AgentStepRecord | undefined> {
    const row = await db
      .selectFrom('agentSteps')
      .selectAll()
      .where('runId', '=', runId)
      .where('key', '=', key)
      .executeTakeFirst()
    return row === undefined ? undefined : toRecord(row)
  }

  return {
    byKey,

    async get(id: string): Promise<AgentStepRecord | undefined> {
      const row = await db.selectFrom('agentSteps').selectAll().where('id', '=', id).executeTakeFirst()
      return row === undefined ? undefined : toRecord(row)
    },

    /** In the order steps first started. */
    async listForRun(runId: string): Promise<AgentStepRecord[]> {
      const rows = await db
        .selectFrom('agentSteps')
        .selectAll()
        .where('runId', '=', runId)
        .orderBy('position')
        .orderBy('id')
        .execute()
      return rows.map(toRecord)
    },

    /** Starts a step: a new envelope, or the existing one of that key with the attempt counted up. */
    async start(step: StartAgentStep): Promise<AgentStepRecord> {
      const input = JSON.stringify(step.input)
      const existing = await byKey(step.runId, step.key)
      if (existing !== undefined) {
        await db
          .updateTable('agentSteps')
          .set({
            status: 'running',
            attempt: sql<number>`attempt + 1`,
            input,
            output: null,
            error: null,
            startedAt: step.at,
            finishedAt: null,
          })
          .where('id', '=', existing.id)
          .execute()
        return {
          ...existing,
          status: 'running',
          attempt: existing.attempt + 1,
          input: step.input,
          output: null,
          error: null,
          startedAt: step.at,
          finishedAt: null,
        }
      }
      const position = await db
        .selectFrom('agentSteps')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('runId', '=', step.runId)
        .executeTakeFirstOrThrow()
      const row: AgentStepsTable = {
        id: step.id,
        runId: step.runId,
        parentId: step.parentId,
        key: step.key,
        agent: step.agent,
        status: 'running',
        attempt: 1,
        input,
        output: null,
        usage: JSON.stringify(EMPTY_STEP_USAGE),
        costMicros: 0,
        error: null,
        position: Count.parse(position.n),
        createdAt: step.at,
        startedAt: step.at,
        finishedAt: null,
      }
      await db.insertInto('agentSteps').values(row).execute()
      return toRecord(row)
    },

    async complete(id: string, output: unknown, finish: FinishAgentStep): Promise<void> {
      await db
        .updateTable('agentSteps')
        .set({
          status: 'completed',
          output: JSON.stringify(output ?? null),
          usage: JSON.stringify(finish.usage),
          costMicros: finish.costMicros,
          finishedAt: finish.at,
        })
        .where('id', '=', id)
        .execute()
    },

    async fail(id: string, error: unknown, finish: FinishAgentStep): Promise<void> {
      await db
        .updateTable('agentSteps')
        .set({
          status: 'failed',
          error: JSON.stringify(error),
          usage: JSON.stringify(finish.usage),
          costMicros: finish.costMicros,
          finishedAt: finish.at,
        })
        .where('id', '=', id)
        .execute()
    },

    /** Marks steps left running by a dead worker as failed, so a retry can take them again. */
    async failRunning(runId: string, error: unknown, at: string): Promise<void> {
      await db
        .updateTable('agentSteps')
        .set({ status: 'failed', error: JSON.stringify(error), finishedAt: at })
        .where('runId', '=', runId)
        .where('status', '=', 'running')
        .execute()
    },
  }
}

export type AgentStepRepository = ReturnType<typeof createAgentStepRepository>
