// The routing policy as the Settings page shows it: for each task class, which deployments
// the SmartRouter would try and in which order, before budgets, breakers and context size
// narrow it per call. The order and eligibility are the router's own (@aipipeline/domain).
import type { LlmDeployment } from '@aipipeline/contracts'
import { LlmTaskClass } from '@aipipeline/contracts'
import { orderRoute, providerNeedsKey, servesTaskClass } from '@aipipeline/domain'

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

/** The try order for one task class. */
export function routeFor(deployments: readonly LlmDeployment[], taskClass: TaskClass): TaskRoute {
  const unavailable: TaskRoute['unavailable'] = []
  const eligible: LlmDeployment[] = []
  for (const d of deployments) {
    if (!servesTaskClass(d, taskClass)) continue
    if (!d.enabled) unavailable.push({ deployment: d, reason: 'disabled' })
    else if (!d.hasKey && providerNeedsKey(d.provider)) unavailable.push({ deployment: d, reason: 'no-key' })
    else eligible.push(d)
  }
  const steps = orderRoute(eligible, (d) => d).map(({ item, viaFallback }) => ({ deployment: item, viaFallback }))
  return { taskClass, steps, unavailable }
}

/** The try order for every task class, in the contract's order. */
export function routingPolicy(deployments: readonly LlmDeployment[]): TaskRoute[] {
  return LlmTaskClass.options.map((taskClass) => routeFor(deployments, taskClass))
}
