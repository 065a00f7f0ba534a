// A parameter sweep that would expand to more jobs than the configured cap is refused with a
// 422 naming the count and the limit, before anything is stored or queued.
import { textToImagePrompt } from '@aipipeline/comfyui'
import { ErrorBody, RenderJob } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

const seeds = (n: number) => Array.from({ length: n }, (_, i) => i + 1)

for (const engine of testEngines('sweep limit')) {
  describe(`sweep limit [${engine}]`, () => {
    let studio: TestStudio
    let artist: string

    beforeAll(async () => {
      studio = await createTestStudio(engine, {
        config: { dataDir: `/tmp/aipipeline-sweep-${process.pid}-${engine}`, sweepMaxCombinations: 6 },
      })
      artist = (await studio.signIn('artist')).accessToken
    })
    afterAll(async () => studio.close())

    async function call(method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) {
      const res = await studio.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${artist}` },
        ...(payload ? { payload } : {}),
      })
      return { status: res.statusCode, json: res.json() }
    }
    const jobCount = async () =>
      z.object({ items: z.array(RenderJob) }).parse((await call('GET', '/api/farm/jobs?limit=100')).json).items.length
    const sweep = (axes: Record<string, unknown[]>) =>
      call('POST', '/api/farm/jobs/sweep', {
        source: { kind: 'api', prompt: textToImagePrompt() },
        sweep: axes,
      })

    it('refuses a sweep over the configured cap with 422, the count and the limit, and queues nothing', async () => {
      const before = await jobCount()
      const res = await sweep({ 'KSampler.seed': seeds(7) })
      expect(res.status).toBe(422)
      expect(ErrorBody.parse(res.json).error).toMatchObject({
        code: 'sweep_too_large',
        details: { combinations: 7, limit: 6 },
      })
      expect(await jobCount()).toBe(before)
    })

    it('multiplies the axes: 3 × 3 is over a cap of 6, 2 × 3 is within it', async () => {
      const over = await sweep({ 'KSampler.seed': seeds(3), 'KSampler.steps': [10, 20, 30] })
      expect(ErrorBody.parse(over.json).error.details).toEqual({ combinations: 9, limit: 6 })
      const within = await sweep({ 'KSampler.seed': seeds(2), 'KSampler.steps': [10, 20, 30] })
      expect(within.status).toBe(201)
      expect(z.object({ items: z.array(z.unknown()) }).parse(within.json).items).toHaveLength(6)
    })

    it('counts a sweep of a million combinations without expanding it', async () => {
      const res = await sweep({ 'KSampler.seed': seeds(1000), 'KSampler.steps': seeds(1000) })
      expect(ErrorBody.parse(res.json).error.details).toEqual({ combinations: 1_000_000, limit: 6 })
    })
  })
}
