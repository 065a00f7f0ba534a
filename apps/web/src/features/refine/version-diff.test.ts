import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parameterDiff, promptDiff, showValue, sideOf, togglePick, versionDiff } from './version-diff'

const words = fc.array(
  fc.constantFrom('a', 'lighthouse', 'at', 'dusk', 'night', 'wide', 'shot', '35mm', '빛', '등대'),
  {
    maxLength: 12,
  },
)
const sentence = fc.tuple(words, fc.constantFrom(' ', ', ', '  ')).map(([w, sep]) => w.join(sep))

describe('prompt differences', () => {
  it('marks the words a refine added and removed', () => {
    const pieces = promptDiff('a lighthouse at dusk, wide shot', 'a lighthouse at night, wide shot')
    expect(pieces.filter((p) => p.change === 'removed').map((p) => p.text.trim())).toEqual(['dusk'])
    expect(pieces.filter((p) => p.change === 'added').map((p) => p.text.trim())).toEqual(['night'])
  })

  it('reads back both prompts from the pieces, whatever they are', () => {
    fc.assert(
      fc.property(fc.oneof(sentence, fc.string()), fc.oneof(sentence, fc.string()), (a, b) => {
        const pieces = promptDiff(a, b)
        expect(sideOf(pieces, 'a')).toBe(a)
        expect(sideOf(pieces, 'b')).toBe(b)
      }),
    )
  })

  it('finds nothing changed between a prompt and itself', () => {
    fc.assert(
      fc.property(fc.string(), (a) => {
        expect(promptDiff(a, a).every((p) => p.change === 'same')).toBe(true)
      }),
    )
  })
})

describe('parameter differences', () => {
  it('lists added, removed and changed parameters with their values, by name', () => {
    expect(parameterDiff({ steps: 20, cfg: 7, sampler: 'euler' }, { steps: 30, cfg: 7, denoise: 0.4 })).toEqual([
      { name: 'denoise', change: 'added', after: 0.4 },
      { name: 'sampler', change: 'removed', before: 'euler' },
      { name: 'steps', change: 'changed', before: 20, after: 30 },
    ])
  })

  it('compares nested values by content, not by key order', () => {
    expect(parameterDiff({ size: { w: 1, h: 2 } }, { size: { h: 2, w: 1 } })).toEqual([])
    expect(parameterDiff({ size: [1, 2] }, { size: [2, 1] })).toHaveLength(1)
  })

  it('is empty for equal sets and mirrors itself when the sides swap', () => {
    const value = fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null))
    fc.assert(
      fc.property(fc.dictionary(fc.string(), value), fc.dictionary(fc.string(), value), (a, b) => {
        expect(parameterDiff(a, structuredClone(a))).toEqual([])
        const flip = { added: 'removed', removed: 'added', changed: 'changed' } as const
        const forward = parameterDiff(a, b).map((c) => `${c.name}:${flip[c.change]}`)
        const backward = parameterDiff(b, a).map((c) => `${c.name}:${c.change}`)
        expect(backward).toEqual(forward)
      }),
    )
  })

  it('counts the seed and the model among the parameters', () => {
    const base = { prompt: 'x', negativePrompt: null, seed: 1, model: 'sd15', parameters: { steps: 20 } }
    const diff = versionDiff(base, { ...base, seed: 2, model: null })
    expect(diff.parameters).toEqual([
      { name: 'model', change: 'removed', before: 'sd15' },
      { name: 'seed', change: 'changed', before: 1, after: 2 },
    ])
    expect(showValue({ a: 1 })).toBe('{"a":1}')
    expect(showValue('euler')).toBe('euler')
  })
})

describe('picking two versions to compare', () => {
  it('keeps the two latest picks and drops one ticked again', () => {
    expect(togglePick([], 'a')).toEqual(['a'])
    expect(togglePick(['a', 'b'], 'c')).toEqual(['b', 'c'])
    expect(togglePick(['a', 'b'], 'a')).toEqual(['b'])
  })
})
