import { describeEachEngine } from '@aipipeline/testing'
import { expect, it } from 'vitest'
import { createAgentBackendRepository } from './agent-backend.repository'
import { createAgentTokenRepository } from './agent-token.repository'

describeEachEngine('farm agent repositories', (db) => {
  it('finds a token by hash until it is revoked, and never returns the hash', async () => {
    const repo = createAgentTokenRepository(db().handle.db)
    const token = await repo.insert({
      name: 'gpu-host-1',
      tokenHash: 'a'.repeat(64),
      tokenPrefix: 'apa_abcd',
      createdBy: null,
    })
    expect(Object.keys(token)).not.toContain('tokenHash')
    expect((await repo.findActiveByHash('a'.repeat(64)))?.id).toBe(token.id)
    const revoked = await repo.revoke(token.id)
    expect(revoked?.revokedAt).not.toBeNull()
    expect(await repo.findActiveByHash('a'.repeat(64))).toBeNull()
    expect((await repo.list()).map((t) => t.name)).toEqual(['gpu-host-1'])
  })

  it('reports a backend silent after the missed beats, marks it once, and a new beat clears it', async () => {
    const repo = createAgentBackendRepository(db().handle.db)
    const t0 = Date.parse('2030-01-01T00:00:00.000Z')
    const beat = {
      backendId: 'b1',
      tokenId: 't1',
      hostname: 'gpu-1',
      agentUrl: 'http://127.0.0.1:8188',
      intervalSeconds: 5,
      at: new Date(t0).toISOString(),
    }
    await repo.beat(beat)
    expect(await repo.findSilent(t0 + 14_000, 3)).toEqual([])
    expect((await repo.findSilent(t0 + 16_000, 3)).map((r) => r.backendId)).toEqual(['b1'])
    expect(await repo.listSilenced()).toEqual([])
    expect(await repo.markSilent('b1')).toBe(true)
    expect(await repo.markSilent('b1')).toBe(false)
    expect((await repo.listSilenced()).map((r) => r.backendId)).toEqual(['b1'])
    expect(await repo.findSilent(t0 + 60_000, 3)).toEqual([])
    const again = await repo.beat({ ...beat, at: new Date(t0 + 61_000).toISOString() })
    expect(again.silentSince).toBeNull()
    expect(await repo.listSilenced()).toEqual([])
    expect(again.createdAt).toBe(beat.at)
  })
})
