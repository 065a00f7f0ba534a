// The CPE API as a client sees it: each endpoint over real HTTP (app.inject), bad configs as
// 400s naming the field path, unknown ids as the engine's violations or a 404, never a 500.
import { CpeAppliedPreset, CpeGeneratedPrompts, CpeOptions, CpeValidation, ErrorBody } from '@aipipeline/contracts'
import { CameraBody, defaultCatalog, FilmStock, LensFamily, Preset, TARGET_MODELS } from '@aipipeline/cpe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

const catalog = defaultCatalog()
const digital = catalog.records.cameras.find((c) => c.medium === 'digital' && c.availability.from >= 2010)
const vision3 = catalog.records.filmStocks.find((s) => s.id.includes('5219'))
const liveAction = catalog.records.presets.find((p) => p.kind === 'live-action' && p.locks.length > 0)

const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number() })

describe('Cinematic Prompt Engine API', () => {
  let studio: TestStudio
  let auth: Record<string, string>
  beforeAll(async () => {
    studio = await createTestStudio('sqlite')
    auth = { authorization: `Bearer ${(await studio.signIn('artist')).accessToken}` }
  })
  afterAll(async () => studio.close())

  const post = (url: string, payload: unknown) =>
    studio.app.inject({
      method: 'POST',
      url,
      payload: JSON.stringify(payload),
      headers: { 'content-type': 'application/json', ...auth },
    })
  const get = (url: string) => studio.app.inject({ method: 'GET', url, headers: auth })

  it('needs a signed-in caller', async () => {
    const res = await studio.app.inject({ method: 'GET', url: '/api/cpe/cameras' })
    expect(res.statusCode).toBe(401)
  })

  it('validates a config and reports a film stock on a digital camera as a HARD violation in both languages', async () => {
    if (!digital || !vision3) throw new Error('catalog lacks a digital camera or Vision3 5219')
    const res = await post('/api/cpe/validate', {
      config: { camera: { bodyId: digital.id }, film: { stockId: vision3.id } },
    })
    expect(res.statusCode).toBe(200)
    const body = CpeValidation.parse(res.json())
    expect(body.status).toBe('invalid')
    const violation = body.violations.find((v) => v.fields.includes('film.stockId') && v.severity === 'hard')
    expect(violation?.message.en).toContain('digital')
    expect(violation?.message.ko).toMatch(/[가-힣]/)
  })

  it('answers an empty config as valid', async () => {
    const res = await post('/api/cpe/validate', { config: {} })
    expect(CpeValidation.parse(res.json()).status).toBe('valid')
  })

  it('reports unknown ids as the engine’s violations, not as errors', async () => {
    const res = await post('/api/cpe/validate', { config: { camera: { bodyId: 'no-such-camera' } } })
    expect(res.statusCode).toBe(200)
    const body = CpeValidation.parse(res.json())
    expect(body.violations.map((v) => v.ruleId)).toContain('unknown-reference')
    expect(body.violations[0]?.fields).toEqual(['camera.bodyId'])
  })

  it('refuses a malformed config with 400 naming each field path', async () => {
    const res = await post('/api/cpe/validate', { config: { camera: { bodyId: 3 }, shot: { size: 'huge' } } })
    expect(res.statusCode).toBe(400)
    const error = ErrorBody.parse(res.json()).error
    expect(error.code).toBe('validation_failed')
    const paths = error.issues?.map((i) => i.path) ?? []
    expect(paths).toContain('body.config.camera.bodyId')
    expect(paths).toContain('body.config.shot.size')
  })

  it('refuses unknown config keys (a typo is not silently ignored)', async () => {
    const res = await post('/api/cpe/validate', { config: { camera: { lens: 'x' } } })
    expect(res.statusCode).toBe(400)
    expect(ErrorBody.parse(res.json()).error.message).toContain('body.config.camera')
  })

  it('lists allowed and excluded options with the reason, optionally for some fields only', async () => {
    if (!digital) throw new Error('no digital camera')
    const res = await post('/api/cpe/options', {
      config: { camera: { bodyId: digital.id } },
      fields: ['film.stockId', 'shot.size'],
    })
    expect(res.statusCode).toBe(200)
    const { fields } = CpeOptions.parse(res.json())
    expect(Object.keys(fields).sort()).toEqual(['film.stockId', 'shot.size'])
    expect(fields['film.stockId']?.allowed).toEqual([])
    expect(fields['film.stockId']?.disallowed[0]?.reasons[0]?.ruleId).toBe('stock-on-digital-camera')
    expect(fields['shot.size']?.allowed).toContain('close-up')
  })

  it('refuses an unknown field name in an options request', async () => {
    const res = await post('/api/cpe/options', { config: {}, fields: ['camera.colour'] })
    expect(res.statusCode).toBe(400)
    expect(ErrorBody.parse(res.json()).error.issues?.[0]?.path).toBe('body.fields.0')
  })

  it('writes a prompt for every target model, each with its parameters', async () => {
    const config = {
      camera: { aspectRatioId: 'ar-2-39' },
      shot: { size: 'close-up' },
      content: { subject: 'an old fisherman', setting: 'a harbour at dawn', details: [] },
    }
    const res = await post('/api/cpe/generate-prompt', { config })
    expect(res.statusCode).toBe(200)
    const body = CpeGeneratedPrompts.parse(res.json())
    expect(body.prompts.map((p) => p.model)).toEqual(TARGET_MODELS.map((m) => m.id))
    for (const p of body.prompts) expect(p.prompt).toContain('fisherman')
    expect(body.prompts.find((p) => p.model === 'sdxl')?.negativePrompt).toBeTruthy()
    expect(body.prompts.find((p) => p.model === 'flux-dev')?.negativePrompt).toBeUndefined()
    expect(new Set(body.prompts.map((p) => p.prompt)).size).toBeGreaterThan(3)
  })

  it('writes a prompt for one model and reports budget cuts as warnings', async () => {
    const details = Array.from({ length: 40 }, (_, i) => `an unusually long descriptive detail phrase number ${i}`)
    const res = await post('/api/cpe/generate-prompt', {
      config: { content: { subject: 'a lighthouse keeper', details } },
      model: 'flux-schnell',
    })
    const body = CpeGeneratedPrompts.parse(res.json())
    expect(body.prompts).toHaveLength(1)
    expect(body.prompts[0]?.model).toBe('flux-schnell')
    expect(body.prompts[0]?.warnings.length).toBeGreaterThan(0)
  })

  it('refuses an unknown target model with 400', async () => {
    const res = await post('/api/cpe/generate-prompt', { config: {}, model: 'dall-e' })
    expect(res.statusCode).toBe(400)
    expect(ErrorBody.parse(res.json()).error.issues?.[0]?.path).toBe('body.model')
  })

  it('applies a preset: fills the config, reports its locks and validates the result', async () => {
    if (!liveAction) throw new Error('no live-action preset with locks')
    const res = await post('/api/cpe/apply-preset', { presetId: liveAction.id, config: { shot: { size: 'wide' } } })
    expect(res.statusCode).toBe(200)
    const body = CpeAppliedPreset.parse(res.json())
    expect(body.config.presetId).toBe(liveAction.id)
    expect(body.config.shot.size).toBe('wide')
    expect(body.locks).toEqual(liveAction.locks)
    expect(body.validation.violations.filter((v) => v.severity === 'hard')).toEqual([])
  })

  it('answers 404 for an unknown preset', async () => {
    const applied = await post('/api/cpe/apply-preset', { presetId: 'no-such-look' })
    expect(applied.statusCode).toBe(404)
    const res = await get('/api/cpe/presets/no-such-look')
    expect(res.statusCode).toBe(404)
    expect(ErrorBody.parse(res.json()).error.code).toBe('not_found')
  })

  it('returns one preset with its sources', async () => {
    if (!liveAction) throw new Error('no live-action preset')
    const res = await get(`/api/cpe/presets/${liveAction.id}`)
    expect(res.statusCode).toBe(200)
    const preset = Preset.parse(res.json())
    expect(preset.id).toBe(liveAction.id)
    expect(preset.sources.length).toBeGreaterThan(0)
  })

  it('filters presets by kind, decade and title search', async () => {
    const Summary = list(z.object({ id: z.string(), kind: z.string(), title: z.string(), year: z.number().nullable() }))
    const animation = Summary.parse((await get('/api/cpe/presets?kind=animation')).json())
    expect(animation.total).toBeGreaterThanOrEqual(43)
    expect(animation.items.every((p) => p.kind === 'animation')).toBe(true)

    const seventies = Summary.parse((await get('/api/cpe/presets?kind=live-action&decade=1970')).json())
    expect(seventies.total).toBeGreaterThan(0)
    expect(seventies.items.every((p) => p.year !== null && p.year >= 1970 && p.year <= 1979)).toBe(true)

    const era = Summary.parse((await get('/api/cpe/presets?from=1990&to=2009')).json())
    expect(era.items.every((p) => p.year !== null && p.year >= 1990 && p.year <= 2009)).toBe(true)

    const found = Summary.parse((await get('/api/cpe/presets?q=METROPOLIS')).json())
    expect(found.items.map((p) => p.title)).toContain('Metropolis')
  })

  it('refuses a decade that does not start a decade, naming the query field', async () => {
    const res = await get('/api/cpe/presets?decade=1975')
    expect(res.statusCode).toBe(400)
    expect(ErrorBody.parse(res.json()).error.issues?.[0]?.path).toBe('querystring.decade')
  })

  it('lists cameras filtered by medium, maker, year and mount', async () => {
    const all = list(CameraBody).parse((await get('/api/cpe/cameras')).json())
    expect(all.total).toBeGreaterThanOrEqual(150)
    const film2000 = list(CameraBody).parse((await get('/api/cpe/cameras?medium=film&year=2000&maker=arri')).json())
    expect(film2000.items.length).toBeGreaterThan(0)
    for (const c of film2000.items) {
      expect(c.medium).toBe('film')
      expect(c.maker.toLowerCase()).toBe('arri')
      expect(c.availability.from).toBeLessThanOrEqual(2000)
    }
    expect(film2000.items.map((c) => c.id)).toContain('arri-arricam-lt')
    const lpl = list(CameraBody).parse((await get('/api/cpe/cameras?mount=lpl')).json())
    expect(lpl.items.length).toBeGreaterThan(0)
    expect(lpl.items.every((c) => c.mountIds.includes('lpl'))).toBe(true)
  })

  it('lists lenses, stocks, lights, supports, aspect ratios, formats and rules with filters', async () => {
    const lenses = list(LensFamily).parse((await get('/api/cpe/lenses?optics=anamorphic')).json())
    expect(lenses.total).toBeGreaterThan(0)
    expect(lenses.items.every((l) => l.optics === 'anamorphic')).toBe(true)

    const stocks = list(FilmStock).parse((await get('/api/cpe/stocks?gauge=16mm&year=2015')).json())
    expect(stocks.items.every((s) => s.gauges.includes('16mm'))).toBe(true)

    const lights = list(
      z.object({ id: z.string(), practical: z.boolean(), availability: z.object({ from: z.number() }) }),
    )
    const early = lights.parse((await get('/api/cpe/lights?year=1960&practical=false')).json())
    expect(early.items.every((l) => !l.practical && l.availability.from <= 1960)).toBe(true)
    expect(early.items.map((l) => l.id)).not.toContain('hmi')

    const Rec = list(z.object({ id: z.string() }))
    expect(Rec.parse((await get('/api/cpe/supports?minPayloadKg=20')).json()).total).toBeGreaterThan(0)
    expect(Rec.parse((await get('/api/cpe/aspect-ratios?year=1950')).json()).total).toBeGreaterThan(0)
    expect(Rec.parse((await get('/api/cpe/formats?medium=digital')).json()).total).toBeGreaterThan(0)

    const rules = list(z.object({ id: z.string(), severity: z.string(), sampleMessage: z.object({ ko: z.string() }) }))
    const hard = rules.parse((await get('/api/cpe/rules?severity=hard')).json())
    expect(hard.total).toBeGreaterThan(10)
    expect(hard.items.every((r) => r.severity === 'hard')).toBe(true)
    expect(rules.parse((await get('/api/cpe/rules')).json()).total).toBeGreaterThanOrEqual(60)
  })

  it('refuses bad filters with 400 naming the query field', async () => {
    for (const [url, path] of [
      ['/api/cpe/cameras?medium=vhs', 'querystring.medium'],
      ['/api/cpe/cameras?year=soon', 'querystring.year'],
      ['/api/cpe/lights?practical=maybe', 'querystring.practical'],
      ['/api/cpe/rules?severity=fatal', 'querystring.severity'],
    ] as const) {
      const res = await get(url)
      expect(res.statusCode, url).toBe(400)
      expect(ErrorBody.parse(res.json()).error.issues?.[0]?.path, url).toBe(path)
    }
  })
})
