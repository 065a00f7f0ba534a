import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { usdPerMillionToMicros } from '../deployment/deployment'
import { costMicros, formatMicros } from './cost'
import { SEED_PRICES } from './seed-prices'

const prices = fc.record({ inputMicrosPerMillion: fc.nat(200_000_000), outputMicrosPerMillion: fc.nat(200_000_000) })
const tokens = fc.nat(10_000_000)

describe('cost arithmetic', () => {
  it('is exact to the micro-dollar for whole-micro-dollar results', () => {
    expect(
      costMicros(
        { inputTokens: 1_234, outputTokens: 567 },
        { inputMicrosPerMillion: 2_500_000, outputMicrosPerMillion: 10_000_000 },
      ),
    ).toBe(8_755)
    expect(
      costMicros(
        { inputTokens: 1_000_000, outputTokens: 0 },
        { inputMicrosPerMillion: 150_000, outputMicrosPerMillion: 0 },
      ),
    ).toBe(150_000)
  })

  it('is an integer, never below the exact cost and at most one micro-dollar above it', () => {
    fc.assert(
      fc.property(tokens, tokens, prices, (i, o, p) => {
        const cost = costMicros({ inputTokens: i, outputTokens: o }, p)
        const exact = (i * p.inputMicrosPerMillion + o * p.outputMicrosPerMillion) / 1_000_000
        expect(Number.isInteger(cost)).toBe(true)
        expect(cost).toBeGreaterThanOrEqual(exact)
        expect(cost - exact).toBeLessThan(1)
      }),
    )
  })

  it('grows with tokens and is free for free models', () => {
    fc.assert(
      fc.property(tokens, tokens, fc.nat(1000), prices, (i, o, extra, p) => {
        expect(costMicros({ inputTokens: i + extra, outputTokens: o }, p)).toBeGreaterThanOrEqual(
          costMicros({ inputTokens: i, outputTokens: o }, p),
        )
        expect(
          costMicros({ inputTokens: i, outputTokens: o }, { inputMicrosPerMillion: 0, outputMicrosPerMillion: 0 }),
        ).toBe(0)
      }),
    )
  })

  it('converts seed prices without losing a micro-dollar and formats dollars', () => {
    for (const seed of SEED_PRICES)
      expect(usdPerMillionToMicros(seed.inputUsdPerMillion) / 1_000_000).toBe(seed.inputUsdPerMillion)
    expect(formatMicros(8_755)).toBe('$0.008755')
    expect(formatMicros(1_000_000)).toBe('$1')
  })
})
