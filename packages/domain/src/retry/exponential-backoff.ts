// The one exponential backoff of the code that cannot take a library (see docs/adr/0008): the
// pure farm health state machine and the ComfyUI socket's reconnect. Deterministic: jitter, where
// a caller wants it, comes from the random number it passes in.

export interface ExponentialDelay {
  /** Delay of the first attempt (attempt 0), ms. */
  initialMs: number
  /** Upper bound of any delay, ms. */
  maxMs: number
  /** Growth per attempt; 2 doubles. */
  factor?: number
  /** ±fraction of the delay drawn from `random`, so many clients do not retry in lockstep. */
  jitter?: number
}

/** Delay before the attempt numbered `attempt` (0-based: 0 = first retry), ms. */
export function exponentialDelayMs(
  policy: ExponentialDelay,
  attempt: number,
  random: () => number = Math.random,
): number {
  // Capping the exponent keeps factor^attempt finite for long outages; maxMs caps the delay anyway.
  const base = Math.min(policy.maxMs, policy.initialMs * (policy.factor ?? 2) ** Math.min(Math.max(0, attempt), 64))
  const jitter = policy.jitter ?? 0
  return jitter === 0 ? Math.round(base) : Math.max(0, Math.round(base * (1 + jitter * (random() * 2 - 1))))
}
