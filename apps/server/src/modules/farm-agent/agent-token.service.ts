// Agent tokens: random secrets shown once, stored as SHA-256 (a token is high-entropy, so a
// fast hash is enough; argon2 is for human passwords). Revocation is checked on every request.
import { createHash, randomBytes } from 'node:crypto'
import type { AgentToken } from '@aipipeline/contracts'
import type { AgentTokenRecord, AgentTokenRepository } from '@aipipeline/db'
import { NotFound, Unauthenticated } from '@aipipeline/domain'

const PREFIX = 'apa_'
/** lastUsedAt is written at most this often per token, so heartbeats do not write every beat. */
const TOUCH_EVERY_MS = 60_000

/** SHA-256 hex of a token secret. */
export function hashAgentToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

export function createAgentTokenService(deps: { repo: AgentTokenRepository }) {
  const touched = new Map<string, number>()
  return {
    /** Creates a token; the secret is in the answer and nowhere else. */
    async create(name: string, createdBy: string | null): Promise<{ token: AgentToken; secret: string }> {
      const secret = `${PREFIX}${randomBytes(32).toString('base64url')}`
      const token = await deps.repo.insert({
        name,
        tokenHash: hashAgentToken(secret),
        tokenPrefix: secret.slice(0, PREFIX.length + 6),
        createdBy,
      })
      return { token, secret }
    },

    list(): Promise<AgentToken[]> {
      return deps.repo.list()
    },

    async revoke(id: string): Promise<AgentToken> {
      const token = await deps.repo.revoke(id)
      if (token === null) throw new NotFound('agent token', id)
      return token
    },

    /** The live token for a secret; Unauthenticated when unknown or revoked. */
    async authenticate(secret: string): Promise<AgentTokenRecord> {
      const token = await deps.repo.findActiveByHash(hashAgentToken(secret))
      if (token === null) throw new Unauthenticated('agent token unknown or revoked')
      const now = Date.now()
      if (now - (touched.get(token.id) ?? 0) >= TOUCH_EVERY_MS) {
        touched.set(token.id, now)
        await deps.repo.touch(token.id)
      }
      return token
    },
  }
}
export type AgentTokenService = ReturnType<typeof createAgentTokenService>
