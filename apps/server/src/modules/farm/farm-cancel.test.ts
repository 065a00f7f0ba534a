// Cancel: a queued job never starts; a running job stops within one sampler step (queue
// delete + targeted interrupt), and its slot is given to the next job.
import { type Simulator, startSimulator, textToImagePrompt } from '@aipipeline/comfyui'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  closeFarm,
  eventually,
  type FarmTestStudio,
  farmTestStudio,
  field,
  registerSimulator,
} from '../../../test-kits/farm/farm-test.fixture'

for (const engine of testEngines('farm cancel')) {
  describe(`farm cancel [${engine}]`, () => {
    let t: FarmTestStudio
    let sim: Simulator
    let backendId: string
    beforeAll(async () => {
      t = await farmTestStudio(engine)
      // 100 steps of ~120 ms each: a step is longer than the API call that cancels, even on a busy machine.
      sim = await startSimulator({ name: 'gpu-slow', timeScale: 2, vramGb: 24 })
      backendId = await registerSimulator(t, sim, { maxInFlight: 1 })
      t.studio.farm.start()
    })
    afterAll(() => closeFarm(t, sim))

    const submit = async (seed: number) => {
      const res = await t.call('POST', '/api/farm/jobs', {
        source: { kind: 'api', prompt: textToImagePrompt({ seed, steps: 100 }) },
      })
      return String(field(res.json, 'id'))
    }
    const stateOf = async (id: string) => field((await t.call('GET', `/api/farm/jobs/${id}`)).json, 'state')

    it('stops a running job within one sampler step and never starts a canceled queued one', async () => {
      const rt = await eventually(async () => t.studio.farm.dispatcher.pool.get(backendId))
      const steps = new Map<string, number>()
      const off = rt.client.onEvent((e) => {
        if (e.type === 'progress' && e.data.prompt_id) steps.set(e.data.prompt_id, e.data.value)
      })
      try {
        const running = await submit(1)
        const queued = await submit(2)
        await eventually(async () => (await stateOf(running)) === 'running')
        await eventually(async () => ([...steps.values()][0] ?? 0) >= 3)
        expect(await stateOf(queued)).toBe('queued')

        const queuedCancel = await t.call('POST', `/api/farm/jobs/${queued}/cancel`)
        expect(field(queuedCancel.json, 'state')).toBe('canceled')
        const job = await t.call('GET', `/api/farm/jobs/${running}`)
        const promptId = String(field((field(job.json, 'attempts') as unknown[])[0], 'promptId'))
        const stepAtCancel = steps.get(promptId) ?? 0
        const res = await t.call('POST', `/api/farm/jobs/${running}/cancel`)
        expect(field(res.json, 'state')).toBe('canceled')

        // The simulator records the interrupted prompt in its history once the interrupt lands.
        await eventually(async () => sim.state.history.includes(promptId))
        expect(steps.get(promptId) ?? 0).toBeLessThanOrEqual(stepAtCancel + 1)
        expect(sim.state.running).toBeNull()
        const queuedJob = await t.call('GET', `/api/farm/jobs/${queued}`)
        expect(field(queuedJob.json, 'attempts')).toEqual([])
        expect(await stateOf(running)).toBe('canceled')
      } finally {
        off()
      }
    })
  })
}
