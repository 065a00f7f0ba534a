// Which deployments a call may use, in which order. Pure: the router passes in the
// catalogue, the breaker states and the budget, and gets back candidates plus the reason
// each other deployment was skipped (shown by the test call and the agents page).
import { orderRoute, providerNeedsKey, servesTaskClass } from '@aipipeline/domain'
import type { BudgetState } from '../budgets/budget-status'
import { costMicros } from '../costs/cost'
import type { Deployment } from '../deployment/deployment'
import type { RouterCall } from './router.ports'

/** Output tokens kept free in the window when the caller does not say how many it wants. */
export const DEFAULT_OUTPUT_RESERVE = 2_048

export interface PlannedDeployment {
  deployment: Deployment
  /** Output tokens reserved (and assumed for the worst-case cost). */
  outputReserve: number
  /** Worst-case cost: estimated input plus the full output reserve, in micro-dollars. */
  estimatedCostMicros: number
}

export interface SkippedDeployment {
  deploymentId: string
  reason: string
}

export interface RoutePlan {
  inputTokens: number
  candidates: PlannedDeployment[]
  skipped: SkippedDeployment[]
}

export interface PlanInput {
  deployments: readonly Deployment[]
  call: Pick<RouterCall, 'taskClass' | 'constraints' | 'maxOutputTokens'>
  inputTokens: number
  /**
   * Tokens that must fit in one context window, when not all of `inputTokens` (an embedding
   * batch sends each text on its own, so only the longest text must fit).
   */
  windowTokens?: number
  /** Deployments whose breaker is open and still inside its cooldown. */
  cooling: ReadonlySet<string>
  budgetState: BudgetState
  /** Micro-dollars left this month, when the project has a budget. */
  remainingMicros: number | undefined
}

function outputReserveOf(d: Deployment, call: PlanInput['call']): number {
  return Math.min(call.maxOutputTokens ?? DEFAULT_OUTPUT_RESERVE, d.maxOutputTokens)
}

/** Why a deployment cannot take this call, or undefined when it can. */
function skipReason(d: Deployment, input: PlanInput, planned: PlannedDeployment): string | undefined {
  const c = input.call.constraints ?? {}
  if (c.privacy === 'local-only' && d.locality !== 'local') return 'privacy: local-only call, deployment is cloud'
  if (!d.enabled) return 'disabled'
  if (c.deploymentId !== undefined && c.deploymentId !== d.id) return 'not the requested deployment'
  if (input.call.taskClass === 'embed' && d.capabilities.embeddings && !servesTaskClass(d, 'embed')) {
    return `provider ${d.provider} has no embeddings API`
  }
  if (!servesTaskClass(d, input.call.taskClass)) return `does not serve task class ${input.call.taskClass}`
  if (c.needsStructuredOutput && !d.capabilities.structuredOutput) return 'no structured output'
  if (c.needsVision && !d.capabilities.vision) return 'no vision'
  if (c.latency === 'fast' && d.latencyClass !== 'fast') return `latency class ${d.latencyClass}, call needs fast`
  if (!d.hasKey && providerNeedsKey(d.provider)) return 'no API key stored'
  const windowTokens = input.windowTokens ?? input.inputTokens
  if (windowTokens + planned.outputReserve > d.contextWindow) {
    return `context: ~${windowTokens} + ${planned.outputReserve} tokens exceed the ${d.contextWindow}-token window`
  }
  if (c.maxCostMicros !== undefined && planned.estimatedCostMicros > c.maxCostMicros) {
    return `estimated ${planned.estimatedCostMicros} µ$ exceeds the call's limit of ${c.maxCostMicros} µ$`
  }
  if (
    input.remainingMicros !== undefined &&
    input.budgetState !== 'overridden' &&
    planned.estimatedCostMicros > input.remainingMicros
  ) {
    return `estimated ${planned.estimatedCostMicros} µ$ exceeds the ${input.remainingMicros} µ$ left in the project budget`
  }
  if (input.cooling.has(d.id)) return 'cooling down after repeated failures'
  return undefined
}

/** Plans a call: eligible deployments in the order they will be tried. */
export function planRoute(input: PlanInput): RoutePlan {
  const eligible: PlannedDeployment[] = []
  const skipped: SkippedDeployment[] = []
  for (const deployment of input.deployments) {
    const outputReserve = outputReserveOf(deployment, input.call)
    const estimatedCostMicros = costMicros(
      { inputTokens: input.inputTokens, outputTokens: outputReserve },
      deployment.prices,
    )
    const planned = { deployment, outputReserve, estimatedCostMicros }
    const reason = skipReason(deployment, input, planned)
    if (reason === undefined) eligible.push(planned)
    else skipped.push({ deploymentId: deployment.id, reason })
  }
  return {
    inputTokens: input.inputTokens,
    candidates: orderRoute(eligible, (p) => p.deployment, {
      costOf: (p) => p.estimatedCostMicros,
      cheapestFirst: input.budgetState === 'alert' || input.budgetState === 'overridden',
    }).map((step) => step.item),
    skipped,
  }
}
