// Compatibility and submit refusal on both engines against two real simulators: a full one and
// a stills-only one without the video nodes and models. A template's compatibility lists per
// backend what is missing; a job no online backend can run is refused with the same lists; a
// parameter of the wrong type or outside the template's bounds is a 400 naming it.
import { DEFAULT_INSTALLED_MODELS, defaultObjectInfo, type Simulator, startSimulator } from '@aipipeline/comfyui'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FarmTestStudio, farmTestStudio, registerSimulator } from '../../../test-kits/farm/farm-test.fixture'

type Json = Record<string, unknown>
function obj(value: unknown): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('expected an object')
  return Object.fromEntries(Object.entries(value))
}
function list(value: unknown, key = 'items'): Json[] {
  const items = obj(value)[key]
  if (!Array.isArray(items)) throw new Error(`expected ${key}`)
  return items.map(obj)
}

/** A stills box: no Wan nodes, no video diffusion models. */
function stillsObjectInfo() {
  const info = defaultObjectInfo({ ...DEFAULT_INSTALLED_MODELS, diffusion_models: [] })
  delete info.WanImageToVideo
  return info
}

for (const engine of testEngines('template compatibility API')) {
  describe(`template compatibility API [${engine}]`, () => {
    let t: FarmTestStudio
    let full: Simulator
    let stills: Simulator
    let fullId: string
    let stillsId: string
    const templateId = async (name: string) =>
      String(list((await t.call('GET', '/api/farm/templates')).json).find((x) => x.name === name)?.id)

    beforeAll(async () => {
      t = await farmTestStudio(engine)
      await t.studio.farm.templates.seedLibrary()
      full = await startSimulator({ name: 'gpu-full', timeScale: 0.001, vramGb: 80 })
      stills = await startSimulator({
        name: 'gpu-stills',
        timeScale: 0.001,
        objectInfo: stillsObjectInfo(),
        installedModels: { ...DEFAULT_INSTALLED_MODELS, diffusion_models: [] },
      })
      fullId = await registerSimulator(t, full)
      stillsId = await registerSimulator(t, stills)
    })
    afterAll(async () => {
      await full.close()
      await stills.close()
      await t.studio.close()
    })

    it('lists per backend whether it can run a template and which node classes and models it lacks', async () => {
      const id = await templateId('Wan 2.2 image to video')
      const res = await t.call('GET', `/api/farm/templates/${id}/compatibility`, undefined, t.artist)
      expect(res.status).toBe(200)
      const byId = new Map(list(res.json, 'backends').map((b) => [b.backendId, b]))
      expect(byId.get(fullId)).toMatchObject({ name: 'gpu-full', ok: true, missingNodeClasses: [], missingModels: [] })
      expect(byId.get(stillsId)).toMatchObject({
        name: 'gpu-stills',
        ok: false,
        missingNodeClasses: ['WanImageToVideo'],
      })
      expect(byId.get(stillsId)?.missingModels).toEqual([
        { folder: 'diffusion_models', name: 'wan2.2_i2v_high_noise_14B_fp8_scaled.safetensors' },
        { folder: 'diffusion_models', name: 'wan2.2_i2v_low_noise_14B_fp8_scaled.safetensors' },
      ])
      const sd = await templateId('SD 1.5 text to image')
      const both = list((await t.call('GET', `/api/farm/templates/${sd}/compatibility`)).json, 'backends')
      expect(both.map((b) => b.ok)).toEqual([true, true])
      expect((await t.call('GET', '/api/farm/templates/nope/compatibility')).status).toBe(404)
    })

    it('refuses a template job no online backend can run, listing what each one lacks', async () => {
      await t.call('PATCH', `/api/farm/backends/${fullId}`, { enabled: false })
      try {
        const before = list((await t.call('GET', '/api/farm/jobs')).json).length
        const id = await templateId('Wan 2.2 image to video')
        const res = await t.call('POST', '/api/farm/jobs', {
          source: { kind: 'template', templateId: id },
          parameters: { image: 'start.png' },
        })
        expect(res.status).toBe(422)
        const error = obj(obj(res.json).error)
        expect(String(error.message)).toMatch(
          /gpu-stills lacks node classes WanImageToVideo and models diffusion_models\//,
        )
        expect(list(error.details, 'backends')).toEqual([
          expect.objectContaining({ backendId: stillsId, ok: false, missingNodeClasses: ['WanImageToVideo'] }),
        ])
        expect(list((await t.call('GET', '/api/farm/jobs')).json)).toHaveLength(before)
      } finally {
        await t.call('PATCH', `/api/farm/backends/${fullId}`, { enabled: true })
      }
    })

    it('accepts it once a backend that can run it is online', async () => {
      const id = await templateId('Wan 2.2 image to video')
      const res = await t.call('POST', '/api/farm/jobs', {
        source: { kind: 'template', templateId: id },
        parameters: { image: 'start.png', frames: 33 },
      })
      expect(res.status).toBe(201)
      expect(obj(res.json).templateId).toBe(id)
    })

    it('names a parameter of the wrong type or outside the template bounds, storing no job', async () => {
      const id = await templateId('SD 1.5 text to image')
      const before = list((await t.call('GET', '/api/farm/jobs')).json).length
      const wrongType = await t.call('POST', '/api/farm/jobs', {
        source: { kind: 'template', templateId: id },
        parameters: { steps: 'twenty' },
      })
      expect(wrongType.status).toBe(400)
      expect(JSON.stringify(wrongType.json)).toMatch(/parameters\.steps/)
      const tooMany = await t.call('POST', '/api/farm/jobs', {
        source: { kind: 'template', templateId: id },
        parameters: { steps: 500, width: 32 },
      })
      expect(tooMany.status).toBe(400)
      const issues = list(obj(tooMany.json).error, 'issues').map((i) => i.path)
      expect(issues).toEqual(['parameters.width', 'parameters.steps'])
      expect(list((await t.call('GET', '/api/farm/jobs')).json)).toHaveLength(before)
    })
  })
}
