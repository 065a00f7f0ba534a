import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isOrderingKey, keyBetween, keysBetween, LEGACY_ORDERING_KEY_PREFIX } from './ordering-key'

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
    const [a, b] = keysBetween(null, null, 2)
    expect(() => keyBetween(b ?? null, a ?? null)).toThrow(/out of order/)
    expect(() => keyBetween('A', null)).toThrow(/not an ordering key/)
    expect(() => keyBetween('a0', null)).toThrow(/not an ordering key/)
    expect(() => keyBetween('i0i0', null)).toThrow(/not an ordering key/)
  })

  it('keeps keys lowercase base-36, so every database collation sorts them alike', () => {
    let first: string | null = keyBetween(null, null)
    const keys = [first]
    // Inserting at the top again and again walks into the negative integers.
    for (let i = 0; i < 300; i++) {
      first = keyBetween(null, first)
      keys.push(first)
    }
    for (const k of keys) expect(k).toMatch(/^[0-9a-z]+$/)
    expect([...keys].reverse()).toEqual([...keys].sort())
  })

  it('accepts every key written before the library scheme once prefixed, in the same order', () => {
    // Keys the hand-written scheme produced: bare base-36 fractions that never end in "0".
    const legacyKey = fc.stringMatching(/^[0-9a-z]{0,6}[1-9a-z]$/)
    fc.assert(
      fc.property(fc.uniqueArray(legacyKey, { minLength: 2, maxLength: 20 }), (legacy) => {
        const sorted = [...legacy].sort()
        const migrated = sorted.map((k) => LEGACY_ORDERING_KEY_PREFIX + k)
        for (const k of migrated) expect(isOrderingKey(k)).toBe(true)
        expect([...migrated].sort()).toEqual(migrated)
        const between = keyBetween(migrated[0] ?? null, migrated[1] ?? null)
        expect(between > (migrated[0] ?? '') && between < (migrated[1] ?? '')).toBe(true)
      }),
    )
  })
})
