// Scene records of the test catalog: film stocks, lights, supports and presets.
import type { CameraSupport, FilmStock, LightSource } from '../catalog/catalog.schema'
import type { AnimationStyle, LiveActionPreset } from '../presets/preset.schema'
import { since, sourced } from './fixture-records'

type StockSpec = Pick<FilmStock, 'id' | 'maker' | 'name' | 'gauges' | 'type' | 'balance'> & {
  from: number
  delivered?: number
  to?: number
}
const stock = (s: StockSpec): FilmStock => ({
  id: s.id,
  maker: s.maker,
  name: s.name,
  codes: {},
  gauges: s.gauges,
  type: s.type,
  exposureIndex: 250,
  balance: s.balance,
  ...since(s.from, s.to ?? null, s.delivered ?? s.from),
  character: 'test stock',
  ...sourced,
})
export const filmStocks: FilmStock[] = [
  stock({
    id: 'vision3-500t',
    maker: 'Kodak',
    name: 'Vision3 500T',
    gauges: ['35mm', '16mm', '65mm'],
    type: 'colour-negative',
    balance: 'tungsten',
    from: 2007,
  }),
  stock({
    id: 'vision3-250d',
    maker: 'Kodak',
    name: 'Vision3 250D',
    gauges: ['35mm', '16mm'],
    type: 'colour-negative',
    balance: 'daylight',
    from: 2010,
  }),
  stock({
    id: 'double-x',
    maker: 'Kodak',
    name: 'Double-X',
    gauges: ['35mm', '16mm'],
    type: 'bw-negative',
    balance: null,
    from: 1959,
  }),
  stock({
    id: 'exr-50d',
    maker: 'Kodak',
    name: 'EXR 50D',
    gauges: ['35mm'],
    type: 'colour-negative',
    balance: 'daylight',
    from: 1989,
    to: 2001,
  }),
  stock({
    id: 'super8-reversal',
    maker: 'Kodak',
    name: 'Ektachrome 100D',
    gauges: ['super8'],
    type: 'colour-reversal',
    balance: 'daylight',
    from: 2017,
    delivered: 2019,
  }),
]

type LightSpec = Pick<LightSource, 'id' | 'name' | 'kind' | 'practical' | 'natural'> & {
  from: number
  delivered?: number
  to?: number
  k: [number, number]
}
const light = (l: LightSpec): LightSource => ({
  id: l.id,
  name: l.name,
  // Prompts write names mid-sentence: "Neon sign" → "neon sign", but "HMI" and "LED panel" keep their capitals.
  promptName: /^\p{Lu}[^\p{Lu}\p{Nd}]*$/u.test(l.name) ? l.name.toLowerCase() : l.name,
  kind: l.kind,
  ...since(l.from, l.to ?? null, l.delivered ?? l.from),
  colourTemperatureK: { min: l.k[0], max: l.k[1] },
  quality: 'variable',
  practical: l.practical,
  natural: l.natural,
  ...sourced,
})
export const lightSources: LightSource[] = [
  light({ id: 'sun', name: 'Sun', kind: 'sun', practical: false, natural: true, from: 1880, k: [5000, 6000] }),
  light({ id: 'sky', name: 'Skylight', kind: 'sky', practical: false, natural: true, from: 1880, k: [6500, 10000] }),
  light({ id: 'moon', name: 'Moonlight', kind: 'moon', practical: false, natural: true, from: 1880, k: [4000, 4300] }),
  light({
    id: 'tungsten-fresnel',
    name: 'Tungsten Fresnel',
    kind: 'tungsten',
    practical: false,
    natural: false,
    from: 1930,
    k: [3000, 3300],
  }),
  light({
    id: 'hmi',
    name: 'HMI',
    kind: 'hmi',
    practical: false,
    natural: false,
    from: 1969,
    delivered: 1972,
    k: [5600, 6000],
  }),
  light({
    id: 'carbon-arc',
    name: 'Carbon arc',
    kind: 'carbon-arc',
    practical: false,
    natural: false,
    from: 1910,
    to: 1989,
    k: [5000, 5600],
  }),
  light({
    id: 'led-panel',
    name: 'LED panel',
    kind: 'led',
    practical: false,
    natural: false,
    from: 2002,
    k: [3200, 5600],
  }),
  light({ id: 'candle', name: 'Candle', kind: 'fire', practical: true, natural: false, from: 1880, k: [1800, 2000] }),
  light({
    id: 'neon-sign',
    name: 'Neon sign',
    kind: 'neon',
    practical: true,
    natural: false,
    from: 1910,
    k: [2000, 8000],
  }),
  light({
    id: 'smartphone',
    name: 'Smartphone screen',
    kind: 'led',
    practical: true,
    natural: false,
    from: 2007,
    k: [6000, 7000],
  }),
]

type SupportSpec = Pick<CameraSupport, 'id' | 'name' | 'class' | 'maxPayloadKg' | 'movements'> & { from: number }
const support = (s: SupportSpec): CameraSupport => ({ ...s, ...since(s.from), ...sourced })
const LOCKED = ['static', 'pan', 'tilt', 'whip-pan']
export const supports: CameraSupport[] = [
  support({
    id: 'tripod',
    name: 'Tripod with fluid head',
    class: 'tripod',
    maxPayloadKg: 30,
    movements: LOCKED,
    from: 1900,
  }),
  support({
    id: 'dolly',
    name: 'Dolly',
    class: 'dolly',
    maxPayloadKg: 200,
    movements: [...LOCKED, 'dolly-in', 'dolly-out', 'truck', 'tracking', 'arc', 'pedestal', 'dolly-zoom'],
    from: 1920,
  }),
  support({
    id: 'handheld',
    name: 'Handheld',
    class: 'handheld',
    maxPayloadKg: 20,
    movements: ['handheld', 'tracking', 'static', 'pan', 'tilt', 'whip-pan', 'arc'],
    from: 1900,
  }),
  support({
    id: 'ronin-2',
    name: 'DJI Ronin 2',
    class: 'gimbal',
    maxPayloadKg: 13.6,
    movements: ['tracking', 'steadicam-follow', 'arc', 'orbit', 'pan', 'tilt', 'static'],
    from: 2017,
  }),
  support({
    id: 'small-gimbal',
    name: 'Handheld gimbal',
    class: 'gimbal',
    maxPayloadKg: 4.5,
    movements: ['tracking', 'steadicam-follow', 'arc', 'orbit', 'pan', 'static'],
    from: 2016,
  }),
  support({
    id: 'drone',
    name: 'Cine drone',
    class: 'drone',
    maxPayloadKg: 10,
    movements: ['aerial-flyover', 'tracking', 'crane-up', 'crane-down', 'orbit', 'static'],
    from: 2014,
  }),
]

const palette = ['test palette']
const presetBase = { disallowedMoods: [], signatureTechniques: [], intendedViolations: [], palette, ...sourced }

const noir: LiveActionPreset = {
  ...presetBase,
  id: 'test-noir',
  kind: 'live-action',
  title: 'Test Noir',
  year: 1949,
  cinematographer: 'A. Tester',
  director: 'B. Tester',
  config: {
    productionYear: 1949,
    kind: 'live-action',
    camera: { bodyId: 'mitchell-bnc', lensId: 'baltar', aspectRatioId: '1-37' },
    film: { stockId: 'double-x' },
    lighting: { style: 'low-key', sourceIds: ['tungsten-fresnel'], practicalIds: [] },
  },
  locks: ['film.stockId', 'lighting.style'],
  disallowedMoods: ['joyful', 'whimsical'],
  gear: {
    cameraIds: ['mitchell-bnc'],
    lensIds: ['baltar'],
    stockIds: ['double-x'],
    aspectRatioIds: ['1-37'],
    lightSourceIds: [],
  },
}

const animationStyle = (
  id: string,
  name: string,
  domain: string,
  medium: string,
  motion: AnimationStyle['motion'],
): AnimationStyle => ({
  ...presetBase,
  id,
  kind: 'animation',
  name,
  domain,
  medium,
  line: 'clean',
  colour: 'cel',
  lightingModel: 'flat',
  motion,
  virtualCamera: 'locked',
  referenceWorks: ['Test work'],
  config: {},
  locks: [],
})

export const presets = [
  noir,
  animationStyle('test-cel', 'Hand-drawn cel', 'Traditional 2D cel', 'hand-drawn 2D', 'twos'),
  animationStyle('test-manga', 'Manga page', 'Manga', 'static illustration', 'threes'),
  animationStyle('test-clay', 'Clay stop-motion', 'Stop-motion', 'clay puppets', 'twos'),
  animationStyle('test-cg', 'Feature CG', '3D CGI', 'CG feature', 'ones'),
  animationStyle('test-roto', 'Rotoscope', 'Rotoscope', 'traced 2D', 'ones'),
]

/** The test catalog (built once; records are never mutated). */
