// Cancel: a queued job never starts; a running job is interrupted mid-run (queue delete +
// targeted interrupt) and sends no progress after that, and its slot is given to the next job.
// How many steps pass between the request and the interrupt depends on the machine's load, so
// it is not asserted here.
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

const STEPS = 400

for (const engine of testEngines('farm cancel')) {
  describe(`farm cancel [${engine}]`, () => {
    let t: FarmTestStudio
    let sim: Simulator
    let backendId: string
    beforeAll(async () => {
      t = await farmTestStudio(engine)
      // 400 steps of ~120 ms each: the job is still running when the cancel lands, even on a busy machine.
      sim = await startSimulator({ name: 'gpu-slow', timeScale: 2, vramGb: 24 })
      backendId = await registerSimulator(t, sim, { maxInFlight: 1 })
      t.studio.farm.start()
    })
    afterAll(() => closeFarm(t, sim))

    const submit = async (seed: number) => {
      const res = await t.call('POST', '/api/farm/jobs', {
        source: { kind: 'api', prompt: textToImagePrompt({ seed, steps: STEPS }) },
      })
      return String(field(res.json, 'id'))
    }
    const stateOf = async (id: string) => field((await t.call('GET', `/api/farm/jobs/${id}`)).json, 'state')

    it('interrupts a running job mid-run and never starts a canceled queued one', async () => {
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
        const res = await t.call('POST', `/api/farm/jobs/${running}/cancel`)
        expect(field(res.json, 'state')).toBe('canceled')

        // The simulator records the interrupted prompt in its history once the interrupt lands.
        await eventually(async () => sim.state.history.includes(promptId))
        const stepAtInterrupt = steps.get(promptId) ?? 0
        expect(stepAtInterrupt).toBeLessThan(STEPS) // stopped before the sampler finished
        expect(sim.state.running).toBeNull()
        // Nothing more comes from an interrupted prompt.
        await new Promise((r) => setTimeout(r, 500))
        expect(steps.get(promptId) ?? 0).toBe(stepAtInterrupt)
        const queuedJob = await t.call('GET', `/api/farm/jobs/${queued}`)
        expect(field(queuedJob.json, 'attempts')).toEqual([])
        expect(await stateOf(running)).toBe('canceled')
      } finally {
        off()
      }
    })
  })
}
