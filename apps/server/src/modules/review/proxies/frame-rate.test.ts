// Frame rates stay exact fractions: NTSC rates are never rounded, fractions are reduced, and
// container timebases or empty rates are not taken for frame rates.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { frameRateArg, parseFrameRate, sourceFrameRate } from './frame-rate'

describe('frame rates', () => {
  it('keeps 23.976 and 29.97 as 24000/1001 and 30000/1001', () => {
    expect(parseFrameRate('24000/1001')).toEqual({ num: 24000, den: 1001 })
    expect(parseFrameRate('30000/1001')).toEqual({ num: 30000, den: 1001 })
    expect(frameRateArg({ num: 24000, den: 1001 })).toBe('24000/1001')
  })

  it('reduces fractions and reads whole numbers', () => {
    expect(parseFrameRate('48/2')).toEqual({ num: 24, den: 1 })
    expect(parseFrameRate('25')).toEqual({ num: 25, den: 1 })
  })

  it('refuses empty, zero and timebase-like rates', () => {
    for (const text of ['0/0', '', 'abc', '24/0', '90000/1', undefined, null]) expect(parseFrameRate(text)).toBeNull()
  })

  it('prefers the base rate and falls back to the average one', () => {
    expect(sourceFrameRate('24000/1001', '2397/100')).toEqual({ num: 24000, den: 1001 })
    expect(sourceFrameRate('90000/1', '25/1')).toEqual({ num: 25, den: 1 })
    expect(sourceFrameRate('0/0', '0/0')).toBeNull()
  })

  it('parses any plausible fraction to an equal, reduced one that prints back to itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 240_000 }), fc.integer({ min: 1000, max: 100_000 }), (num, den) => {
        fc.pre(num / den <= 240)
        const rate = parseFrameRate(`${num}/${den}`)
        expect(rate).not.toBeNull()
        if (!rate) return
        expect(rate.num * den).toBe(num * rate.den)
        const g = (a: number, b: number): number => (b === 0 ? a : g(b, a % b))
        expect(g(rate.num, rate.den)).toBe(1)
        expect(parseFrameRate(frameRateArg(rate))).toEqual(rate)
      }),
    )
  })
})
