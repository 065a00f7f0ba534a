// Farm and LLM history for dashboard tests and benchmarks: finished render jobs with their
// attempts and LLM usage rows, written straight to the tables (the farm and the router would
// need GPUs and providers to produce them).
import { type Db, newId } from '@aipipeline/db'

export interface RenderRun {
  shotId: string
  taskId?: string | null
  backendName: string
  /** ISO timestamps. */
  queuedAt: string
  startedAt: string | null
  endedAt: string | null
  /** Outcome of the attempt; the job's state follows (failed or succeeded). */
  outcome: 'succeeded' | 'failed' | 'out-of-memory' | 'lost'
}

/** Inserts one render job with one attempt per run (in chunks, for big seeds). */
export async function insertRenderRuns(db: Db, runs: readonly RenderRun[]): Promise<void> {
  for (let i = 0; i < runs.length; i += 500) {
    const chunk = runs.slice(i, i + 500).map((r) => ({ ...r, id: newId(), promptId: newId() }))
    await db
      .insertInto('farmRenderJobs')
      .values(
        chunk.map((r) => ({
          id: r.id,
          name: 'dashboard history',
          state: r.outcome === 'succeeded' ? 'succeeded' : 'failed',
          priority: 50,
          prompt: '{}',
          parameters: '{}',
          requirements: '{}',
          primaryModel: null,
          cost: 1,
          templateId: null,
          templateRevision: null,
          inputVersions: '[]',
          inputFiles: '[]',
          groupId: null,
          shotId: r.shotId,
          taskId: r.taskId ?? null,
          submittedBy: null,
          backendId: null,
          promptId: r.promptId,
          attemptCount: 1,
          maxAttempts: 1,
          nextAttemptAt: null,
          vramAboveGb: null,
          unschedulableReason: null,
          error: null,
          progress: 1,
          queuedAt: r.queuedAt,
          startedAt: r.startedAt,
          finishedAt: r.endedAt,
          createdAt: r.queuedAt,
          updatedAt: r.endedAt ?? r.queuedAt,
        })),
      )
      .execute()
    await db
      .insertInto('farmJobAttempts')
      .values(
        chunk.map((r) => ({
          id: newId(),
          jobId: r.id,
          number: 1,
          backendId: `backend-${r.backendName}`,
          backendName: r.backendName,
          promptId: r.promptId,
          outcome: r.outcome,
          error: null,
          submittedAt: r.queuedAt,
          startedAt: r.startedAt,
          endedAt: r.endedAt,
          leaderEpoch: null,
        })),
      )
      .execute()
  }
}

export interface LlmCall {
  projectId: string
  at: string
  provider?: string
  modelId?: string
  inputTokens?: number
  outputTokens?: number
  costMicros: number
}

/** Inserts LLM usage rows (one successful attempt per call). */
export async function insertLlmCalls(db: Db, calls: readonly LlmCall[]): Promise<void> {
  for (let i = 0; i < calls.length; i += 500) {
    await db
      .insertInto('llmUsage')
      .values(
        calls.slice(i, i + 500).map((c) => ({
          id: newId(),
          at: c.at,
          callId: newId(),
          attempt: 1,
          deploymentId: 'dashboard-deployment',
          provider: c.provider ?? 'openai',
          modelId: c.modelId ?? 'gpt-test',
          taskClass: 'analysis',
          inputTokens: c.inputTokens ?? 100,
          outputTokens: c.outputTokens ?? 50,
          costMicros: c.costMicros,
          latencyMs: 10,
          outcome: 'success',
          projectId: c.projectId,
          jobId: null,
          error: null,
        })),
      )
      .execute()
  }
}
