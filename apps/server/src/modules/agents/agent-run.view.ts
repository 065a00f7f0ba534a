// Database records → contract shapes for runs and step envelopes. Stored JSON (errors, run
// outputs) is parsed here, at the edge where it leaves the database.
import { AgentError, AgentPipeline, type AgentRunSummary, type AgentStep, type AgentUsage } from '@aipipeline/contracts'
import type { AgentRunRecord, AgentStepRecord } from '@aipipeline/db'

/** Parses a stored error; anything unreadable becomes an internal error rather than a crash. */
export function storedError(value: unknown): AgentError | null {
  if (value === null || value === undefined) return null
  const parsed = AgentError.safeParse(value)
  return parsed.success ? parsed.data : { code: 'internal', message: 'unreadable error record', retryable: true }
}

/** Usage of one step envelope, cost included. */
export function stepUsageOf(step: Pick<AgentStepRecord, 'usage' | 'costMicros'>): AgentUsage {
  return { ...step.usage, costMicros: step.costMicros }
}

/** Sum of the usage of a run's steps; the model is the last one that answered. */
export function totalUsage(steps: readonly Pick<AgentStepRecord, 'usage' | 'costMicros'>[]): AgentUsage {
  const total: AgentUsage = { model: null, inputTokens: 0, outputTokens: 0, costMicros: 0, calls: 0, repairs: 0 }
  for (const s of steps) {
    total.model = s.usage.model ?? total.model
    total.inputTokens += s.usage.inputTokens
    total.outputTokens += s.usage.outputTokens
    total.calls += s.usage.calls
    total.repairs += s.usage.repairs
    total.costMicros += s.costMicros
  }
  return total
}

/** A run for lists and events. */
export function toRunSummary(run: AgentRunRecord, usage: AgentUsage): AgentRunSummary {
  return {
    id: run.id,
    projectId: run.projectId,
    pipeline: AgentPipeline.parse(run.pipeline),
    status: run.status,
    progress: Math.min(100, Math.max(0, run.progress)),
    progressMessage: run.progressMessage,
    jobId: run.jobId,
    createdBy: run.createdBy,
    label: run.label,
    usage,
    error: storedError(run.error),
    decision: run.decision,
    createdAt: run.createdAt,
    updatedAt: run.updatedAt,
    finishedAt: run.finishedAt,
  }
}

/** A step envelope as the Agents page shows it. */
export function toStepEnvelope(step: AgentStepRecord): AgentStep {
  return {
    id: step.id,
    runId: step.runId,
    parentId: step.parentId,
    key: step.key,
    agent: step.agent,
    status: step.status,
    attempt: step.attempt,
    input: step.input,
    output: step.output ?? null,
    usage: stepUsageOf(step),
    error: storedError(step.error),
    createdAt: step.createdAt,
    startedAt: step.startedAt,
    finishedAt: step.finishedAt,
  }
}
