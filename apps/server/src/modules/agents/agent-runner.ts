// Runs agent steps inside a run: each step gets an envelope in the database (input, output,
// status, usage, cost, error, parent). A step already completed in this run is not run again
// — its stored output is reused — which is what makes "retry the failed step" a re-run of
// the run's job: everything before the failure is skipped, the failed step runs again.
import type { AgentRunRepository, AgentStepRecord, AgentStepRepository } from '@aipipeline/db'
import type { AgentEventSink } from './agent-events'
import {
  type AgentStepDefinition,
  createAskObject,
  emptyUsage,
  StepFailed,
  type StepUsage,
  toAgentError,
} from './agent-step'
import type { LanguageModelPort } from './language-model.port'

export interface RunScope {
  runId: string
  projectId: string
  jobId: string | null
  signal: AbortSignal
  /** Reports run progress (percent 0..100) to the job and the realtime rooms. */
  progress(percent: number, message: string): Promise<void>
}

export interface AgentRunnerDeps {
  runs: AgentRunRepository
  steps: AgentStepRepository
  llm: LanguageModelPort
  events: AgentEventSink
  now: () => string
  newId: () => string
}

export interface StepOptions {
  /** Stable within the run; the retry and reuse key. */
  key: string
  parentId?: string | null
}

export interface AgentRunner {
  /** Runs (or reuses) one step; throws StepFailed after recording the failure. */
  step<I, O>(
    scope: RunScope,
    def: AgentStepDefinition<I, O>,
    input: I,
    opts: StepOptions,
  ): Promise<{ output: O; stepId: string }>
}

function priorUsage(record: AgentStepRecord): StepUsage {
  // A retried step keeps the cost of its failed attempts: the money was spent.
  return record.attempt > 1 ? { ...record.usage, costMicros: record.costMicros } : emptyUsage()
}

/** Creates the runner. */
export function createAgentRunner(deps: AgentRunnerDeps): AgentRunner {
  async function reuse<I, O>(runId: string, key: string, def: AgentStepDefinition<I, O>) {
    const existing = await deps.steps.byKey(runId, key)
    if (existing?.status !== 'completed') return undefined
    const parsed = def.output.safeParse(existing.output)
    // An output stored by an older version of the step no longer parses: run it again.
    return parsed.success ? { output: parsed.data, stepId: existing.id } : undefined
  }

  return {
    async step(scope, def, input, opts) {
      const reused = await reuse(scope.runId, opts.key, def)
      if (reused !== undefined) return reused
      const checkedInput = def.input.parse(input)
      const record = await deps.steps.start({
        id: deps.newId(),
        runId: scope.runId,
        parentId: opts.parentId ?? null,
        key: opts.key,
        agent: def.agent,
        input: checkedInput,
        at: deps.now(),
      })
      deps.events.step(scope, record)
      const usage = priorUsage(record)
      try {
        const ctx = {
          runId: scope.runId,
          projectId: scope.projectId,
          jobId: scope.jobId,
          stepId: record.id,
          signal: scope.signal,
          askObject: createAskObject(deps.llm, usage, scope),
        }
        const output = def.output.parse(await def.run(ctx, checkedInput))
        const at = deps.now()
        const finish = { usage: stepUsage(usage), costMicros: usage.costMicros, at }
        await deps.steps.complete(record.id, output, finish)
        deps.events.step(scope, {
          ...record,
          status: 'completed',
          output,
          usage: finish.usage,
          costMicros: usage.costMicros,
          finishedAt: at,
        })
        return { output, stepId: record.id }
      } catch (err) {
        const error = toAgentError(err)
        const at = deps.now()
        const finish = { usage: stepUsage(usage), costMicros: usage.costMicros, at }
        await deps.steps.fail(record.id, error, finish)
        deps.events.step(scope, {
          ...record,
          status: 'failed',
          error,
          usage: finish.usage,
          costMicros: usage.costMicros,
          finishedAt: at,
        })
        throw new StepFailed(opts.key, error)
      }
    },
  }
}

function stepUsage(usage: StepUsage) {
  return {
    model: usage.model,
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    calls: usage.calls,
    repairs: usage.repairs,
  }
}
