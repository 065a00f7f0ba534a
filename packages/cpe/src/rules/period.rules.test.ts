// The period rules on the boundary years of real catalog records: HARD before the announcement,
// SOFT between announcement and first delivery, SOFT after the end of use; each message names
// the date it judged by.
import { describe, expect, it } from 'vitest'
import { defaultCatalog } from '../catalog/catalog'
import type { CpeConfigInput } from '../config/cpe-config.schema'
import { validate } from '../engine/validate'

const catalog = defaultCatalog()

function violation(config: CpeConfigInput, ruleId: string) {
  const result = validate(config, catalog)
  if (result.status === 'malformed') throw new Error(result.error.message)
  return result.violations.find((v) => v.ruleId === ruleId)
}

/** The period rule ids a config triggers, with their severities. */
function periodFindings(config: CpeConfigInput): string[] {
  const result = validate(config, catalog)
  if (result.status === 'malformed') throw new Error(result.error.message)
  return result.violations
    .filter((v) => /not-yet|out-of-use|discontinued/.test(v.ruleId))
    .map((v) => `${v.severity} ${v.ruleId}`)
}

const camera = (bodyId: string, productionYear: number): CpeConfigInput => ({ camera: { bodyId }, productionYear })
const stock = (stockId: string, productionYear: number): CpeConfigInput => ({ film: { stockId }, productionYear })
const light = (sourceId: string, productionYear: number): CpeConfigInput => ({
  lighting: { sourceIds: [sourceId] },
  productionYear,
})

describe('a camera announced in one year and delivered the next (Sony VENICE, 2017 / 2018)', () => {
  it('is blocked before its announcement', () => {
    // Its sensor did not exist yet either, so the format rule joins in.
    expect(periodFindings(camera('sony-venice', 2016))).toEqual([
      'hard camera-not-yet-available',
      'hard format-not-yet-available',
    ])
  })

  it('warns between announcement and first delivery', () => {
    expect(periodFindings(camera('sony-venice', 2017))).toEqual(['soft camera-not-yet-delivered'])
  })

  it('passes from its first delivery', () => {
    expect(periodFindings(camera('sony-venice', 2018))).toEqual([])
  })

  it('says which date each message judged by', () => {
    const blocked = violation(camera('sony-venice', 2016), 'camera-not-yet-available')
    expect(blocked?.message.en).toContain('was announced in 2017')
    expect(blocked?.message.ko).toContain('2017년에 발표')
    const warned = violation(camera('sony-venice', 2017), 'camera-not-yet-delivered')
    expect(warned?.message.en).toContain('announced in 2017 but first delivered in 2018')
    expect(warned?.message.ko).toContain('첫 출하는 2018년')
  })
})

describe('a camera planned from its announcement (RED ONE: NAB 2006, first cameras August 2007)', () => {
  it('is no longer blocked in 2006, only warned about', () => {
    expect(periodFindings(camera('red-one', 2005))).toContain('hard camera-not-yet-available')
    expect(periodFindings(camera('red-one', 2006))).toEqual(['soft camera-not-yet-delivered'])
    expect(periodFindings(camera('red-one', 2007))).toEqual([])
  })
})

describe('a camera out of use (Technicolor three-strip, retired 1955)', () => {
  it('warns only after its last year', () => {
    expect(periodFindings(camera('technicolor-three-strip', 1955))).toEqual([])
    expect(periodFindings(camera('technicolor-three-strip', 1956))).toEqual(['soft camera-out-of-use'])
  })
})

describe('a film stock (Kodak Ektachrome 100D relaunch: announced 2017, motion-picture stock 2019)', () => {
  it('is blocked, then warned about, then fine', () => {
    expect(periodFindings(stock('kodak-ektachrome-100d-7294', 2016))).toEqual(['hard stock-not-yet-available'])
    expect(periodFindings(stock('kodak-ektachrome-100d-7294', 2017))).toEqual(['soft stock-not-yet-delivered'])
    expect(periodFindings(stock('kodak-ektachrome-100d-7294', 2018))).toEqual(['soft stock-not-yet-delivered'])
    expect(periodFindings(stock('kodak-ektachrome-100d-7294', 2019))).toEqual([])
  })
})

describe('light sources', () => {
  it('HMI: blocked before Osram introduced it (1969), warned about until its first film use (1972)', () => {
    expect(periodFindings(light('hmi', 1968))).toEqual(['hard light-not-yet-available'])
    expect(periodFindings(light('hmi', 1969))).toEqual(['soft light-not-yet-delivered'])
    expect(periodFindings(light('hmi', 1971))).toEqual(['soft light-not-yet-delivered'])
    expect(periodFindings(light('hmi', 1972))).toEqual([])
  })

  it('carbon arcs: fine through 1995, warned about in any later setup', () => {
    expect(periodFindings(light('carbon-arc', 1995))).toEqual([])
    expect(periodFindings(light('carbon-arc', 1996))).toEqual(['soft light-out-of-use'])
    const modern = violation(light('carbon-arc', 2020), 'light-out-of-use')
    expect(modern?.severity).toBe('soft')
    expect(modern?.message.en).toMatch(/Out of use on film sets by 2020 \(last year in use\): Carbon arc.*\(1995\)/)
    expect(modern?.message.ko).toContain('마지막 사용 연도')
  })
})
