// Health of a backend as a small state machine with a circuit breaker. Probes are cheap
// (GET /features), but a flapping server must not be hammered nor handed work the moment
// it answers once: after a failure the probe interval backs off exponentially, and a
// recovering backend passes through `degraded` (half-open) before it gets jobs again.
import { exponentialDelayMs } from '../retry/exponential-backoff'
import type { BackendState } from './render-job-state'

export interface BackendHealth {
  state: BackendState
  /** Failed probes in a row. */
  failures: number
  /** Successful probes in a row since the last failure. */
  successes: number
  /** Earliest time (ms) of the next probe. */
  nextProbeAtMs: number
  reason: string | null
}

export interface HealthPolicy {
  /** Probe interval while healthy, ms (SwarmUI uses 5 s). */
  intervalMs: number
  /** Upper bound of the backed-off interval, ms. */
  maxIntervalMs: number
  /** Successful probes in a row a recovering backend needs before it is online again. */
  recoverAfter: number
}

export const DEFAULT_HEALTH_POLICY: HealthPolicy = { intervalMs: 5000, maxIntervalMs: 60_000, recoverAfter: 2 }

export type ProbeResult = { ok: true; socketOpen: boolean } | { ok: false; reason: string }

/** The health of a backend that was just registered (it answered the registration probes). */
export function initialHealth(nowMs: number, policy: HealthPolicy, enabled: boolean): BackendHealth {
  return {
    state: enabled ? 'online' : 'disabled',
    failures: 0,
    successes: policy.recoverAfter,
    nextProbeAtMs: nowMs + policy.intervalMs,
    reason: null,
  }
}

/** Applies one probe result; a disabled backend stays disabled whatever the probe says. */
export function applyProbe(h: BackendHealth, result: ProbeResult, nowMs: number, policy: HealthPolicy): BackendHealth {
  if (h.state === 'disabled') return { ...h, nextProbeAtMs: nowMs + policy.intervalMs }
  if (!result.ok) {
    const failures = h.failures + 1
    // Interval doubles per failure in a row: 5 s, 10 s, 20 s … capped.
    const backoff = exponentialDelayMs({ initialMs: policy.intervalMs, maxMs: policy.maxIntervalMs }, failures - 1)
    return { state: 'offline', failures, successes: 0, nextProbeAtMs: nowMs + backoff, reason: result.reason }
  }
  const successes = h.successes + 1
  const recovered = successes >= policy.recoverAfter
  const socketNote = result.socketOpen ? null : 'event socket not connected'
  const state: BackendState = !recovered ? 'degraded' : socketNote === null ? 'online' : 'degraded'
  // Half-open: probe again soon so a recovered backend returns to work quickly.
  const next = recovered ? policy.intervalMs : Math.min(policy.intervalMs, 1000)
  return {
    state,
    failures: 0,
    successes,
    nextProbeAtMs: nowMs + next,
    reason: state === 'online' ? null : recovered ? socketNote : 'recovering: waiting for more healthy probes',
  }
}
