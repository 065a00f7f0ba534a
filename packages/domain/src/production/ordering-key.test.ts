import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isOrderingKey, keyBetween, keysBetween } from './ordering-key'

describe('fractional ordering keys', () => {
  it('places a key strictly between any two ordered keys', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 60 }), (moves) => {
        // Build a list by inserting at arbitrary positions, as drag reorders do.
        const keys: string[] = []
        for (const m of moves) {
          const at = m % (keys.length + 1)
          const key = keyBetween(keys[at - 1] ?? null, keys[at] ?? null)
          keys.splice(at, 0, key)
        }
        for (const k of keys) expect(isOrderingKey(k)).toBe(true)
        expect([...keys].sort()).toEqual(keys)
        expect(new Set(keys).size).toBe(keys.length)
      }),
    )
  })

  it('spreads bulk keys evenly so 10,000 shots get short keys', () => {
    const keys = keysBetween(null, null, 10_000)
    expect(keys).toHaveLength(10_000)
    expect([...keys].sort()).toEqual(keys)
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(4)
  })

  it('keeps keys short when shots are appended one by one at the end', () => {
    let last: string | null = null
    for (let i = 0; i < 200; i++) last = keyBetween(last, null)
    expect(last?.length ?? 0).toBeLessThanOrEqual(12)
  })

  it('rejects bounds that are out of order or malformed', () => {
    expect(() => keyBetween('b', 'a')).toThrow(/out of order/)
    expect(() => keyBetween('A', null)).toThrow(/not an ordering key/)
    expect(() => keyBetween('a0', null)).toThrow(/not an ordering key/)
  })
})
