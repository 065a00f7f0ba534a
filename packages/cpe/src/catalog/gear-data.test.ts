// Checks the shipped gear data (mounts, formats, aspect ratios, cameras, lenses, supports):
// every file parses, every id reference resolves, and a set of documented facts holds.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import aspectRatiosJson from '../../data/aspect-ratios.json'
import camerasJson from '../../data/cameras.json'
import captureFormatsJson from '../../data/capture-formats.json'
import lensesJson from '../../data/lenses.json'
import mountsJson from '../../data/mounts.json'
import supportsJson from '../../data/supports.json'
import { createCatalog } from './catalog'
import { AspectRatio, CameraBody, CameraSupport, CaptureFormat, LensFamily, LensMount } from './catalog.schema'
import { CameraMovement } from './enums'

function parseFile<T>(file: string, schema: z.ZodType<T>, json: unknown): T[] {
  const result = z.array(schema).safeParse(json)
  if (!result.success) throw new Error(`data/${file}.json: ${z.prettifyError(result.error)}`)
  return result.data
}

// Parsed directly with the schemas so these tests do not depend on other data files.
const records = {
  mounts: parseFile('mounts', LensMount, mountsJson),
  captureFormats: parseFile('capture-formats', CaptureFormat, captureFormatsJson),
  aspectRatios: parseFile('aspect-ratios', AspectRatio, aspectRatiosJson),
  cameras: parseFile('cameras', CameraBody, camerasJson),
  lenses: parseFile('lenses', LensFamily, lensesJson),
  supports: parseFile('supports', CameraSupport, supportsJson),
}
const catalog = createCatalog(records)

function get<T>(map: ReadonlyMap<string, T>, id: string): T {
  const value = map.get(id)
  if (value === undefined) throw new Error(`missing id "${id}"`)
  return value
}
const camera = (id: string) => get(catalog.cameras, id)
const lens = (id: string) => get(catalog.lenses, id)
const mount = (id: string) => get(catalog.mounts, id)
const format = (id: string) => get(catalog.captureFormats, id)
const ratio = (id: string) => get(catalog.aspectRatios, id)
const diagonal = (f: { widthMm: number; heightMm: number }) => Math.hypot(f.widthMm, f.heightMm)

describe('gear data files', () => {
  it('parse with their schemas and have unique ids', () => {
    expect(catalog.mounts.size).toBe(records.mounts.length)
    expect(catalog.captureFormats.size).toBe(records.captureFormats.length)
    expect(catalog.aspectRatios.size).toBe(records.aspectRatios.length)
    expect(catalog.cameras.size).toBe(records.cameras.length)
    expect(catalog.lenses.size).toBe(records.lenses.length)
    expect(catalog.supports.size).toBe(records.supports.length)
  })

  it('hold at least 150 cameras, 60 lens families and the other lists', () => {
    expect(records.cameras.length).toBeGreaterThanOrEqual(150)
    expect(records.lenses.length).toBeGreaterThanOrEqual(60)
    expect(records.mounts.length).toBeGreaterThanOrEqual(20)
    expect(records.captureFormats.length).toBeGreaterThanOrEqual(30)
    expect(records.aspectRatios.length).toBeGreaterThanOrEqual(18)
    expect(records.supports.length).toBeGreaterThanOrEqual(25)
    expect(records.cameras.filter((c) => c.medium === 'film').length).toBeGreaterThanOrEqual(40)
  })

  it('cite at least one source on every record', () => {
    const all = Object.values(records).flat()
    for (const record of all) expect(record.sources.length, record.id).toBeGreaterThanOrEqual(1)
  })

  it('resolve every camera format and mount id', () => {
    for (const c of records.cameras) {
      for (const id of c.formatIds) expect(catalog.captureFormats.has(id), `${c.id} → format ${id}`).toBe(true)
      for (const id of c.mountIds) expect(catalog.mounts.has(id), `${c.id} → mount ${id}`).toBe(true)
    }
  })

  it('resolve every lens mount id and every format delivery ratio id', () => {
    for (const l of records.lenses) {
      for (const id of l.mountIds) expect(catalog.mounts.has(id), `${l.id} → mount ${id}`).toBe(true)
    }
    for (const f of records.captureFormats) {
      for (const id of f.deliveryAspectRatioIds) expect(catalog.aspectRatios.has(id), `${f.id} → ${id}`).toBe(true)
    }
  })

  it('use only canonical camera movements on supports, without repeats', () => {
    for (const s of records.supports) {
      for (const m of s.movements) expect(CameraMovement.safeParse(m).success, `${s.id}: ${m}`).toBe(true)
      expect(new Set(s.movements).size, s.id).toBe(s.movements.length)
    }
  })

  it('match medium to format and resolution: film bodies record film gates, digital bodies sensors', () => {
    for (const c of records.cameras) {
      expect(c.maxResolution === null, c.id).toBe(c.medium === 'film')
      for (const id of c.formatIds) expect(format(id).medium, `${c.id} → ${id}`).toBe(c.medium)
    }
  })

  it('never deliver a body before its native mount or its full-gate format existed', () => {
    for (const c of records.cameras) {
      const [firstMount] = c.mountIds
      const [fullFormat] = c.formatIds
      if (firstMount === undefined || fullFormat === undefined) throw new Error(`${c.id} has empty lists`)
      // A body may be announced with its new sensor or mount, but it cannot ship before them.
      const delivered = c.availability.firstDelivery
      expect(mount(firstMount).availability.from, `${c.id} / ${firstMount}`).toBeLessThanOrEqual(delivered)
      expect(format(fullFormat).availability.from, `${c.id} / ${fullFormat}`).toBeLessThanOrEqual(delivered)
    }
  })

  it('keep format aspect equal to width ÷ height and ratio values equal to their labels', () => {
    for (const f of records.captureFormats) expect(f.nativeAspect, f.id).toBeCloseTo(f.widthMm / f.heightMm, 2)
    for (const r of records.aspectRatios) {
      const [w, h] = r.label.split(':').map(Number)
      if (w === undefined || h === undefined) throw new Error(r.label)
      expect(r.value, r.id).toBeCloseTo(w / h, 2)
      const decimal = r.label.includes('.')
      expect(r.id, r.label).toBe(`ar-${(decimal ? r.label.replace(/:1$/, '') : r.label).replace(/[.:]/g, '-')}`)
    }
  })

  it('list every id in IDS-gear.md for preset authors', () => {
    const ids = readFileSync(new URL('../../data/IDS-gear.md', import.meta.url), 'utf8')
    const listed = new Set([...ids.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]))
    for (const record of Object.values(records).flat()) expect(listed.has(record.id), record.id).toBe(true)
  })
})

describe('documented gear facts', () => {
  it('ARRICAM ST and LT first became available in 2000', () => {
    expect(camera('arri-arricam-st').availability.from).toBe(2000)
    expect(camera('arri-arricam-lt').availability.from).toBe(2000)
  })

  it('ALEXA 65 records a 65 mm-class 54.12 × 25.58 mm sensor on XPL or LPL', () => {
    const alexa65 = camera('arri-alexa-65')
    const sensor = format(alexa65.formatIds[0] ?? '')
    expect([sensor.widthMm, sensor.heightMm]).toEqual([54.12, 25.58])
    expect(alexa65.mountIds).toEqual(expect.arrayContaining(['xpl', 'lpl']))
    expect(alexa65.availability.from).toBe(2014)
  })

  it('mount flange focal distances: PV 57.15, PL 52, EF 44, LPL 44, F 46.5, M 27.8, RF 20, MFT 19.25, E 18', () => {
    expect(mount('pv').flangeMm).toBe(57.15)
    expect(mount('pl').flangeMm).toBe(52)
    expect(mount('ef').flangeMm).toBe(44)
    expect(mount('lpl').flangeMm).toBe(44)
    expect(mount('f').flangeMm).toBe(46.5)
    expect(mount('m').flangeMm).toBe(27.8)
    expect(mount('rf').flangeMm).toBe(20)
    expect(mount('mft').flangeMm).toBe(19.25)
    expect(mount('e').flangeMm).toBe(18)
  })

  it('ARRI Standard, Bayonet and PL share the 52 mm flange; PL arrived in 1982, LPL in 2018', () => {
    expect(mount('arri-standard').flangeMm).toBe(52)
    expect(mount('arri-bayonet').flangeMm).toBe(52)
    expect(mount('pl').availability.from).toBe(1982)
    expect(mount('lpl').availability.from).toBe(2018)
  })

  it('VistaVision is an 8-perf horizontal 35 mm gate of 37.7 × 24.9 mm', () => {
    const vv = format('vistavision-8perf')
    expect([vv.widthMm, vv.heightMm, vv.gauge]).toEqual([37.7, 24.9, '35mm'])
    expect(vv.availability.from).toBe(1954)
  })

  it('the Mitchell BNC existed by 1934 and takes 35 mm gates only', () => {
    const bnc = camera('mitchell-bnc')
    expect(bnc.availability.from).toBeLessThanOrEqual(1934)
    for (const id of bnc.formatIds) expect(format(id).gauge).toBe('35mm')
  })

  it('the Éclair NPR is a 16 mm camera and Breathless-era Caméflex is 35 mm capable', () => {
    for (const id of camera('eclair-npr').formatIds) expect(format(id).gauge).toBe('16mm')
    expect(camera('eclair-cameflex').formatIds).toContain('35mm-academy')
    expect(camera('eclair-cameflex').availability.from).toBeLessThan(1960)
  })

  it('ALEXA Mini LF is large format on LPL and weighs about 2.6 kg', () => {
    const miniLf = camera('arri-alexa-mini-lf')
    expect(miniLf.formatIds[0]).toBe('arri-lf-open-gate')
    expect(format('arri-lf-open-gate').widthMm).toBe(36.7)
    expect(miniLf.mountIds[0]).toBe('lpl')
    expect(miniLf.weightKg).toBe(2.6)
  })

  it('Techniscope is a 2-perf 35 mm format released at 2.35:1', () => {
    const techniscope = format('35mm-2perf-techniscope')
    expect(techniscope.name).toMatch(/2-perf/)
    expect(techniscope.nativeAspect).toBeGreaterThan(2.2)
    expect(techniscope.deliveryAspectRatioIds).toContain('ar-2-35')
  })

  it('RED V-RAPTOR 8K VV records 8192 × 4320 on a 40.96 × 21.6 mm VV sensor with an RF mount', () => {
    const raptor = camera('red-v-raptor-8k-vv')
    expect(raptor.maxResolution).toEqual({ width: 8192, height: 4320 })
    const sensor = format(raptor.formatIds[0] ?? '')
    expect([sensor.widthMm, sensor.heightMm]).toEqual([40.96, 21.6])
    expect(raptor.mountIds).toEqual(['rf'])
  })

  it('Ultra Panavision 70 is 65 mm with a 1.25× squeeze delivered at 2.76:1', () => {
    const up70 = format('65mm-ultra-panavision-70')
    expect([up70.gauge, up70.designSqueeze]).toEqual(['65mm', 1.25])
    expect(up70.deliveryAspectRatioIds).toEqual(['ar-2-76'])
    expect(lens('panavision-apo-panatar').squeeze).toBe(1.25)
  })

  it('IMAX 15/70 is a 65 mm gate delivered at 1.43:1', () => {
    const imax = format('imax-15-70')
    expect(imax.gauge).toBe('65mm')
    expect(imax.deliveryAspectRatioIds).toContain('ar-1-43')
    expect(camera('imax-msm-9802').formatIds).toEqual(['imax-15-70'])
  })

  it('the Canon EOS 5D Mark II is a 2008 full-frame EF body recording 1080p', () => {
    const c = camera('canon-eos-5d-mark-ii')
    expect([c.availability.from, c.formatIds[0], c.mountIds[0]]).toEqual([2008, 'full-frame-36x24', 'ef'])
    expect(c.maxResolution).toEqual({ width: 1920, height: 1080 })
  })

  it('Moonlight and Fury Road bodies existed when those films were shot', () => {
    expect(camera('arri-alexa-xt-plus').availability.from).toBeLessThanOrEqual(2015)
    expect(camera('arri-alexa-plus').availability.from).toBeLessThanOrEqual(2012)
    expect(camera('arri-alexa-m').availability.from).toBeLessThanOrEqual(2012)
    expect(lens('hawk-v-lite').squeeze).toBe(2)
  })

  it('the Panaflex Millennium XL2 (La La Land) is a 2004 PV-mount 35 mm body light enough for Steadicam', () => {
    const xl2 = camera('panavision-panaflex-millennium-xl2')
    expect([xl2.availability.from, xl2.mountIds[0]]).toEqual([2004, 'pv'])
    expect(xl2.weightKg).toBeLessThan(get(catalog.supports, 'steadicam-ultra2').maxPayloadKg)
  })

  it('the Zeiss Planar 50 mm f/0.7 is a single very fast prime', () => {
    const planar = lens('zeiss-planar-50-f07')
    expect([planar.focalLengthsMm, planar.fastestTStop]).toEqual([[50], 0.7])
  })

  it('Master Primes are T1.3, Ultra Primes T1.9, Signature Primes T1.8, Cooke S4/i from 1998', () => {
    expect(lens('zeiss-master-prime').fastestTStop).toBe(1.3)
    expect(lens('zeiss-ultra-prime').fastestTStop).toBe(1.9)
    expect(lens('arri-signature-prime').fastestTStop).toBe(1.8)
    expect(lens('cooke-s4i').availability.from).toBe(1998)
  })

  it('Signature Primes cover LF open gate; Master Primes do not cover ALEXA 65', () => {
    expect(lens('arri-signature-prime').imageCircleMm).toBeGreaterThanOrEqual(diagonal(format('arri-lf-open-gate')))
    expect(lens('arri-signature-prime').mountIds).toEqual(['lpl'])
    expect(lens('zeiss-master-prime').imageCircleMm).toBeLessThan(diagonal(format('arri-alexa-65-open-gate')))
  })

  it('Super 16 is 12.52 × 7.41 mm and dates from about 1970', () => {
    const s16 = format('super16')
    expect([s16.widthMm, s16.heightMm, s16.availability.from]).toEqual([12.52, 7.41, 1970])
  })

  it('aspect-ratio eras: 1.19 from 1928, CinemaScope 2.55 gone by 1957, 2.39 from 1970, 16:9 is 1.78', () => {
    expect(ratio('ar-1-19').availability.from).toBe(1928)
    expect(ratio('ar-2-55').availability.to).toBe(1957)
    expect(ratio('ar-2-39').availability.from).toBe(1970)
    expect(ratio('ar-16-9').value).toBeCloseTo(1.78, 2)
  })

  it('RED KOMODO is a 2020 RF-mount body under 1 kg; ALEXA 35 is a 2022 LPL body', () => {
    const komodo = camera('red-komodo-6k')
    expect([komodo.availability.from, komodo.mountIds[0]]).toEqual([2020, 'rf'])
    expect(komodo.weightKg).toBeLessThan(1)
    const alexa35 = camera('arri-alexa-35')
    expect([alexa35.availability.from, alexa35.mountIds[0]]).toEqual([2022, 'lpl'])
  })

  it('the Technicolor three-strip camera stopped after 1955 and is far too heavy for any gimbal', () => {
    const tech = camera('technicolor-three-strip')
    expect(tech.availability.to).toBe(1955)
    const heaviestGimbal = Math.max(...records.supports.filter((s) => s.class === 'gimbal').map((s) => s.maxPayloadKg))
    expect(tech.weightKg).toBeGreaterThan(heaviestGimbal)
  })

  it('PV glass can be adapted to PL and LPL bodies, but PL glass cannot go on a PV body', () => {
    const pv = mount('pv').flangeMm ?? 0
    expect(pv).toBeGreaterThan(mount('pl').flangeMm ?? Number.POSITIVE_INFINITY)
    expect(mount('pl').flangeMm ?? 0).toBeGreaterThan(mount('lpl').flangeMm ?? Number.POSITIVE_INFINITY)
    expect(mount('lpl').flangeMm ?? 0).toBeGreaterThan(mount('e').flangeMm ?? Number.POSITIVE_INFINITY)
  })

  it('drones fly and only aerial supports list the aerial fly-over', () => {
    for (const s of records.supports) {
      if (s.class === 'drone') expect(s.movements, s.id).toContain('aerial-flyover')
      if (s.movements.includes('aerial-flyover')) expect(['drone', 'cable-cam'], s.id).toContain(s.class)
    }
  })
})
