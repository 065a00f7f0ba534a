import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dollarsToMicros, formatMicros, formatPricePerMillion, microsToDollarText } from './money'

describe('money in micro-dollars', () => {
  it('shows cents for ordinary amounts and keeps tiny call costs visible', () => {
    expect(formatMicros(12_340_000)).toBe('$12.34')
    expect(formatMicros(0)).toBe('$0.00')
    expect(formatMicros(42)).toBe('$0.000042')
  })

  it('shows prices per million tokens with the decimals they need', () => {
    expect(formatPricePerMillion(150_000)).toBe('$0.15')
    expect(formatPricePerMillion(2_500_000)).toBe('$2.50')
    expect(formatPricePerMillion(75_000)).toBe('$0.075')
  })

  it('parses typed dollar amounts exactly, without floating point drift', () => {
    expect(dollarsToMicros('0.1')).toBe(100_000)
    expect(dollarsToMicros('$2.50')).toBe(2_500_000)
    expect(dollarsToMicros('1,000')).toBe(1_000_000_000)
    expect(dollarsToMicros('0.000001')).toBe(1)
  })

  it('refuses negative, malformed and over-precise amounts', () => {
    for (const bad of ['', '-1', 'abc', '1.2.3', '0.0000001']) expect(dollarsToMicros(bad)).toBeNull()
  })

  it('round-trips any micro-dollar amount through the input text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (micros) => {
        expect(dollarsToMicros(microsToDollarText(micros))).toBe(micros)
      }),
    )
  })
})
