// Backoff between attempts on the same deployment: cockatiel's exponential schedule with
// "equal jitter" (half fixed, half random, so retries from many jobs spread out but never
// collapse to zero), and a provider's Retry-After wins when it says to wait longer.
import { ExponentialBackoff, type GeneratorFn, noJitterGenerator } from 'cockatiel'

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
  // cockatiel's halfJitterGenerator, with the jitter drawn from `random` so runs can be repeated.
  const equalJitter: GeneratorFn<number> = (state, options) => {
    const [delay, next] = noJitterGenerator(state, options)
    return [delay / 2 + (random() * delay) / 2, next]
  }
  let step = new ExponentialBackoff({
    initialDelay: settings.baseDelayMs,
    maxDelay: settings.maxDelayMs,
    generator: equalJitter,
  }).next()
  for (let n = 1; n < retry; n++) step = step.next(undefined)
  const jittered = step.duration
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
