// A job whose outputs cannot be downloaded after the prompt succeeded: each failed download
// counts as an attempt, and the job fails with a clear error once its attempts are used up,
// instead of being re-queued as "backend lost" for ever.
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

for (const engine of testEngines('farm download failures')) {
  describe(`farm output download failures [${engine}]`, () => {
    let t: FarmTestStudio
    let sim: Simulator
    beforeAll(async () => {
      t = await farmTestStudio(engine)
      sim = await startSimulator({ name: 'gpu-no-downloads', timeScale: 0, faults: [{ kind: 'fail-downloads' }] })
      await registerSimulator(t, sim)
      t.studio.farm.start()
    })
    afterAll(() => closeFarm(t, sim))

    it('counts each failed download as an attempt and fails the job after maxAttempts', async () => {
      const res = await t.call('POST', '/api/farm/jobs', {
        source: { kind: 'api', prompt: textToImagePrompt({ seed: 7 }) },
        maxAttempts: 2,
      })
      expect(res.status).toBe(201)
      const id = String(field(res.json, 'id'))
      // Bounded wait: before the fix the job went back to the queue after every attempt.
      const job = await eventually(async () => {
        const got = await t.call('GET', `/api/farm/jobs/${id}`)
        const state = field(got.json, 'state')
        if (state === 'failed') return got.json
        const attempts = field(got.json, 'attempts')
        if (Array.isArray(attempts) && attempts.length > 4) return got.json
        return null
      })
      expect(field(job, 'state')).toBe('failed')
      expect(field(job, 'attemptCount')).toBe(2)
      const attempts = field(job, 'attempts')
      expect(Array.isArray(attempts) ? attempts.map((a) => field(a, 'outcome')) : attempts).toEqual([
        'failed',
        'failed',
      ])
      const error = field(job, 'error')
      expect(field(error, 'type')).toBe('output_download_failed')
      expect(String(field(error, 'message'))).toMatch(/download/i)
      expect(String(field(error, 'message'))).toContain('500')
      // The prompts did run on the GPU: the failure is the download, not the render.
      expect(sim.state.completed).toBe(2)
    })
  })
}
