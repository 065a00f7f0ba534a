// One cockatiel circuit breaker per deployment: the router's cooldown. After N consecutive
// failures that say something about the deployment (rate limits, 5xx, timeouts, auth) it
// opens and the planner skips the deployment; after the cooldown one call is let through
// (half-open) and a success closes it again.
import { type CircuitBreakerPolicy, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen } from 'cockatiel'
import { classifyError, countsAgainstDeployment } from './llm-errors'

export interface BreakerSettings {
  /** Consecutive failures that open the breaker. */
  failures: number
  /** Milliseconds before a half-open trial call. */
  cooldownMs: number
}

export interface DeploymentBreakers {
  for(deploymentId: string): CircuitBreakerPolicy
  /** Deployments open and still inside their cooldown at `nowMs`. */
  cooling(nowMs: number): Set<string>
  /** Breaker state per deployment for the health view. */
  states(): Record<string, 'closed' | 'open' | 'half-open'>
}

/** Creates the per-deployment breaker registry. */
export function createDeploymentBreakers(settings: BreakerSettings): DeploymentBreakers {
  const breakers = new Map<string, CircuitBreakerPolicy>()
  const openedAt = new Map<string, number>()
  const policyFilter = handleWhen((err) => countsAgainstDeployment(classifyError(err).errorClass))
  return {
    for(deploymentId) {
      let breaker = breakers.get(deploymentId)
      if (!breaker) {
        breaker = circuitBreaker(policyFilter, {
          halfOpenAfter: settings.cooldownMs,
          breaker: new ConsecutiveBreaker(settings.failures),
        })
        breaker.onBreak(() => openedAt.set(deploymentId, Date.now()))
        breaker.onReset(() => openedAt.delete(deploymentId))
        breakers.set(deploymentId, breaker)
      }
      return breaker
    },
    cooling(nowMs) {
      const out = new Set<string>()
      for (const [id, breaker] of breakers) {
        const since = openedAt.get(id)
        if (breaker.state === CircuitState.HalfOpen) out.add(id)
        else if (breaker.state === CircuitState.Open && since !== undefined && nowMs - since < settings.cooldownMs)
          out.add(id)
      }
      return out
    },
    states() {
      const out: Record<string, 'closed' | 'open' | 'half-open'> = {}
      for (const [id, breaker] of breakers) {
        out[id] =
          breaker.state === CircuitState.Closed
            ? 'closed'
            : breaker.state === CircuitState.HalfOpen
              ? 'half-open'
              : 'open'
      }
      return out
    },
  }
}
