// In scale-out mode a heartbeat, or the once-only "agent silent" mark, may be handled by a
// studio instance that does not dispatch. Here the database is changed the way such an
// instance changes it, and the dispatching instance must follow within a liveness check:
// the backend leaves placement while its agent is silent and returns when it beats again.
import { type Simulator, startSimulator } from '@aipipeline/comfyui'
import { AGENT_TOKEN_HEADER, CreatedAgentToken, FarmBackend } from '@aipipeline/contracts'
import { createAgentBackendRepository } from '@aipipeline/db'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await probe()
    if (value !== undefined) return value
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`timed out waiting for ${what}`)
}

for (const engine of testEngines('agent silence across studio instances')) {
  describe(`agent silence across studio instances [${engine}]`, () => {
    let studio: TestStudio
    let sim: Simulator
    let admin: string
    let backendId: string

    const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
    const backend = async () => {
      const res = await studio.app.inject({ method: 'GET', url: '/api/farm/backends', headers: bearer(admin) })
      return z
        .object({ items: z.array(FarmBackend) })
        .parse(res.json())
        .items.find((b) => b.id === backendId)
    }
    const stateBecomes = (state: string) =>
      until(`the backend to be ${state}`, async () => {
        const b = await backend()
        return b?.state === state ? b : undefined
      })

    beforeAll(async () => {
      studio = await createTestStudio(engine)
      studio.farm.start()
      sim = await startSimulator({ port: 0, timeScale: 0, vramGb: 24, name: 'gpu-sim' })
      admin = (await studio.signIn('admin')).accessToken
      const created = await studio.app.inject({
        method: 'POST',
        url: '/api/farm/agent-tokens',
        headers: bearer(admin),
        payload: { name: 'gpu-host-2' },
      })
      const { secret } = CreatedAgentToken.parse(created.json())
      const beat = await studio.app.inject({
        method: 'POST',
        url: '/api/farm/agent/heartbeat',
        headers: { [AGENT_TOKEN_HEADER]: secret },
        payload: {
          hostname: 'gpu-host-2',
          agentVersion: 'test',
          intervalSeconds: 60,
          backends: [{ url: sim.url, reachable: true }],
          gpus: null,
        },
      })
      expect(beat.statusCode).toBe(200)
      const id = z.object({ backends: z.array(z.object({ backendId: z.string() })) }).parse(beat.json()).backends[0]
      if (!id) throw new Error('the heartbeat registered no backend')
      backendId = id.backendId
      await stateBecomes('online')
      // The live view belongs to the dispatching instance (on Postgres, after the election).
      await until('this instance to dispatch', async () => studio.farm.dispatcher.isLeader || undefined)
    }, 60_000)

    afterAll(async () => {
      await studio?.farm.stop()
      await sim?.close()
      await studio?.close()
    })

    it('takes a backend out when another instance marked its agent silent, and back when it beats again', async () => {
      const agents = createAgentBackendRepository(studio.testDb.handle.db)
      // Another instance won the once-only mark; this one never saw the silence happen.
      expect(await agents.markSilent(backendId)).toBe(true)
      const offline = await stateBecomes('offline')
      expect(offline.stateReason).toMatch(/GPU agent on gpu-host-2 silent for \d+ s/)
      // ComfyUI itself still answers: probes must not bring the backend back while the agent is silent.
      await new Promise((r) => setTimeout(r, 1500))
      expect((await backend())?.state).toBe('offline')

      // Another instance took the agent's next beat.
      const record = await agents.get(backendId)
      if (!record) throw new Error('agent record missing')
      await agents.beat({ ...record, at: new Date().toISOString() })
      await stateBecomes('online')
    }, 30_000)
  })
}
