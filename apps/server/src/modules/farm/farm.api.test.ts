// The farm API against real simulators over real sockets: registration and its bad inputs,
// submissions and theirs, a job run to completion with its outputs, unschedulable jobs and
// out-of-memory retry on a bigger GPU, and validation errors reported with their node.

import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Simulator, startSimulator, textToImagePrompt } from '@aipipeline/comfyui'
import { freePort, testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  eventually,
  type FarmTestStudio,
  farmTestStudio,
  registerSimulator,
} from '../../../test-kits/farm/farm-test.fixture'

type Json = Record<string, unknown>

function obj(value: unknown): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('expected an object')
  return Object.fromEntries(Object.entries(value))
}

function items(value: unknown): Json[] {
  const list = obj(value).items
  if (!Array.isArray(list)) throw new Error('expected items')
  return list.map(obj)
}

const api = (prompt: unknown) => ({ kind: 'api', prompt })

function errorMessage(body: unknown): string {
  return String(obj(obj(body).error).message)
}

for (const engine of testEngines('farm API')) {
  describe(`farm API [${engine}]`, () => {
    let t: FarmTestStudio
    let sim: Simulator
    let backendId: string
    beforeAll(async () => {
      t = await farmTestStudio(engine)
      sim = await startSimulator({ name: 'gpu-a', timeScale: 0.01, vramGb: 24 })
      backendId = await registerSimulator(t, sim, { tags: ['stills'] })
      t.studio.farm.start()
    })
    afterAll(async () => {
      await t.studio.farm.stop()
      await sim.close()
      await t.studio.close()
    })

    it('registers a backend with the capabilities it discovered', async () => {
      const b = obj((await t.call('GET', `/api/farm/backends/${backendId}`)).json)
      expect(b.state).toBe('online')
      expect(b.vramGb).toBe(24)
      expect(obj(b.models).checkpoints).toContain('v1-5-pruned-emaonly.safetensors')
      expect(b.nodeClassCount).toBeGreaterThan(10)
    })

    it('refuses a duplicate URL, an unreachable URL and a non-manager, creating nothing', async () => {
      const dup = await t.call('POST', '/api/farm/backends', { name: 'again', url: `${sim.url}/` })
      expect(dup.status).toBe(409)
      const down = await t.call('POST', '/api/farm/backends', {
        name: 'down',
        url: `http://127.0.0.1:${await freePort()}`,
      })
      expect(down.status).toBe(422)
      expect(errorMessage(down.json)).toMatch(/unreachable: connection refused/)
      const artist = await t.call('POST', '/api/farm/backends', { name: 'x', url: 'http://127.0.0.1:10' }, t.artist)
      expect(artist.status).toBe(403)
      expect(items((await t.call('GET', '/api/farm/backends')).json)).toHaveLength(1)
    })

    it('names an unknown template, an unknown parameter and an ill-typed one, storing no job', async () => {
      const unknownTemplate = await t.call('POST', '/api/farm/jobs', {
        source: { kind: 'template', templateId: 'nope' },
      })
      expect(unknownTemplate.status).toBe(422)
      expect(errorMessage(unknownTemplate.json)).toBe('unknown workflow template "nope"')
      const prompt = textToImagePrompt()
      const seedPrompt = { ...prompt, '3': { ...prompt['3'], inputs: { ...prompt['3']?.inputs, seed: '{seed}' } } }
      const tpl = await t.call('POST', '/api/farm/templates', { name: 'still', source: api(seedPrompt) })
      expect(tpl.status).toBe(201)
      expect(obj(tpl.json).parameters).toEqual([
        { name: 'seed', type: 'seed', locations: [{ nodeId: '3', inputName: 'seed', whole: true }] },
      ])
      const templateId = obj(tpl.json).id
      const unknownParam = await t.call('POST', '/api/farm/jobs', {
        source: { kind: 'template', templateId },
        parameters: { seed: 1, colour: 'red' },
      })
      expect(unknownParam.status).toBe(400)
      expect(JSON.stringify(unknownParam.json)).toMatch(/parameters\.colour/)
      const badType = await t.call('POST', '/api/farm/jobs', {
        source: { kind: 'template', templateId },
        parameters: { seed: 'tomorrow' },
      })
      expect(badType.status).toBe(400)
      expect(JSON.stringify(badType.json)).toMatch(/parameters\.seed/)
      expect(items((await t.call('GET', '/api/farm/jobs')).json)).toHaveLength(0)
    })

    it('runs a job to success and stores each output once with its sha256 and a thumbnail', async () => {
      const res = await t.call('POST', '/api/farm/jobs', { source: api(textToImagePrompt({ seed: 7 })), priority: 80 })
      expect(res.status).toBe(201)
      const id = String(obj(res.json).id)
      const done = await eventually(async () => {
        const job = obj((await t.call('GET', `/api/farm/jobs/${id}`)).json)
        return job.state === 'succeeded' ? job : undefined
      })
      const [attempt] = Array.isArray(done.attempts) ? done.attempts.map(obj) : []
      expect(attempt).toMatchObject({ number: 1, backendId, outcome: 'succeeded' })
      const outputs = Array.isArray(done.outputs) ? done.outputs.map(obj) : []
      expect(outputs).toHaveLength(1)
      const file = join(t.studio.config.dataDir, 'storage', String(outputs[0]?.path))
      expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(outputs[0]?.sha256)
      expect(existsSync(join(t.studio.config.dataDir, 'storage', String(outputs[0]?.thumbnailPath)))).toBe(true)
      const backend = obj((await t.call('GET', `/api/farm/backends/${backendId}`)).json)
      expect(backend.loadedModel).toBe('v1-5-pruned-emaonly.safetensors')
    })

    it('refuses at submit a job no online backend has the model for, listing what each one lacks', async () => {
      const before = items((await t.call('GET', '/api/farm/jobs')).json).length
      const res = await t.call('POST', '/api/farm/jobs', {
        source: api(textToImagePrompt({ checkpoint: 'missing-model.safetensors' })),
      })
      expect(res.status).toBe(422)
      expect(errorMessage(res.json)).toMatch(/gpu-a lacks models checkpoints\/missing-model.safetensors/)
      expect(obj(obj(res.json).error).details).toEqual({
        backends: [
          {
            backendId,
            name: 'gpu-a',
            ok: false,
            missingNodeClasses: [],
            missingModels: [{ folder: 'checkpoints', name: 'missing-model.safetensors' }],
          },
        ],
      })
      expect(items((await t.call('GET', '/api/farm/jobs')).json)).toHaveLength(before)
    })

    it('marks a job unschedulable with the reason when no backend has the tags it asks for', async () => {
      const res = await t.call('POST', '/api/farm/jobs', {
        source: api(textToImagePrompt()),
        requirements: { tags: ['big-gpu'] },
      })
      const id = String(obj(res.json).id)
      const job = await eventually(async () => {
        const j = obj((await t.call('GET', `/api/farm/jobs/${id}`)).json)
        return j.state === 'unschedulable' ? j : undefined
      })
      expect(job.unschedulableReason).toMatch(/gpu-a: missing tags big-gpu/)
    })

    it('fails a job the backend rejects at once, with the node errors', async () => {
      const prompt = textToImagePrompt()
      const bad = {
        ...prompt,
        '3': { ...prompt['3'], inputs: { ...prompt['3']?.inputs, sampler_name: 'no-such-sampler' } },
      }
      const id = String(obj((await t.call('POST', '/api/farm/jobs', { source: api(bad) })).json).id)
      const job = await eventually(async () => {
        const j = obj((await t.call('GET', `/api/farm/jobs/${id}`)).json)
        return j.state === 'failed' ? j : undefined
      })
      expect(job.attemptCount).toBe(1)
      expect(JSON.stringify(job.error)).toMatch(/"nodeId":"3"/)
    })

    it('runs a sweep as one job group', async () => {
      const res = await t.call('POST', '/api/farm/jobs/sweep', {
        source: api(textToImagePrompt()),
        sweep: { 'KSampler.seed': [1, 2, 3] },
      })
      expect(res.status).toBe(201)
      const groupId = String(obj(res.json).groupId)
      await eventually(async () => {
        const list = items((await t.call('GET', `/api/farm/jobs?groupId=${groupId}&state=succeeded`)).json)
        return list.length === 3
      })
    })

    it('retries an out-of-memory job on a backend with more VRAM', async () => {
      const prompt = textToImagePrompt({ checkpoint: 'flux1-dev-fp8.safetensors', width: 1024, height: 1024 })
      const small = await startSimulator({ name: 'gpu-small', timeScale: 0.01, vramGb: 12 })
      const big = await startSimulator({ name: 'gpu-big', timeScale: 0.01, vramGb: 48 })
      try {
        // Only the small GPU (and gpu-a, disabled) at first: the job runs out of memory there.
        await t.call('PATCH', `/api/farm/backends/${backendId}`, { enabled: false })
        await registerSimulator(t, small)
        const id = String(obj((await t.call('POST', '/api/farm/jobs', { source: api(prompt) })).json).id)
        await eventually(async () => {
          const j = obj((await t.call('GET', `/api/farm/jobs/${id}`)).json)
          const attempts = Array.isArray(j.attempts) ? j.attempts.map(obj) : []
          return attempts.some((a) => a.outcome === 'out-of-memory') ? j : undefined
        })
        await registerSimulator(t, big)
        const job = await eventually(async () => {
          const j = obj((await t.call('GET', `/api/farm/jobs/${id}`)).json)
          return j.state === 'succeeded' ? j : undefined
        })
        const attempts = Array.isArray(job.attempts) ? job.attempts.map(obj) : []
        // A loaded machine may see a probe time out and resubmit (`lost`); the decisions must hold regardless.
        expect(attempts.filter((a) => a.outcome !== 'lost').map((a) => [a.backendName, a.outcome])).toEqual([
          ['gpu-small', 'out-of-memory'],
          ['gpu-big', 'succeeded'],
        ])
      } finally {
        await t.call('PATCH', `/api/farm/backends/${backendId}`, { enabled: true })
        await small.close()
        await big.close()
      }
    })
  })
}
