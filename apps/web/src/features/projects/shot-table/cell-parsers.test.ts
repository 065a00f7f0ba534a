import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatDate, formatFrame, formatNumber, MAX_FRAME, parseDate, parseFrame, parseNumber } from './cell-parsers'

const refused = (reason: string) => ({ ok: false, reason })
const value = (v: unknown) => ({ ok: true, value: v })

describe('frame cells', () => {
  it('read whole frame numbers, grouped or full-width, and clear on empty', () => {
    expect(parseFrame('1001')).toEqual(value(1001))
    expect(parseFrame(' 1,001 ')).toEqual(value(1001))
    expect(parseFrame('１００１')).toEqual(value(1001))
    expect(parseFrame('')).toEqual(value(null))
  })

  it('refuse typos, fractions, negatives, exponents and numbers past the limit', () => {
    for (const text of ['10o1', 'abc', '1001.5', '-5', '1e3', '0x10', '1,00', '12 34', String(MAX_FRAME + 1)]) {
      expect(parseFrame(text), text).toEqual(refused('frame'))
    }
  })

  it('read back every frame they write', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FRAME }), (n) => {
        expect(parseFrame(formatFrame(n))).toEqual(value(n))
      }),
    )
  })

  it('never accept text with a letter in it', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('a', 'o', 'O', 'l', 'x', '가'), fc.string(), (a, letter, b) => {
        expect(parseFrame(`${a}${letter}${b}`).ok).toBe(false)
      }),
    )
  })
})

describe('number cells', () => {
  it('read signs, decimals and grouping in threes', () => {
    expect(parseNumber('35')).toEqual(value(35))
    expect(parseNumber('-2.5')).toEqual(value(-2.5))
    expect(parseNumber('.5')).toEqual(value(0.5))
    expect(parseNumber('1,234.75')).toEqual(value(1234.75))
    expect(parseNumber('−3')).toEqual(value(-3))
    expect(parseNumber('')).toEqual(value(null))
  })

  it('refuse what a typo or another locale makes ambiguous instead of saving 0', () => {
    for (const text of ['3S', 'abc', '1,5', '1.2.3', '1e3', 'NaN', 'Infinity', '-', '.', '12,34', '0x1f']) {
      expect(parseNumber(text), text).toEqual(refused('number'))
    }
  })

  it('read back every finite number they write', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const back = parseNumber(formatNumber(n))
        expect(back.ok).toBe(true)
        if (back.ok) expect(back.value).toBe(Object.is(n, -0) ? 0 : n)
      }),
    )
  })
})

describe('date cells', () => {
  it('read year-first dates in ISO, slash, dot and Korean forms', () => {
    for (const text of ['2026-12-07', '2026/12/7', '2026.12.07', '2026. 12. 7.', '2026년 12월 7일']) {
      expect(parseDate(text), text).toEqual(value('2026-12-07'))
    }
    expect(parseDate('')).toEqual(value(null))
  })

  it('refuse dates that do not exist and day-first text', () => {
    for (const text of ['2026-02-30', '2026-13-01', '07/12/2026', 'tomorrow', '2026-12', '20261207']) {
      expect(parseDate(text), text).toEqual(refused('date'))
    }
  })

  it('read back every date they write', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10)
        expect(parseDate(formatDate(iso))).toEqual(value(iso))
      }),
    )
  })
})
