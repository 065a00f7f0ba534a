// Agent tokens: created by an admin, listed without their secret, revocable. Only the
// SHA-256 of a token is stored, so a database leak does not hand out working tokens.
import type { Db } from '../../dialect/dialect-factory'
import { isoNow, newId } from '../../ids'
import type { FarmAgentTokensTable } from '../../tables/farm-agent.tables'

export type AgentTokenRecord = Omit<FarmAgentTokensTable, 'tokenHash'>

function toRecord(row: FarmAgentTokensTable): AgentTokenRecord {
  const { tokenHash: _secret, ...rest } = row
  return rest
}

/** Repository for `farm_agent_tokens`. */
export function createAgentTokenRepository(db: Db) {
  return {
    async insert(input: {
      name: string
      tokenHash: string
      tokenPrefix: string
      createdBy: string | null
    }): Promise<AgentTokenRecord> {
      const row: FarmAgentTokensTable = {
        id: newId(),
        ...input,
        createdAt: isoNow(),
        lastUsedAt: null,
        revokedAt: null,
      }
      await db.insertInto('farmAgentTokens').values(row).execute()
      return toRecord(row)
    },

    async list(): Promise<AgentTokenRecord[]> {
      const rows = await db.selectFrom('farmAgentTokens').selectAll().orderBy('createdAt').orderBy('id').execute()
      return rows.map(toRecord)
    },

    async get(id: string): Promise<AgentTokenRecord | null> {
      const row = await db.selectFrom('farmAgentTokens').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? toRecord(row) : null
    },

    /** The live (not revoked) token with this hash, or null. */
    async findActiveByHash(tokenHash: string): Promise<AgentTokenRecord | null> {
      const row = await db
        .selectFrom('farmAgentTokens')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .where('revokedAt', 'is', null)
        .executeTakeFirst()
      return row ? toRecord(row) : null
    },

    async touch(id: string, at: string = isoNow()): Promise<void> {
      await db.updateTable('farmAgentTokens').set({ lastUsedAt: at }).where('id', '=', id).execute()
    },

    /** Revokes a token; returns the record (revoked now or earlier) or null when unknown. */
    async revoke(id: string, at: string = isoNow()): Promise<AgentTokenRecord | null> {
      await db
        .updateTable('farmAgentTokens')
        .set({ revokedAt: at })
        .where('id', '=', id)
        .where('revokedAt', 'is', null)
        .execute()
      return this.get(id)
    },
  }
}
export type AgentTokenRepository = ReturnType<typeof createAgentTokenRepository>
