import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findJsonDepthViolation, jsonTextDepth, parseBoundedJson } from './json-depth'

/** Reference depth, by plain recursion (fine for the small values generated here). */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0
  const children = Array.isArray(value) ? value : Object.values(value)
  return 1 + Math.max(0, ...children.map(depthOf))
}

describe('JSON depth bound', () => {
  it('finds a violation exactly when a value nests deeper than the limit', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 8 }), (value, limit) => {
        const violation = findJsonDepthViolation(value, limit)
        expect(violation !== null).toBe(depthOf(value) > limit)
      }),
      { numRuns: 500 },
    )
  })

  it('reads the same depth from the text as from the parsed value, brackets in strings aside', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.boolean(), (value, pretty) => {
        const text = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)
        if (text === undefined) return
        expect(jsonTextDepth(text)).toBe(depthOf(value))
      }),
      { numRuns: 1000 },
    )
    expect(jsonTextDepth('{"a":"[[{\\"}","b":["\\"{"]}')).toBe(2)
  })

  it('names the path to the value that went too deep, cut to its first segments', () => {
    expect(findJsonDepthViolation({ a: { b: [1, { c: {} }] } }, 3)).toEqual({ path: 'a.b.1', maxDepth: 3 })
    const deep = JSON.parse(`${'{"x":'.repeat(20_000)}0${'}'.repeat(20_000)}`)
    expect(findJsonDepthViolation(deep, 64)).toEqual({ path: 'x.x.x.x.x.x', maxDepth: 64 })
  })

  it('parses text within the bound and refuses the rest', () => {
    expect(parseBoundedJson('{"a":[1]}')).toEqual({ ok: true, value: { a: [1] } })
    expect(parseBoundedJson('[[[]]]', 2)).toMatchObject({ ok: false, reason: 'too-deep' })
    expect(parseBoundedJson('{')).toMatchObject({ ok: false, reason: 'syntax' })
  })
})
