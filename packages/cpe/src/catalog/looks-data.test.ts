// The look data (film stocks, light sources, live-action presets, animation styles) parses,
// refers only to gear that exists, and never puts gear in a film made before that gear existed.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import aspectRatiosJson from '../../data/aspect-ratios.json'
import camerasJson from '../../data/cameras.json'
import captureFormatsJson from '../../data/capture-formats.json'
import filmStocksJson from '../../data/film-stocks.json'
import lensesJson from '../../data/lenses.json'
import lightSourcesJson from '../../data/light-sources.json'
import animationJson from '../../data/presets-animation.json'
import liveActionJson from '../../data/presets-live-action.json'
import supportsJson from '../../data/supports.json'
import { validate } from '../engine/validate'
import {
  AnimationStyle,
  type LiveActionPreset,
  LiveActionPreset as LiveActionPresetSchema,
} from '../presets/preset.schema'
import { defaultCatalog } from './catalog'
import { FilmStock, LightSource } from './catalog.schema'

const stocks = z.array(FilmStock).parse(filmStocksJson)
const lights = z.array(LightSource).parse(lightSourcesJson)
const liveAction = z.array(LiveActionPresetSchema).parse(liveActionJson)
const animation = z.array(AnimationStyle).parse(animationJson)

// Gear files belong to the gear catalog and have their own tests; here only ids and years matter.
const Dated = z.looseObject({
  id: z.string(),
  availability: z.object({ from: z.number(), to: z.number().nullable() }),
})
const datedById = (json: unknown) =>
  new Map(
    z
      .array(Dated)
      .parse(json)
      .map((d) => [d.id, d]),
  )

type GearKind = 'camera' | 'lens' | 'format' | 'aspect ratio' | 'support' | 'stock' | 'light'
const dated: Record<GearKind, ReadonlyMap<string, z.infer<typeof Dated>>> = {
  camera: datedById(camerasJson),
  lens: datedById(lensesJson),
  format: datedById(captureFormatsJson),
  'aspect ratio': datedById(aspectRatiosJson),
  support: datedById(supportsJson),
  stock: datedById(stocks),
  light: datedById(lights),
}

type Ref = { kind: GearKind; id: string }

/** Every catalog id a preset names, in its config and in its documented gear. */
function referencedIds(p: LiveActionPreset): Ref[] {
  const { camera, film, lighting } = p.config
  const refs: Ref[] = []
  const add = (kind: GearKind, ids: readonly (string | undefined)[]) => {
    for (const id of ids) if (id !== undefined) refs.push({ kind, id })
  }
  add('camera', [camera?.bodyId, ...p.gear.cameraIds])
  add('lens', [camera?.lensId, ...p.gear.lensIds])
  add('format', [camera?.formatId])
  add('aspect ratio', [camera?.aspectRatioId, ...p.gear.aspectRatioIds])
  add('support', [camera?.supportId])
  add('stock', [film?.stockId, ...p.gear.stockIds])
  add('light', [...(lighting?.sourceIds ?? []), ...(lighting?.practicalIds ?? []), ...p.gear.lightSourceIds])
  return refs
}

/**
 * Gear must exist by the production year. Stocks and lights also end (a discontinued stock cannot
 * be bought); for other gear the end year marks the end of common use, and revivals are real
 * (La La Land framed CinemaScope 2.55:1 in 2015).
 */
function anachronisms(p: LiveActionPreset): string[] {
  const year = p.config.productionYear
  if (year === undefined) return [`${p.id}: no productionYear`]
  return referencedIds(p).flatMap(({ kind, id }) => {
    const record = dated[kind].get(id)
    if (record === undefined) return []
    const { from, to } = record.availability
    const ended = (kind === 'stock' || kind === 'light') && to !== null && to < year
    return from > year || ended ? [`${p.id}: ${kind} ${id} (${from}–${to ?? 'now'}) in ${year}`] : []
  })
}

const stock = (id: string) => {
  const s = stocks.find((x) => x.id === id)
  if (s === undefined) throw new Error(`no stock ${id}`)
  return s
}
const light = (id: string) => {
  const l = lights.find((x) => x.id === id)
  if (l === undefined) throw new Error(`no light ${id}`)
  return l
}
const preset = (id: string) => {
  const p = liveAction.find((x) => x.id === id)
  if (p === undefined) throw new Error(`no preset ${id}`)
  return p
}
const Section = z.record(z.string(), z.unknown())
/** The value at a dotted config path such as `camera.lensId`, or undefined. */
function valueAt(config: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => Section.optional().catch(undefined).parse(node)?.[key], config)
}
const uniqueIds = (items: readonly { id: string }[]) => new Set(items.map((i) => i.id)).size === items.length

describe('film stocks', () => {
  it('holds at least 50 sourced stocks with unique ids', () => {
    expect(stocks.length).toBeGreaterThanOrEqual(50)
    expect(uniqueIds(stocks)).toBe(true)
    for (const s of stocks) expect(s.sources.length, s.id).toBeGreaterThanOrEqual(1)
  })

  it('lists product codes only for gauges the stock was made in', () => {
    for (const s of stocks) {
      for (const gauge of Object.keys(s.codes)) expect(s.gauges, `${s.id} code for ${gauge}`).toContain(gauge)
    }
  })

  it('gives a colour balance to colour stocks and none to black-and-white stocks', () => {
    for (const s of stocks) {
      const bw = s.type === 'bw-negative' || s.type === 'bw-reversal'
      expect(s.balance === null, s.id).toBe(bw)
    }
  })

  it('covers every era from orthochromatic to Vision3', () => {
    const decades = new Set(stocks.map((s) => Math.floor(s.availability.from / 10) * 10))
    for (const decade of [1890, 1920, 1930, 1950, 1960, 1970, 1980, 1990, 2000, 2010]) expect(decades).toContain(decade)
  })
})

describe('light sources', () => {
  it('holds at least 30 sourced sources with unique ids', () => {
    expect(lights.length).toBeGreaterThanOrEqual(30)
    expect(uniqueIds(lights)).toBe(true)
    for (const l of lights) expect(l.sources.length, l.id).toBeGreaterThanOrEqual(1)
  })

  it('never marks a natural source as a story-world practical', () => {
    for (const l of lights.filter((x) => x.natural)) expect(l.practical, l.id).toBe(false)
  })

  it('keeps colour temperature ranges ordered', () => {
    for (const l of lights) expect(l.colourTemperatureK.min, l.id).toBeLessThanOrEqual(l.colourTemperatureK.max)
  })
})

describe('animation styles', () => {
  it('holds at least 43 sourced styles with unique ids', () => {
    expect(animation.length).toBeGreaterThanOrEqual(43)
    expect(uniqueIds(animation)).toBe(true)
    for (const a of animation) expect(a.sources.length, a.id).toBeGreaterThanOrEqual(1)
  })

  it('fills an animation config naming the style and its motion', () => {
    for (const a of animation) {
      expect(a.config.kind, a.id).toBe('animation')
      expect(a.config.animation?.styleId, a.id).toBe(a.id)
      expect(a.config.animation?.motion, a.id).toBe(a.motion)
      expect(a.config.camera?.bodyId, a.id).toBeUndefined()
      expect(a.config.film?.stockId, a.id).toBeUndefined()
    }
  })

  it('spans the taxonomy domains: 2D, anime, stop-motion, rotoscope, painterly, 3D, pixel art', () => {
    const domains = new Set(animation.map((a) => a.domain))
    for (const d of [
      'traditional-2d',
      'anime',
      'stop-motion',
      'clay',
      'rotoscope',
      'painterly',
      '3d-cgi',
      'stylized-3d',
      'pixel-art',
    ]) {
      expect(domains).toContain(d)
    }
  })
})

describe('live-action presets', () => {
  it('holds at least 50 sourced presets with unique ids', () => {
    expect(liveAction.length).toBeGreaterThanOrEqual(50)
    expect(uniqueIds(liveAction)).toBe(true)
    for (const p of liveAction) expect(p.sources.length, p.id).toBeGreaterThanOrEqual(1)
  })

  it('sets a live-action config with a production year no later than release', () => {
    for (const p of liveAction) {
      expect(p.config.kind, p.id).toBe('live-action')
      expect(p.config.productionYear, p.id).toBeDefined()
      expect(p.config.productionYear ?? Number.POSITIVE_INFINITY, p.id).toBeLessThanOrEqual(p.year)
    }
  })

  it('refers only to gear that exists in the catalog', () => {
    const unknown = liveAction.flatMap((p) =>
      referencedIds(p)
        .filter(({ kind, id }) => !dated[kind].has(id))
        .map(({ kind, id }) => `${p.id}: ${kind} ${id}`),
    )
    expect(unknown).toEqual([])
  })

  it('uses no gear that did not exist in the production year', () => {
    expect(liveAction.flatMap(anachronisms)).toEqual([])
  })

  it('locks only fields the preset sets, and never a mood it disallows', () => {
    for (const p of liveAction) {
      for (const path of p.locks) expect(valueAt(p.config, path), `${p.id} locks ${path}`).toBeDefined()
      const mood = p.config.look?.mood
      if (mood !== undefined) expect(p.disallowedMoods, p.id).not.toContain(mood)
    }
  })

  it('fills configs the engine accepts, with no hard violation the preset does not declare', () => {
    const catalog = defaultCatalog()
    const undeclared = [...liveAction, ...animation].flatMap((p) => {
      const intended = new Set(p.intendedViolations.map((v) => v.ruleId))
      const result = validate({ ...p.config, presetId: p.id }, catalog)
      expect(result.status, p.id).not.toBe('malformed')
      return result.violations
        .filter((v) => v.severity === 'hard' && !intended.has(v.ruleId))
        .map((v) => `${p.id}: ${v.ruleId}`)
    })
    expect(undeclared).toEqual([])
  })

  it('spots an anachronism when a preset is moved before its gear existed', () => {
    const moonlight = preset('moonlight-2016')
    const early = { ...moonlight, config: { ...moonlight.config, productionYear: 1999 } }
    expect(anachronisms(early).length).toBeGreaterThan(0)
  })
})

describe('known facts', () => {
  it('Kodak Vision3 500T 5219 is a 35 mm tungsten negative rated EI 500', () => {
    const s = stock('kodak-vision3-500t-5219')
    expect(s.codes['35mm']).toBe('5219')
    expect(s.codes['16mm']).toBe('7219')
    expect(s.gauges).toContain('35mm')
    expect(s.balance).toBe('tungsten')
    expect(s.exposureIndex).toBe(500)
    expect(s.type).toBe('colour-negative')
  })

  it('Eastman Double-X 5222 is black and white, from 1959, still made', () => {
    const s = stock('kodak-double-x-5222')
    expect(s.type).toBe('bw-negative')
    expect(s.balance).toBeNull()
    expect([s.availability.from, s.availability.to]).toEqual([1959, null])
  })

  it('Double-X in 65 mm exists only from 2022 (made for Oppenheimer)', () => {
    const s = stock('kodak-double-x-5222-65mm')
    expect(s.gauges).toEqual(['65mm'])
    expect(s.availability.from).toBe(2022)
    expect(stock('kodak-double-x-5222').gauges).not.toContain('65mm')
  })

  it('HMI lamps were introduced by Osram in 1969 and first lit film sets in 1972', () => {
    expect([light('hmi').availability.from, light('hmi').availability.firstDelivery]).toEqual([1969, 1972])
  })

  it('Kino Flo tubes date from 1987', () => {
    expect(light('kino-flo').availability.from).toBe(1987)
  })

  it('Vision 500T 5279 dates from 1996, so Pulp Fiction (shot 1993) used EXR 50D 5245', () => {
    expect(stock('kodak-vision-500t-5279').availability.from).toBe(1996)
    const pulp = preset('pulp-fiction-1994')
    expect(pulp.config.film?.stockId).toBe('kodak-exr-50d-5245')
    expect(pulp.gear.stockIds).not.toContain('kodak-vision-500t-5279')
  })

  it('EXR 50D 5245 is a 1989 daylight stock rated EI 50', () => {
    const s = stock('kodak-exr-50d-5245')
    expect(s.availability.from).toBe(1989)
    expect(s.balance).toBe('daylight')
    expect(s.exposureIndex).toBe(50)
  })

  it('5247 was the first Eastman colour negative (1950) and later ECN II 100T (1974)', () => {
    expect(stock('kodak-eastman-color-negative-5247').availability.from).toBe(1950)
    const ecn2 = stock('kodak-eastman-color-negative-ii-5247')
    expect(ecn2.availability.from).toBe(1974)
    expect(ecn2.exposureIndex).toBe(100)
    expect(ecn2.balance).toBe('tungsten')
  })

  it('5250 is a late-1950s 50-speed tungsten negative, not EXR 50D', () => {
    const s = stock('kodak-eastman-color-negative-5250')
    expect(s.availability.from).toBe(1959)
    expect(s.exposureIndex).toBe(50)
    expect(s.balance).toBe('tungsten')
  })

  it('Citizen Kane was shot on Super-XX with a Mitchell BNC at 1.37:1', () => {
    const kane = preset('citizen-kane-1941')
    expect(kane.config.film?.stockId).toBe('kodak-super-xx')
    expect(kane.config.camera?.aspectRatioId).toBe('ar-1-37')
    expect(kane.gear.cameraIds).toContain('mitchell-bnc')
  })

  it('Barry Lyndon used a Mitchell BNC and candlelight, never an ARRICAM', () => {
    const lyndon = preset('barry-lyndon-1975')
    expect(lyndon.gear.cameraIds).toContain('mitchell-bnc')
    expect(lyndon.gear.cameraIds.some((id) => id.startsWith('arri-arricam'))).toBe(false)
    expect(lyndon.config.lighting?.sourceIds).toEqual(['candle'])
  })

  it('Schindler’s List is black-and-white Double-X at 1.85:1 on pre-ARRICAM bodies', () => {
    const schindler = preset('schindlers-list-1993')
    expect(schindler.config.film?.stockId).toBe('kodak-double-x-5222')
    expect(schindler.config.camera?.aspectRatioId).toBe('ar-1-85')
    expect(schindler.gear.cameraIds.some((id) => id.startsWith('arri-arricam'))).toBe(false)
  })

  it('Breathless was shot on an Éclair Cameflex, not the 16 mm NPR', () => {
    const breathless = preset('breathless-1960')
    expect(breathless.config.camera?.bodyId).toBe('eclair-cameflex')
    expect(breathless.gear.cameraIds).not.toContain('eclair-npr')
  })

  it('Moonlight was an ALEXA XT Plus, not an ALEXA Mini', () => {
    const moonlight = preset('moonlight-2016')
    expect(moonlight.config.camera?.bodyId).toBe('arri-alexa-xt-plus')
    expect(moonlight.gear.cameraIds).not.toContain('arri-alexa-mini')
  })

  it('Mad Max: Fury Road used ALEXA Plus and M bodies, not the XT', () => {
    const furyRoad = preset('mad-max-fury-road-2015')
    expect(furyRoad.gear.cameraIds).toEqual(expect.arrayContaining(['arri-alexa-plus', 'arri-alexa-m']))
    expect(furyRoad.gear.cameraIds.some((id) => id.startsWith('arri-alexa-xt'))).toBe(false)
  })

  it('La La Land framed CinemaScope 2.55:1 and The Hateful Eight Ultra Panavision 2.76:1', () => {
    expect(preset('la-la-land-2016').config.camera?.aspectRatioId).toBe('ar-2-55')
    expect(preset('the-hateful-eight-2015').config.camera?.aspectRatioId).toBe('ar-2-76')
  })

  it('The Lighthouse is Double-X at 1.19:1', () => {
    const lighthouse = preset('the-lighthouse-2019')
    expect(lighthouse.config.film?.stockId).toBe('kodak-double-x-5222')
    expect(lighthouse.config.camera?.aspectRatioId).toBe('ar-1-19')
  })

  it('Oppenheimer mixes IMAX colour negative with the 65 mm Double-X', () => {
    const oppenheimer = preset('oppenheimer-2023')
    expect(oppenheimer.gear.cameraIds).toContain('imax-msm-9802')
    expect(oppenheimer.gear.stockIds).toEqual(
      expect.arrayContaining(['kodak-double-x-5222-65mm', 'kodak-vision3-250d-5207']),
    )
  })

  it('Fujifilm motion-picture negatives end in 2013', () => {
    const fuji = stocks.filter((s) => s.maker === 'Fujifilm')
    expect(fuji.length).toBeGreaterThan(0)
    for (const s of fuji) expect(s.availability.to, s.id).toBeLessThanOrEqual(2013)
  })

  it('LED volumes date from 2019 and smartphone screens from 2007', () => {
    expect(light('led-volume-wall').availability.from).toBe(2019)
    expect(light('smartphone-screen').availability.from).toBe(2007)
    expect(light('fluorescent-tube').availability.from).toBe(1938)
  })
})
