// Backoff between attempts on the same deployment: exponential with "equal jitter" (half
// fixed, half random, so retries from many jobs spread out but never collapse to zero), and
// a provider's Retry-After wins when it says to wait longer.

export interface BackoffSettings {
  baseDelayMs: number
  maxDelayMs: number
}

/** Delay before retry number `retry` (1 = first retry); `random` returns [0, 1). */
export function backoffDelayMs(
  retry: number,
  settings: BackoffSettings,
  random: () => number,
  retryAfterMs: number | undefined,
): number {
  const exponential = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.max(0, retry - 1))
  const jittered = exponential / 2 + (random() * exponential) / 2
  return Math.round(retryAfterMs === undefined ? jittered : Math.max(retryAfterMs, jittered))
}

/** Sleeps `ms`, waking early (rejecting) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
