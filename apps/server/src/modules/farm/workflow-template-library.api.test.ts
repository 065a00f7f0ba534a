// The template library through the API on both engines: seeding is idempotent, a newer shipped
// revision updates an unedited built-in and spares an edited one, every edit keeps the previous
// revision, and metadata patches name the parameters they do not know.
import { createWorkflowTemplateRepository } from '@aipipeline/db'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FarmTestStudio, farmTestStudio } from '../../../test-kits/farm/farm-test.fixture'
import { libraryTemplates } from './template-library/template-library'
import { seedTemplateLibrary } from './template-library-seeding'

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

for (const engine of testEngines('workflow template library API')) {
  describe(`workflow template library API [${engine}]`, () => {
    let t: FarmTestStudio
    const library = libraryTemplates()
    beforeAll(async () => {
      t = await farmTestStudio(engine)
    })
    afterAll(async () => t.studio.close())

    const byName = async (name: string) =>
      list((await t.call('GET', '/api/farm/templates')).json).find((x) => x.name === name)

    it('seeds the library once, as built-in templates at revision 1, however often the studio starts', async () => {
      const first = await t.studio.farm.templates.seedLibrary()
      expect(first.inserted).toHaveLength(library.length)
      const again = await t.studio.farm.templates.seedLibrary()
      expect(again).toEqual({ inserted: [], updated: [], keptEdited: [] })
      const items = list((await t.call('GET', '/api/farm/templates', undefined, t.artist)).json)
      expect(items).toHaveLength(library.length)
      const wan = items.find((i) => i.name === 'Wan 2.2 image to video')
      expect(wan).toMatchObject({ builtIn: true, revision: 1, modelFamily: 'wan-2.2', category: 'image-to-video' })
      expect(wan?.outputs).toEqual(['video'])
      expect(obj(wan?.requirements).nodeClasses).toContain('WanImageToVideo')
    })

    it('updates an unedited built-in to a newer shipped revision and keeps one a user edited', async () => {
      const edited = await byName('SD 1.5 inpaint')
      const patch = await t.call('PATCH', `/api/farm/templates/${edited?.id}`, {
        parameters: { steps: { label: 'Sampling steps', max: 60 } },
      })
      expect(patch.status).toBe(200)
      expect(obj(patch.json).revision).toBe(2)
      const newer = library.map((l) =>
        l.key === 'sd15-text-to-image' || l.key === 'sd15-inpaint'
          ? { ...l, revision: l.revision + 1, description: `${l.description} (improved)` }
          : l,
      )
      const report = await seedTemplateLibrary(createWorkflowTemplateRepository(t.studio.testDb.handle.db), newer)
      expect(report).toEqual({ inserted: [], updated: ['sd15-text-to-image'], keptEdited: ['sd15-inpaint'] })
      const updated = await byName('SD 1.5 text to image')
      expect(updated).toMatchObject({ revision: 2, builtIn: true })
      expect(String(updated?.description)).toMatch(/\(improved\)$/)
      const kept = await byName('SD 1.5 inpaint')
      expect(kept?.description).not.toMatch(/improved/)
      const steps = list(kept, 'parameters').find((p) => p.name === 'steps')
      expect(steps).toMatchObject({ label: 'Sampling steps', max: 60, role: 'steps' })
      const revisions = obj((await t.call('GET', `/api/farm/templates/${updated?.id}/revisions`)).json)
      expect(revisions.currentRevision).toBe(2)
      expect(list(revisions)).toEqual([expect.objectContaining({ revision: 1, editedBy: null })])
    })

    it('keeps every previous revision of a user template with who replaced it', async () => {
      const created = await t.call('POST', '/api/farm/templates', {
        name: 'my still',
        source: { kind: 'api', prompt: library[0]?.prompt },
        parameters: { width: { label: 'Breite' } },
      })
      expect(created.status).toBe(201)
      const tpl = obj(created.json)
      expect(tpl).toMatchObject({ builtIn: false, revision: 1, modelFamily: 'sd15', category: 'text-to-image' })
      expect(list(tpl, 'parameters').find((p) => p.name === 'width')?.label).toBe('Breite')
      const id = String(tpl.id)
      await t.call('PATCH', `/api/farm/templates/${id}`, { name: 'my still v2' })
      await t.call('PATCH', `/api/farm/templates/${id}`, { category: 'custom', parameters: { width: { label: null } } })
      const unchanged = await t.call('PATCH', `/api/farm/templates/${id}`, { name: 'my still v2' })
      expect(obj(unchanged.json).revision).toBe(3)
      const revisions = obj((await t.call('GET', `/api/farm/templates/${id}/revisions`, undefined, t.artist)).json)
      expect(revisions.currentRevision).toBe(3)
      expect(list(revisions).map((r) => [r.revision, r.name])).toEqual([
        [2, 'my still v2'],
        [1, 'my still'],
      ])
      const admin = obj((await t.call('GET', '/api/me')).json)
      expect(list(revisions)[0]?.editedBy).toBe(obj(admin.user ?? admin).id)
      const first = obj((await t.call('GET', `/api/farm/templates/${id}/revisions/1`)).json)
      expect(first).toMatchObject({ revision: 1, name: 'my still', category: 'text-to-image' })
      expect(list(first, 'parameters').find((p) => p.name === 'width')?.label).toBe('Breite')
      const current = obj((await t.call('GET', `/api/farm/templates/${id}/revisions/3`)).json)
      expect(current).toMatchObject({ revision: 3, name: 'my still v2', category: 'custom' })
      expect(list(current, 'parameters').find((p) => p.name === 'width')?.label).toBeUndefined()
      expect((await t.call('GET', `/api/farm/templates/${id}/revisions/9`)).status).toBe(404)
    })

    it('refuses parameter patches for unknown names or ill-typed defaults, naming them', async () => {
      const tpl = await byName('FLUX.1 dev text to image')
      const unknown = await t.call('PATCH', `/api/farm/templates/${tpl?.id}`, {
        parameters: { colour: { label: 'x' }, negative: { role: 'negative' } },
      })
      expect(unknown.status).toBe(400)
      expect(JSON.stringify(unknown.json)).toMatch(/"colour".*"negative"|colour.*negative/)
      const badDefault = await t.call('PATCH', `/api/farm/templates/${tpl?.id}`, {
        parameters: { steps: { default: 'many' } },
      })
      expect(badDefault.status).toBe(400)
      expect(JSON.stringify(badDefault.json)).toMatch(/parameters\.steps\.default/)
      const badRole = await t.call('PATCH', `/api/farm/templates/${tpl?.id}`, {
        parameters: { steps: { role: 'zoom' } },
      })
      expect(badRole.status).toBe(400)
      expect(obj((await t.call('GET', `/api/farm/templates/${tpl?.id}`)).json).revision).toBe(1)
    })
  })
}
