// One usage-ledger row per attempt, successful or not: tokens, cost to the micro-dollar,
// latency, outcome. A failed attempt still costs what the provider billed for it.
import { NoObjectGeneratedError } from 'ai'
import { costMicros } from '../costs/cost'
import type { ClassifiedError } from './llm-errors'
import type { PlannedDeployment } from './route-planner'
import type { RouterCall, UsageRecorder } from './router.ports'

export interface AttemptEntry {
  call: RouterCall
  callId: string
  attempt: number
  planned: PlannedDeployment
  latencyMs: number
  tokens: { input: number; output: number }
  failure?: ClassifiedError
}

/** Writes the attempt's row; returns its cost in micro-dollars. */
export async function recordAttempt(usage: UsageRecorder, at: string, e: AttemptEntry): Promise<number> {
  const d = e.planned.deployment
  const cost = costMicros({ inputTokens: e.tokens.input, outputTokens: e.tokens.output }, d.prices)
  await usage.record({
    at,
    deploymentId: d.id,
    provider: d.provider,
    modelId: d.modelId,
    taskClass: e.call.taskClass,
    inputTokens: e.tokens.input,
    outputTokens: e.tokens.output,
    costMicros: cost,
    latencyMs: Math.round(e.latencyMs),
    outcome: e.failure?.errorClass ?? 'ok',
    attempt: e.attempt,
    callId: e.callId,
    project: e.call.project ?? null,
    job: e.call.job ?? null,
    error: e.failure?.message ?? null,
  })
  return cost
}

/** Tokens a failed attempt still consumed (a model that answered with invalid JSON was paid for). */
export function tokensOfFailure(err: unknown): { input: number; output: number } {
  if (NoObjectGeneratedError.isInstance(err) && err.usage) {
    return { input: err.usage.inputTokens ?? 0, output: err.usage.outputTokens ?? 0 }
  }
  return { input: 0, output: 0 }
}
