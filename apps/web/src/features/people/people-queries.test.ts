import { describe, expect, it } from 'vitest'
import { accountLinkUrl, tokenFromHash } from './people-queries'

describe('one-time link addresses', () => {
  it('carries the token in the fragment and reads it back', () => {
    const token = 'AbC-_123'.repeat(5)
    const url = accountLinkUrl(token, 'https://studio.example')
    expect(url).toBe(`https://studio.example/account-link#token=${token}`)
    expect(tokenFromHash(new URL(url).hash)).toBe(token)
  })

  it('finds no token in an empty or truncated fragment', () => {
    expect(tokenFromHash('')).toBeNull()
    expect(tokenFromHash('#token=short')).toBeNull()
    expect(tokenFromHash('#other=1')).toBeNull()
  })
})
