// A workflow whose links form a cycle or point to a node that is not in it can never run:
// render job submission (single and sweep) and template save refuse it with 422 naming the
// node and the input, with the same graph checks the ComfyUI simulator applies.
import { textToImagePrompt } from '@aipipeline/comfyui'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FarmTestStudio, farmTestStudio } from '../../../test-kits/farm/farm-test.fixture'

type Json = Record<string, unknown>

function obj(value: unknown): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('expected an object')
  return Object.fromEntries(Object.entries(value))
}

/** The structured errors of a 422 body. */
function workflowErrors(body: unknown): Json[] {
  const list = obj(obj(obj(body).error).details).errors
  if (!Array.isArray(list)) throw new Error('expected details.errors')
  return list.map(obj)
}

/** KSampler #3 takes its latent from VAEDecode #8, which decodes #3's own output. */
function cyclic() {
  const prompt = textToImagePrompt()
  const sampler = prompt['3']
  if (!sampler) throw new Error('no sampler')
  sampler.inputs.latent_image = ['8', 0]
  return prompt
}

/** SaveImage #9 takes its images from node #42, which is not in the workflow. */
function dangling() {
  const prompt = textToImagePrompt()
  const save = prompt['9']
  if (!save) throw new Error('no save node')
  save.inputs.images = ['42', 0]
  return prompt
}

for (const engine of testEngines('workflow validation at submit')) {
  describe(`workflow validation at submit [${engine}]`, () => {
    let t: FarmTestStudio
    beforeAll(async () => {
      t = await farmTestStudio(engine)
    })
    afterAll(async () => {
      await t.studio.close()
    })

    const submit = (prompt: unknown) => t.call('POST', '/api/farm/jobs', { source: { kind: 'api', prompt } })

    it('refuses a job whose links form a cycle, naming the node and input', async () => {
      const res = await submit(cyclic())
      expect(res.status).toBe(422)
      const [error] = workflowErrors(res.json)
      expect(error).toMatchObject({ code: 'cycle', nodeId: '3', inputName: 'latent_image' })
      const message = String(obj(obj(res.json).error).message)
      expect(message).toMatch(/cycle #3 → #8 → #3/i)
      expect(message).toContain('"latent_image"')
      expect(obj((await t.call('GET', '/api/farm/jobs')).json).items).toEqual([])
    })

    it('refuses a job with a link to a missing node, naming the node and input', async () => {
      const res = await submit(dangling())
      expect(res.status).toBe(422)
      expect(workflowErrors(res.json)).toEqual([
        expect.objectContaining({ code: 'dangling-link', nodeId: '9', inputName: 'images' }),
      ])
      const message = String(obj(obj(res.json).error).message)
      expect(message).toContain('#9')
      expect(message).toContain('"images"')
      expect(message).toContain('#42')
    })

    it('refuses a sweep over a broken workflow before storing any job', async () => {
      const res = await t.call('POST', '/api/farm/jobs/sweep', {
        source: { kind: 'api', prompt: dangling() },
        sweep: { '3.seed': [1, 2, 3] },
      })
      expect(res.status).toBe(422)
      expect(obj((await t.call('GET', '/api/farm/jobs')).json).items).toEqual([])
    })

    it('refuses to save a template with a cycle or a missing node, and to update one into it', async () => {
      const cycle = await t.call('POST', '/api/farm/templates', {
        name: 'loop',
        source: { kind: 'api', prompt: cyclic() },
      })
      expect(cycle.status).toBe(422)
      expect(workflowErrors(cycle.json)[0]).toMatchObject({ code: 'cycle' })
      const missing = await t.call('POST', '/api/farm/templates', {
        name: 'missing',
        source: { kind: 'api', prompt: dangling() },
      })
      expect(missing.status).toBe(422)
      expect(workflowErrors(missing.json)[0]).toMatchObject({ nodeId: '9', inputName: 'images' })

      const good = await t.call('POST', '/api/farm/templates', {
        name: 'still',
        source: { kind: 'api', prompt: textToImagePrompt() },
      })
      expect(good.status).toBe(201)
      const id = String(obj(good.json).id)
      const broken = await t.call('PATCH', `/api/farm/templates/${id}`, { source: { kind: 'api', prompt: cyclic() } })
      expect(broken.status).toBe(422)
      const kept = await t.call('GET', `/api/farm/templates/${id}`)
      expect(obj(kept.json).prompt).toEqual(textToImagePrompt())
    })

    it('still accepts a well-formed workflow', async () => {
      expect((await submit(textToImagePrompt())).status).toBe(201)
    })
  })
}
