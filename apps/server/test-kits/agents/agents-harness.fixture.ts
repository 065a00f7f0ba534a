// Builds the agents service on a test database with a scripted model, an in-memory
// production port, recorded events and a recorded queue; `runJob` plays the job handler.
import { createAgentRunRepository, createAgentStepRepository, type Db, newId } from '@aipipeline/db'
import type { JobContext, JobQueue, JobRecord } from '../../src/jobs'
import { createRecordingEventSink } from '../../src/modules/agents/agent-events'
import { createAgentsService } from '../../src/modules/agents/agents.service'
import type { LanguageModelPort } from '../../src/modules/agents/language-model.port'
import { createInMemoryProduction } from './in-memory-production.fixture'

export const MANAGER = { userId: 'user-manager', role: 'manager' as const }

/** A JobContext for running one job directly. */
export function jobContext<T>(data: T, id = `job-${newId()}`): JobContext<T> & { progress: number[] } {
  const progress: number[] = []
  return {
    id,
    name: 'agents.run',
    data,
    attempt: 1,
    signal: new AbortController().signal,
    progress,
    async updateProgress(percent) {
      progress.push(percent)
    },
  }
}

/** The service under test with its fakes. */
export function createAgentsHarness(db: Db, llm: LanguageModelPort, projectIds: string[] = ['p1']) {
  const production = createInMemoryProduction(projectIds)
  const events = createRecordingEventSink()
  const enqueued: { name: string; data: unknown; id: string }[] = []
  const queue: Pick<JobQueue, 'enqueue'> = {
    async enqueue(name, data) {
      const id = `job-${newId()}`
      enqueued.push({ name, data, id })
      const record: JobRecord = {
        id,
        name,
        data,
        state: 'queued',
        priority: 0,
        attemptsMade: 0,
        maxAttempts: 1,
        progress: 0,
        progressMessage: null,
        result: null,
        error: null,
        createdAt: new Date().toISOString(),
        startedAt: null,
        finishedAt: null,
      }
      return record
    },
  }
  const service = createAgentsService({
    runs: createAgentRunRepository(db),
    steps: createAgentStepRepository(db),
    llm,
    production,
    queue,
    events,
    now: () => new Date().toISOString(),
    newId: () => newId(),
  })
  return {
    service,
    production,
    events,
    enqueued,
    /** Runs the latest job enqueued for a run, as the worker would; returns the error it failed with, if any. */
    async runJob(runId: string): Promise<Error | undefined> {
      const job = enqueued.filter((e) => JSON.stringify(e.data) === JSON.stringify({ runId })).at(-1)
      if (job === undefined) throw new Error(`no job enqueued for run ${runId}`)
      try {
        await service.execute(jobContext({ runId }, job.id))
        return undefined
      } catch (err) {
        return err instanceof Error ? err : new Error(String(err))
      }
    },
  }
}
