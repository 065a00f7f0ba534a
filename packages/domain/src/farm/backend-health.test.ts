import { describe, expect, it } from 'vitest'
import { applyProbe, DEFAULT_HEALTH_POLICY, initialHealth } from './backend-health'

const policy = DEFAULT_HEALTH_POLICY

describe('backend health circuit breaker', () => {
  it('goes offline on a failed probe and backs off the probe interval while it keeps failing', () => {
    let h = initialHealth(0, policy, true)
    h = applyProbe(h, { ok: false, reason: 'connection refused' }, 0, policy)
    expect(h.state).toBe('offline')
    expect(h.nextProbeAtMs).toBe(5000)
    h = applyProbe(h, { ok: false, reason: 'connection refused' }, 5000, policy)
    expect(h.nextProbeAtMs).toBe(15_000)
    for (let i = 0; i < 10; i++) h = applyProbe(h, { ok: false, reason: 'x' }, 0, policy)
    expect(h.nextProbeAtMs).toBe(policy.maxIntervalMs)
  })

  it('passes through degraded (half-open) before it is online again', () => {
    let h = applyProbe(initialHealth(0, policy, true), { ok: false, reason: 'down' }, 0, policy)
    h = applyProbe(h, { ok: true, socketOpen: true }, 10, policy)
    expect(h.state).toBe('degraded')
    h = applyProbe(h, { ok: true, socketOpen: true }, 20, policy)
    expect(h.state).toBe('online')
  })

  it('keeps a disabled backend disabled whatever the probe says', () => {
    const h = applyProbe(initialHealth(0, policy, false), { ok: true, socketOpen: true }, 0, policy)
    expect(h.state).toBe('disabled')
  })
})
