// API keys at rest: AES-256-GCM under a key derived (HKDF-SHA256, purpose "vault") from the
// studio's master key, the same derivation the server uses for its JWT key. Sealed format:
//
//   v1.<keyId>.<iv>.<tag>.<ciphertext>      (base64url parts; keyId = 8 hex of SHA-256(key))
//
// The key id lets a studio started with another master key say so plainly instead of
// failing on an authentication tag. The caller's context string (e.g. the deployment id) is
// bound in as additional authenticated data, so a sealed key cannot be moved to another row.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto'

const VERSION = 'v1'
const CANARY_PLAINTEXT = 'aipipeline-vault-canary'
const CANARY_CONTEXT = 'vault:canary'

/** The sealed value was made with a different master key than the one this studio runs with. */
export class VaultKeyMismatch extends Error {
  constructor(detail: string) {
    super(`the stored API keys were encrypted with a different AIPIPELINE_SECRET_KEY (${detail})`)
    this.name = 'VaultKeyMismatch'
  }
}

/** The sealed value is not in a format this studio understands, or was tampered with. */
export class VaultCorrupt extends Error {
  constructor(detail: string) {
    super(`a stored API key is unreadable: ${detail}`)
    this.name = 'VaultCorrupt'
  }
}

export interface CredentialVault {
  /** Fingerprint of the derived key, stored in every sealed value. */
  readonly keyId: string
  /** Encrypts a secret bound to `context`. */
  seal(plaintext: string, context: string): string
  /** Decrypts; throws VaultKeyMismatch or VaultCorrupt, never returning garbage. */
  open(sealed: string, context: string): string
  /** A sealed known value; stored once so a start with the wrong master key is caught. */
  makeCanary(): string
  /** Throws VaultKeyMismatch when the canary was sealed under another master key. */
  checkCanary(sealed: string): void
}

/** Derives the vault's 32-byte key from the master key (HKDF-SHA256, info "aipipeline/vault"). */
export function deriveVaultKey(masterKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'aipipeline/vault', 32))
}

function fingerprint(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8)
}

/** Creates a vault over the master key; the key material stays inside the closure. */
export function createCredentialVault(masterKey: Uint8Array): CredentialVault {
  if (masterKey.length !== 32) throw new Error('the vault master key must be 32 bytes')
  const key = deriveVaultKey(masterKey)
  const keyId = fingerprint(key)

  const vault: CredentialVault = {
    keyId,
    seal(plaintext, context) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      cipher.setAAD(Buffer.from(context, 'utf8'))
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      const tag = cipher.getAuthTag()
      return [VERSION, keyId, iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join('.')
    },
    open(sealed, context) {
      const parts = sealed.split('.')
      const [version, sealedKeyId, iv, tag, body] = parts
      if (parts.length !== 5 || version !== VERSION || !sealedKeyId || !iv || !tag || body === undefined) {
        throw new VaultCorrupt(`unknown format (expected ${VERSION}.<keyId>.<iv>.<tag>.<data>)`)
      }
      if (sealedKeyId !== keyId) throw new VaultKeyMismatch(`sealed with key ${sealedKeyId}, this studio has ${keyId}`)
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
        decipher.setAAD(Buffer.from(context, 'utf8'))
        decipher.setAuthTag(Buffer.from(tag, 'base64url'))
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
      } catch {
        // Same key id but the tag fails: the data or its binding changed, not the master key.
        throw new VaultCorrupt(`authentication failed for ${context}`)
      }
    },
    makeCanary() {
      return vault.seal(CANARY_PLAINTEXT, CANARY_CONTEXT)
    },
    checkCanary(sealed) {
      if (vault.open(sealed, CANARY_CONTEXT) !== CANARY_PLAINTEXT) throw new VaultKeyMismatch('canary value differs')
    },
  }
  return vault
}

export interface SealedCredential {
  context: string
  sealed: string
}

/** Re-encrypts every sealed credential from the old master key to the new one (all or nothing). */
export function rotateCredentials(
  items: readonly SealedCredential[],
  from: CredentialVault,
  to: CredentialVault,
): SealedCredential[] {
  // Decrypt everything first: one unreadable item aborts before anything is re-sealed.
  const opened = items.map((item) => ({ context: item.context, plaintext: from.open(item.sealed, item.context) }))
  return opened.map((item) => ({ context: item.context, sealed: to.seal(item.plaintext, item.context) }))
}

/** The last 4 characters of a key, the only part the API ever shows. */
export function keyHint(plaintext: string): string {
  return plaintext.length <= 8 ? '' : plaintext.slice(-4)
}

/** Replaces every occurrence of each secret in a text (error messages, log lines). */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  let out = text
  for (const secret of secrets) {
    if (secret.length >= 6) out = out.split(secret).join('[redacted]')
  }
  return out
}
