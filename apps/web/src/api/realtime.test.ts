import { describe, expect, it } from 'vitest'
import { parseServerEvent, resumeAfterServerDrop } from './realtime'

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

describe('after the server drops the socket (role changed, account closed, signed out elsewhere)', () => {
  const attempt = async (refresh: () => Promise<boolean>) => {
    let reconnects = 0
    const resumed = await resumeAfterServerDrop({ refreshSession: refresh }, () => {
      reconnects += 1
    })
    return { resumed, reconnects }
  }

  it('reconnects with the refreshed session (the new role)', async () => {
    expect(await attempt(async () => true)).toEqual({ resumed: true, reconnects: 1 })
  })

  it('stays disconnected when the session could not be renewed (the app signs out)', async () => {
    expect(await attempt(async () => false)).toEqual({ resumed: false, reconnects: 0 })
  })

  it('stays disconnected, without throwing, when the server cannot be reached', async () => {
    expect(
      await attempt(async () => {
        throw new Error('offline')
      }),
    ).toEqual({ resumed: false, reconnects: 0 })
  })
})
