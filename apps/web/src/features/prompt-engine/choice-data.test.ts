import { defaultCatalog } from '@aipipeline/cpe'
import { describe, expect, it } from 'vitest'
import { buildChoices, yearSpan } from './choice-data'
import { analyseConfig } from './cpe-analysis'

const catalog = defaultCatalog()
const digital = catalog.records.cameras.find((c) => c.medium === 'digital')
const stocks = catalog.records.filmStocks.map((s) => ({ value: s.id, label: s.name, group: s.maker }))

describe('choices in the Prompt Engine panel', () => {
  it('greys out every film stock on a digital camera, with the reason in the UI language', () => {
    if (!digital) throw new Error('no digital camera')
    const analysis = analyseConfig({ camera: { bodyId: digital.id } }, catalog)
    const en = buildChoices(stocks, analysis.options['film.stockId'], 'en')
    const ko = buildChoices(stocks, analysis.options['film.stockId'], 'ko')
    expect(en.unavailable).toBe(stocks.length)
    const first = stocks[0]?.value ?? ''
    expect(en.reasons.get(first)).toContain('digital')
    expect(ko.reasons.get(first)).toMatch(/[가-힣]/)
    const items = en.data.flatMap((d) => ('group' in d ? d.items : [d]))
    expect(items.every((i) => i.disabled)).toBe(true)
  })

  it('keeps every choice open on an empty config and groups by the given heading', () => {
    const analysis = analyseConfig({}, catalog)
    const choices = buildChoices(stocks, analysis.options['film.stockId'], 'en')
    expect(choices.unavailable).toBe(0)
    const groups = choices.data.filter((d) => 'group' in d)
    expect(groups.length).toBeGreaterThan(1)
  })

  it('matches numeric values as strings (focal lengths, frame rates)', () => {
    const choices = buildChoices(
      [{ value: 35, label: '35 mm' }],
      { allowed: [], disallowed: [{ value: 35, reasons: [{ ruleId: 'r', message: { en: 'no', ko: '불가' } }] }] },
      'ko',
    )
    expect(choices.data).toEqual([{ value: '35', label: '35 mm', disabled: true }])
    expect(choices.reasons.get('35')).toBe('불가')
  })

  it('writes availability as a span, open-ended when still available', () => {
    expect(yearSpan({ from: 2014, to: null })).toBe('2014–')
    expect(yearSpan({ from: 1998, to: 2012 })).toBe('1998–2012')
  })
})

describe('exploring impossible choices', () => {
  it('keeps excluded values pickable when asked, still with their reasons', () => {
    const options = {
      allowed: [],
      disallowed: [{ value: 'x', reasons: [{ ruleId: 'r', message: { en: 'why', ko: '이유' } }] }],
    }
    const choices = buildChoices([{ value: 'x', label: 'X' }], options, 'en', true)
    expect(choices.data).toEqual([{ value: 'x', label: 'X', disabled: false }])
    expect(choices.reasons.get('x')).toBe('why')
    expect(choices.unavailable).toBe(1)
  })
})
