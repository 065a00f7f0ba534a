// Fixed-window limiter for sign-in attempts, keyed by client address and email, so one
// attacker cannot lock out a user from elsewhere and cannot spray one account.
import { RateLimited } from '@aipipeline/domain'

export function createLoginRateLimiter(opts: { perMinute: number; now?: () => number }) {
  const now = opts.now ?? Date.now
  const windows = new Map<string, { start: number; count: number }>()
  return {
    /** Counts an attempt; throws RateLimited when the window is full. */
    hit(key: string): void {
      const t = now()
      const w = windows.get(key)
      if (!w || t - w.start >= 60_000) {
        windows.set(key, { start: t, count: 1 })
        if (windows.size > 10_000) for (const [k, v] of windows) if (t - v.start >= 60_000) windows.delete(k)
        return
      }
      w.count += 1
      if (w.count > opts.perMinute) {
        const retryAfter = Math.max(1, Math.ceil((w.start + 60_000 - t) / 1000))
        throw new RateLimited(`too many sign-in attempts; try again in ${retryAfter} s`, retryAfter)
      }
    },
  }
}
