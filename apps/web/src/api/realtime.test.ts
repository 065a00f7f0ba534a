import { describe, expect, it } from 'vitest'
import { parseServerEvent } from './realtime'

describe('server event parsing', () => {
  it('passes on a job progress event that matches the contract', () => {
    const parsed = parseServerEvent('job:progress', { jobId: 'j1', name: 'render', progress: 42 })
    expect(parsed).toEqual({ ok: true, event: { jobId: 'j1', name: 'render', progress: 42 } })
  })

  it('rejects a progress value outside 0–100', () => {
    const parsed = parseServerEvent('job:progress', { jobId: 'j1', name: 'render', progress: 140 })
    expect(parsed.ok).toBe(false)
  })

  it('rejects a notice with an unknown level', () => {
    const parsed = parseServerEvent('system:notice', { level: 'panic', message: 'x', at: '2025-01-01T00:00:00Z' })
    expect(parsed.ok).toBe(false)
  })
})
