// Refresh tokens with rotation. Each login starts a family; rotating marks the old token
// used. Presenting a used token means it was stolen or replayed, so the family is revoked.
import type { Db } from '../dialect/dialect-factory'
import { isoNow, newId } from '../ids'

export interface RefreshTokenRecord {
  id: string
  userId: string
  familyId: string
  expiresAt: string
  usedAt: string | null
  revokedAt: string | null
}

export type RotationOutcome =
  | { kind: 'rotated'; userId: string; familyId: string }
  | { kind: 'unknown' }
  | { kind: 'expired' }
  | { kind: 'revoked' }
  | { kind: 'reused'; userId: string; familyId: string }

export function createRefreshTokenRepository(db: Db) {
  return {
    async insert(input: { userId: string; familyId: string; tokenHash: string; expiresAt: string }): Promise<void> {
      await db
        .insertInto('refreshTokens')
        .values({ id: newId(), ...input, usedAt: null, revokedAt: null, createdAt: isoNow() })
        .execute()
    },

    /**
     * Marks a presented token used and says what happened. Runs in one transaction so two
     * concurrent refreshes with the same token cannot both succeed.
     */
    async consume(tokenHash: string, now: string = isoNow()): Promise<RotationOutcome> {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('refreshTokens')
          .selectAll()
          .where('tokenHash', '=', tokenHash)
          .executeTakeFirst()
        if (!row) return { kind: 'unknown' }
        if (row.revokedAt !== null) return { kind: 'revoked' }
        if (row.usedAt !== null) {
          await trx
            .updateTable('refreshTokens')
            .set({ revokedAt: now })
            .where('familyId', '=', row.familyId)
            .where('revokedAt', 'is', null)
            .execute()
          return { kind: 'reused', userId: row.userId, familyId: row.familyId }
        }
        if (row.expiresAt <= now) return { kind: 'expired' }
        const updated = await trx
          .updateTable('refreshTokens')
          .set({ usedAt: now })
          .where('id', '=', row.id)
          .where('usedAt', 'is', null)
          .executeTakeFirst()
        if (Number(updated.numUpdatedRows) !== 1) return { kind: 'reused', userId: row.userId, familyId: row.familyId }
        return { kind: 'rotated', userId: row.userId, familyId: row.familyId }
      })
    },

    async revokeFamily(familyId: string): Promise<void> {
      await db
        .updateTable('refreshTokens')
        .set({ revokedAt: isoNow() })
        .where('familyId', '=', familyId)
        .where('revokedAt', 'is', null)
        .execute()
    },

    /** Revokes the family of a presented token; says whose it was, so their sessions can end too. */
    async revokeByHash(tokenHash: string): Promise<{ familyId: string; userId: string } | undefined> {
      const row = await db
        .selectFrom('refreshTokens')
        .select(['familyId', 'userId'])
        .where('tokenHash', '=', tokenHash)
        .executeTakeFirst()
      if (row) await this.revokeFamily(row.familyId)
      return row
    },

    /** Deletes tokens that expired before `before`; returns how many. */
    async deleteExpired(before: string): Promise<number> {
      const result = await db.deleteFrom('refreshTokens').where('expiresAt', '<', before).executeTakeFirst()
      return Number(result.numDeletedRows)
    },

    async family(familyId: string): Promise<RefreshTokenRecord[]> {
      return db
        .selectFrom('refreshTokens')
        .select(['id', 'userId', 'familyId', 'expiresAt', 'usedAt', 'revokedAt'])
        .where('familyId', '=', familyId)
        .orderBy('createdAt')
        .execute()
    },
  }
}
export type RefreshTokenRepository = ReturnType<typeof createRefreshTokenRepository>
