import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { estimateTextTokens, IMAGE_TOKENS, inspectContext, MESSAGE_OVERHEAD_TOKENS } from './token-estimator'

describe('token estimator', () => {
  it('never shrinks when text is appended and is zero only for empty text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(estimateTextTokens(a + b)).toBeGreaterThanOrEqual(estimateTextTokens(a))
        expect(estimateTextTokens(a) === 0).toBe(a.length === 0)
      }),
    )
  })

  it('is close to additive: splitting a text changes the estimate by at most one token', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const whole = estimateTextTokens(a + b)
        expect(whole).toBeLessThanOrEqual(estimateTextTokens(a) + estimateTextTokens(b))
        expect(whole).toBeGreaterThanOrEqual(estimateTextTokens(a) + estimateTextTokens(b) - 1)
      }),
    )
  })

  it('errs high against ~4 characters per token for English, and counts each Hangul syllable', () => {
    const prose = 'The camera dollies in slowly as Mina opens the door. '.repeat(20)
    expect(estimateTextTokens(prose)).toBeGreaterThanOrEqual(Math.ceil(prose.length / 4))
    expect(estimateTextTokens('안녕하세요')).toBe(5)
  })

  it('reports tokens per part: system, each message part, images and the schema', () => {
    const report = inspectContext(
      [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe this frame' },
            { type: 'image', image: new Uint8Array(4) },
          ],
        },
        { role: 'assistant', content: 'A dark room.' },
      ],
      { system: 'You are a script supervisor.', schema: { type: 'object' } },
    )
    expect(report.parts.map((p) => [p.role, p.kind])).toEqual([
      ['system', 'system'],
      ['user', 'text'],
      ['user', 'image'],
      ['assistant', 'text'],
      ['schema', 'schema'],
    ])
    expect(report.parts[2]?.tokens).toBe(IMAGE_TOKENS)
    expect(report.parts[1]?.tokens).toBe(estimateTextTokens('Describe this frame') + MESSAGE_OVERHEAD_TOKENS)
    expect(report.totalTokens).toBe(report.parts.reduce((s, p) => s + p.tokens, 0))
  })
})
