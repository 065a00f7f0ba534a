// The routing policy as the Settings page shows it: for each task class, which deployments
// the SmartRouter would try and in which order, before budgets, breakers and context size
// narrow it per call. Mirrors packages/llm's route planner (web may not import llm): local
// before cloud, then lower priority number first, each deployment's fallback chain right
// after it.
import type { LlmDeployment } from '@aipipeline/contracts'
import { LlmTaskClass } from '@aipipeline/contracts'

export type TaskClass = LlmDeployment['taskClasses'][number]

export interface RouteStep {
  deployment: LlmDeployment
  /** Reached through another deployment's explicit fallback chain. */
  viaFallback: boolean
}

export interface TaskRoute {
  taskClass: TaskClass
  steps: RouteStep[]
  /** Deployments that list the task class but cannot serve it now, with the reason key. */
  unavailable: { deployment: LlmDeployment; reason: 'disabled' | 'no-key' }[]
}

/** Providers that cannot be called without a key (Ollama and self-hosted compatible servers can). */
export function needsKey(d: Pick<LlmDeployment, 'provider'>): boolean {
  return d.provider !== 'ollama' && d.provider !== 'openai-compatible'
}

function serves(d: LlmDeployment, taskClass: TaskClass): boolean {
  return taskClass === 'embed' ? d.capabilities.embeddings : d.taskClasses.includes(taskClass)
}

function rank(a: LlmDeployment, b: LlmDeployment): number {
  const local = (d: LlmDeployment) => (d.locality === 'local' ? 0 : 1)
  return local(a) - local(b) || a.priority - b.priority || a.id.localeCompare(b.id)
}

/** The try order for one task class. */
export function routeFor(deployments: readonly LlmDeployment[], taskClass: TaskClass): TaskRoute {
  const unavailable: TaskRoute['unavailable'] = []
  const eligible: LlmDeployment[] = []
  for (const d of deployments) {
    if (!serves(d, taskClass)) continue
    if (!d.enabled) unavailable.push({ deployment: d, reason: 'disabled' })
    else if (!d.hasKey && needsKey(d)) unavailable.push({ deployment: d, reason: 'no-key' })
    else eligible.push(d)
  }
  const byId = new Map(eligible.map((d) => [d.id, d]))
  const steps: RouteStep[] = []
  const seen = new Set<string>()
  const visit = (d: LlmDeployment, viaFallback: boolean) => {
    if (seen.has(d.id)) return
    seen.add(d.id)
    steps.push({ deployment: d, viaFallback })
    for (const id of d.fallbackIds) {
      const next = byId.get(id)
      if (next) visit(next, true)
    }
  }
  for (const d of [...eligible].sort(rank)) visit(d, false)
  return { taskClass, steps, unavailable }
}

/** The try order for every task class, in the contract's order. */
export function routingPolicy(deployments: readonly LlmDeployment[]): TaskRoute[] {
  return LlmTaskClass.options.map((taskClass) => routeFor(deployments, taskClass))
}
