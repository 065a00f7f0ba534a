// Access tokens are short-lived HS256 JWTs; refresh tokens are random opaque strings stored
// only as SHA-256 hashes. The JWT key is derived from the master key, never the key itself.
import { createHash, hkdfSync, randomBytes } from 'node:crypto'
import { Role, Unauthenticated } from '@aipipeline/domain'
import { errors, jwtVerify, SignJWT } from 'jose'
import { z } from 'zod'
import type { Principal } from '../../http/principal'

export type { Principal }

/** What an access token says: the principal and the session version it was issued under. */
export interface AccessClaims extends Principal {
  /** The user's session version when the token was issued (see @aipipeline/db session-version.cache.ts). */
  sessionVersion: number
  /**
   * For a review guest: when the token ends (Unix seconds, never after the link does). A socket
   * outlives its handshake token, so each of its events checks this too.
   */
  expiresAt?: number
}

/** Checks that a principal's session is still current; throws Unauthenticated when not. */
export interface SessionCheck {
  assertCurrent(claim: { userId: string; sessionVersion: number }): Promise<void>
}

/** A review guest's scope, carried in their token (see Principal.guest). */
const GuestClaim = z.object({
  linkId: z.string().min(1),
  playlistId: z.string().min(1),
  projectId: z.string().min(1),
  name: z.string().min(1),
})

const Claims = z.object({
  sub: z.string().min(1),
  role: Role,
  typ: z.literal('access'),
  sv: z.number().int().nonnegative(),
  exp: z.number().int(),
  guest: GuestClaim.optional(),
})

/** Derives a purpose-bound 32-byte key from the master key. */
export function deriveKey(master: Buffer, purpose: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', master, Buffer.alloc(0), `aipipeline/${purpose}`, 32))
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url')
}

export function createTokenService(opts: {
  masterKey: Buffer
  accessTtlSeconds: number
  issuer?: string
  /** Without it (command-line tools) a token is checked by signature and expiry only. */
  sessions?: SessionCheck
}) {
  const key = deriveKey(opts.masterKey, 'jwt')
  const issuer = opts.issuer ?? 'aipipeline'
  return {
    accessTtlSeconds: opts.accessTtlSeconds,
    /**
     * Signs an access token for a principal. `notAfterSeconds` caps its expiry (a guest's
     * token never outlives its link).
     */
    async issueAccess(
      p: AccessClaims,
      nowSeconds = Math.floor(Date.now() / 1000),
      notAfterSeconds = Number.POSITIVE_INFINITY,
    ): Promise<string> {
      return new SignJWT({
        role: p.role,
        typ: 'access',
        sv: p.sessionVersion,
        ...(p.guest === undefined ? {} : { guest: p.guest }),
      })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(p.userId)
        .setIssuer(issuer)
        .setIssuedAt(nowSeconds)
        .setExpirationTime(Math.min(nowSeconds + opts.accessTtlSeconds, notAfterSeconds))
        .sign(key)
    },
    /** Verifies an access token and that its session is current; throws Unauthenticated with the reason. */
    async verifyAccess(token: string): Promise<AccessClaims> {
      let principal: AccessClaims
      try {
        const { payload } = await jwtVerify(token, key, { issuer, algorithms: ['HS256'] })
        const claims = Claims.parse(payload)
        principal = {
          userId: claims.sub,
          role: claims.role,
          sessionVersion: claims.sv,
          ...(claims.guest === undefined ? {} : { guest: claims.guest, expiresAt: claims.exp }),
        }
      } catch (err) {
        if (err instanceof errors.JWTExpired) throw new Unauthenticated('access token expired')
        throw new Unauthenticated('invalid access token')
      }
      await opts.sessions?.assertCurrent(principal)
      return principal
    },

    /** Re-checks an already verified principal (each socket event of a long-lived connection). */
    async assertCurrent(principal: AccessClaims, nowSeconds = Date.now() / 1000): Promise<void> {
      if (principal.expiresAt !== undefined && nowSeconds >= principal.expiresAt) {
        throw new Unauthenticated('access token expired')
      }
      await opts.sessions?.assertCurrent(principal)
    },
  }
}
export type TokenService = ReturnType<typeof createTokenService>
