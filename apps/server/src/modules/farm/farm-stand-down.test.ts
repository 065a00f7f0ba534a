// A leader that stands down stops the prompts it sent that their jobs no longer point at (sent
// while it was frozen past its lease, after the new leader had given the job a new attempt),
// and leaves the others running for the next leader to follow.
import { type Simulator, startSimulator, textToImagePrompt } from '@aipipeline/comfyui'
import { createRenderJobRepository } from '@aipipeline/db'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  closeFarm,
  eventually,
  type FarmTestStudio,
  farmTestStudio,
  registerSimulator,
} from '../../../test-kits/farm/farm-test.fixture'

const Job = z.object({ state: z.string(), attempts: z.array(z.object({ promptId: z.string() })) })

for (const engine of testEngines('farm stand-down')) {
  describe(`farm stand-down [${engine}]`, () => {
    let t: FarmTestStudio
    let slow: Simulator
    let other: Simulator
    beforeAll(async () => {
      t = await farmTestStudio(engine)
      // 100 steps of ~120 ms each: both prompts are still running when the leader stands down.
      slow = await startSimulator({ name: 'gpu-a', timeScale: 2, vramGb: 24 })
      other = await startSimulator({ name: 'gpu-b', timeScale: 2, vramGb: 24 })
      await registerSimulator(t, slow, { maxInFlight: 1 })
      await registerSimulator(t, other, { maxInFlight: 1 })
      t.studio.farm.start()
    })
    afterAll(() => closeFarm(t, slow, other))

    it('stops an orphaned prompt and leaves the one its job still points at', async () => {
      const submit = async (seed: number) => {
        const res = await t.call('POST', '/api/farm/jobs', {
          source: { kind: 'api', prompt: textToImagePrompt({ seed, steps: 100 }) },
        })
        return z.object({ id: z.string() }).parse(res.json).id
      }
      const job = async (id: string) => Job.parse((await t.call('GET', `/api/farm/jobs/${id}`)).json)
      const [orphaned, followed] = [await submit(1), await submit(2)]
      const running = async (id: string) => {
        const j = await job(id)
        return j.state === 'running' ? j.attempts[0]?.promptId : undefined
      }
      const orphanPrompt = await eventually(() => running(orphaned), 60_000)
      const followedPrompt = await eventually(() => running(followed), 60_000)
      // As a new leader does with a prompt it could not find: the job goes back to the queue.
      const later = new Date(Date.now() + 3_600_000).toISOString()
      await createRenderJobRepository(t.studio.testDb.handle.db).requeue(orphaned, orphanPrompt, {
        nextAttemptAt: later,
      })

      await t.studio.farm.stop()
      const sims = [slow, other]
      const ended = await eventually(async () => sims.find((s) => s.state.history.includes(orphanPrompt)), 60_000)
      // Interrupted, not run to its end.
      const history = async (sim: Simulator, id: string) => (await fetch(`${sim.url}/history/${id}`)).text()
      expect(await history(ended, orphanPrompt)).toContain('execution_interrupted')
      // The prompt its job still points at runs to its end, for the next leader to collect.
      const ran = await eventually(async () => sims.find((s) => s.state.history.includes(followedPrompt)), 60_000)
      expect(await history(ran, followedPrompt)).not.toContain('execution_interrupted')
    }, 120_000)
  })
}
