// A backend whose GPU agent went silent is out of placement in the dispatcher's live view,
// even while its ComfyUI still answers health probes, and returns once the agent beats again.
// The agent module records beats and silence in the database (the truth every liveness check
// re-applies) and tells the farm at once; both are done here as it does them.
import { type Simulator, startSimulator, textToImagePrompt } from '@aipipeline/comfyui'
import { createAgentBackendRepository } from '@aipipeline/db'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  closeFarm,
  eventually,
  type FarmTestStudio,
  farmTestStudio,
  registerSimulator,
} from '../../../test-kits/farm/farm-test.fixture'

function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) throw new Error('expected an object')
  return Object.entries(value).find(([k]) => k === key)?.[1]
}

for (const engine of testEngines('farm agent silence')) {
  describe(`backend agent silence [${engine}]`, () => {
    let t: FarmTestStudio
    let sim: Simulator
    let backendId: string
    beforeAll(async () => {
      t = await farmTestStudio(engine)
      sim = await startSimulator({ name: 'gpu-agent', timeScale: 0.01, vramGb: 24 })
      backendId = await registerSimulator(t, sim)
      t.studio.farm.start()
      // The live view belongs to the dispatching instance (on Postgres, after the election).
      await eventually(async () => t.studio.farm.dispatcher.isLeader && t.studio.farm.dispatcher.pool.get(backendId))
    })
    afterAll(() => closeFarm(t, sim))

    it('places nothing on a backend whose agent is silent until the agent beats again', async () => {
      const agents = createAgentBackendRepository(t.studio.testDb.handle.db)
      const beat = { backendId, tokenId: 'token', hostname: 'host', agentUrl: sim.url, intervalSeconds: 10 }
      await agents.beat(beat)
      await agents.markSilent(backendId)
      await t.studio.farm.backends.markAgentSilent(backendId, 'GPU agent on host silent for 30 s')
      const backend = async () => (await t.call('GET', `/api/farm/backends/${backendId}`)).json
      expect(field(await backend(), 'state')).toBe('offline')
      const res = await t.call('POST', '/api/farm/jobs', { source: { kind: 'api', prompt: textToImagePrompt() } })
      expect(res.status).toBe(201)
      const jobId = String(field(res.json, 'id'))
      const job = async () => (await t.call('GET', `/api/farm/jobs/${jobId}`)).json
      // Several health intervals (300 ms): probes answer, yet the backend stays out of placement.
      await new Promise((r) => setTimeout(r, 1500))
      expect(field(await job(), 'state')).toBe('queued')
      expect(field(await backend(), 'state')).toBe('offline')
      await agents.beat(beat)
      await t.studio.farm.backends.markAgentBack(backendId)
      await eventually(async () => field(await job(), 'state') === 'succeeded')
      expect(field(await backend(), 'state')).toBe('online')
    }, 30_000)
  })
}
