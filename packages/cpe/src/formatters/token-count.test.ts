import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countClipTokens, countT5Tokens, countWords } from './token-count'

describe('approximate token counters', () => {
  it('count one token for a short common word and more for long ones', () => {
    expect(countClipTokens('film')).toBe(1)
    expect(countClipTokens('photorealistic')).toBeGreaterThan(1)
    expect(countT5Tokens('film')).toBe(2) // word + end-of-sequence
  })

  it('charge every digit and punctuation mark', () => {
    expect(countClipTokens('2.39:1')).toBe(6)
  })

  it('charge non-Latin scripts per character, more than Latin words', () => {
    expect(countClipTokens('필름')).toBeGreaterThan(countClipTokens('film'))
  })

  it('never count fewer tokens for a longer text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(countClipTokens(a + b)).toBeGreaterThanOrEqual(countClipTokens(a))
        expect(countT5Tokens(`${a} ${b}`)).toBeGreaterThanOrEqual(countT5Tokens(a))
      }),
    )
  })

  it('count whitespace-separated words', () => {
    expect(countWords('  shot on  35mm\nfilm ')).toBe(4)
    expect(countWords('')).toBe(0)
  })
})
