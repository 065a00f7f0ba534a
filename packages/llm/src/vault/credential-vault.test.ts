import { randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  createCredentialVault,
  keyHint,
  redactSecrets,
  rotateCredentials,
  VaultCorrupt,
  VaultKeyMismatch,
} from './credential-vault'

const master = () => randomBytes(32)

describe('credential vault', () => {
  it('round-trips any secret and never stores it in the clear', () => {
    const vault = createCredentialVault(master())
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), (secret, context) => {
        const sealed = vault.seal(secret, context)
        expect(vault.open(sealed, context)).toBe(secret)
        if (secret.length >= 4) expect(sealed).not.toContain(secret)
      }),
    )
  })

  it('names the wrong master key instead of returning garbage', () => {
    const sealed = createCredentialVault(master()).seal('sk-live-abcdef123456', 'dep-1')
    expect(() => createCredentialVault(master()).open(sealed, 'dep-1')).toThrow(VaultKeyMismatch)
    expect(() => createCredentialVault(master()).open(sealed, 'dep-1')).toThrow(
      /encrypted with a different AIPIPELINE_SECRET_KEY/,
    )
  })

  it('catches a wrong master key with the canary at start', () => {
    const canary = createCredentialVault(master()).makeCanary()
    expect(() => createCredentialVault(master()).checkCanary(canary)).toThrow(VaultKeyMismatch)
    const key = master()
    const same = createCredentialVault(key)
    expect(() => createCredentialVault(key).checkCanary(same.makeCanary())).not.toThrow()
  })

  it('refuses a sealed key moved to another record or tampered with', () => {
    const vault = createCredentialVault(master())
    const sealed = vault.seal('sk-secret-value-1', 'dep-1')
    expect(() => vault.open(sealed, 'dep-2')).toThrow(VaultCorrupt)
    const parts = sealed.split('.')
    parts[4] = Buffer.from('tampered').toString('base64url')
    expect(() => vault.open(parts.join('.'), 'dep-1')).toThrow(VaultCorrupt)
    expect(() => vault.open('not a sealed value', 'dep-1')).toThrow(/unknown format/)
  })

  it('rotates every credential to a new master key, all or nothing', () => {
    const from = createCredentialVault(master())
    const to = createCredentialVault(master())
    const items = ['a-key-0001', 'b-key-0002'].map((k, i) => ({
      context: `dep-${i}`,
      sealed: from.seal(k, `dep-${i}`),
    }))
    const rotated = rotateCredentials(items, from, to)
    expect(rotated.map((r) => to.open(r.sealed, r.context))).toEqual(['a-key-0001', 'b-key-0002'])
    const broken = [...items, { context: 'dep-9', sealed: to.seal('x', 'dep-9') }]
    expect(() => rotateCredentials(broken, from, to)).toThrow(VaultKeyMismatch)
  })

  it('shows only the last four characters and redacts secrets from text', () => {
    expect(keyHint('sk-proj-1234567890abcd')).toBe('abcd')
    expect(keyHint('short')).toBe('')
    expect(redactSecrets('bad key sk-proj-1234567890abcd!', ['sk-proj-1234567890abcd'])).toBe('bad key [redacted]!')
  })
})
