import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { base64Field, isStrictBase64 } from './base64'

describe('strict base64', () => {
  it('accepts whatever a standard encoder writes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(isStrictBase64(Buffer.from(bytes).toString('base64'))).toBe(true)
      }),
    )
  })

  it('refuses a foreign character, a missing pad, whitespace and base64url', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 200 }),
        fc.constantFrom('!', ' ', '\n', '-', '_', '.', '\u00e9'),
        fc.nat(),
        (bytes, bad, at) => {
          const text = Buffer.from(bytes).toString('base64')
          const i = at % text.length
          expect(isStrictBase64(`${text.slice(0, i)}${bad}${text.slice(i + 1)}`)).toBe(false)
        },
      ),
    )
    expect(isStrictBase64('YWI')).toBe(false)
    expect(isStrictBase64('YW=j')).toBe(false)
  })

  it('reports a bad value on the field as a zod issue', () => {
    const result = base64Field(100).safeParse('not base64!')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/base64/)
  })
})
