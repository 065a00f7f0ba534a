// A backend's health history: newest entries oldest first, pruned by age and by count per
// backend on each write, and gone with its backend.
import { describeEachEngine } from '@aipipeline/testing'
import { expect, it } from 'vitest'
import { isoNow } from '../ids'
import { createBackendRepository } from './backend.repository'
import { createBackendHealthRepository } from './backend-health.repository'

const HOUR = 3600_000

describeEachEngine('backend health history', (db) => {
  async function backend(name: string) {
    return createBackendRepository(db().handle.db).insert({
      name,
      url: `http://${name}:8188`,
      tags: [],
      maxInFlight: 2,
      enabled: true,
      state: 'online',
      capabilities: { nodeClasses: [], models: {} },
      vramGb: 24,
      comfyVersion: null,
    })
  }
  const entry = (backendId: string, atMs: number, latencyMs: number | null = 10) => ({
    backendId,
    at: isoNow(atMs),
    kind: 'probe' as const,
    state: 'online' as const,
    reason: null,
    ok: true,
    latencyMs,
  })

  it('keeps at most the newest entries per backend, and none older than the age limit', async () => {
    const repo = createBackendHealthRepository(db().handle.db, { maxAgeMs: 24 * HOUR, maxPerBackend: 3 })
    const a = await backend('prune-a')
    const b = await backend('prune-b')
    const now = Date.now()
    await repo.record(entry(b.id, now - HOUR))
    await repo.record(entry(a.id, now - 48 * HOUR))
    for (let i = 5; i >= 1; i--) await repo.record(entry(a.id, now - i * 60_000, i))
    const kept = await repo.latest(a.id, 100)
    expect(kept.map((e) => e.latencyMs)).toEqual([3, 2, 1])
    expect(await repo.latest(b.id, 100)).toHaveLength(1)
    expect((await repo.latest(a.id, 2)).map((e) => e.latencyMs)).toEqual([2, 1])
  })

  it('goes with its backend', async () => {
    const repo = createBackendHealthRepository(db().handle.db)
    const c = await backend('gone-c')
    await repo.record({ ...entry(c.id, Date.now()), kind: 'transition', state: 'offline', ok: false, reason: 'x' })
    await createBackendRepository(db().handle.db).delete(c.id)
    expect(await repo.latest(c.id, 10)).toEqual([])
  })
})
