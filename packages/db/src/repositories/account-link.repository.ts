// One-time account links (invitations and password resets). Tokens arrive hashed; spending a
// link and setting the password happen in one transaction, so a link works exactly once.
import type { Db } from '../dialect/dialect-factory'
import { isoNow, newId } from '../ids'
import { setPasswordIn } from './user.repository'

export type AccountLinkPurpose = 'invite' | 'reset'

export interface AccountLinkRecord {
  id: string
  userId: string
  purpose: AccountLinkPurpose
  expiresAt: string
}

/** What a presented token turned out to be. */
export type AccountLinkLookup =
  | { kind: 'valid'; link: AccountLinkRecord }
  | { kind: 'unknown' }
  | { kind: 'expired' }
  | { kind: 'used' }

/** Where a user stands with their account links (for the users list). */
export interface AccountLinkState {
  /** Invited and never set a password through any link. */
  invited: boolean
  /** Expiry of the newest link that can still be spent or has expired unspent; null when none. */
  pendingExpiresAt: string | null
  pendingPurpose: AccountLinkPurpose | null
}

function purposeOf(value: string): AccountLinkPurpose {
  return value === 'invite' ? 'invite' : 'reset'
}

export function createAccountLinkRepository(db: Db) {
  return {
    /** Stores a new link for the user; any unspent older link of theirs stops working. */
    async issue(input: {
      userId: string
      purpose: AccountLinkPurpose
      tokenHash: string
      expiresAt: string
      createdBy: string | null
    }): Promise<AccountLinkRecord> {
      const now = isoNow()
      const id = newId()
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('accountLinks')
          .set({ revokedAt: now })
          .where('userId', '=', input.userId)
          .where('usedAt', 'is', null)
          .where('revokedAt', 'is', null)
          .execute()
        await trx
          .insertInto('accountLinks')
          .values({ id, ...input, usedAt: null, revokedAt: null, createdAt: now })
          .execute()
      })
      return { id, userId: input.userId, purpose: input.purpose, expiresAt: input.expiresAt }
    },

    /** Looks a token up without spending it. A replaced link counts as used. */
    async find(tokenHash: string, now: string = isoNow()): Promise<AccountLinkLookup> {
      const row = await db.selectFrom('accountLinks').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst()
      if (!row) return { kind: 'unknown' }
      if (row.usedAt !== null || row.revokedAt !== null) return { kind: 'used' }
      if (row.expiresAt <= now) return { kind: 'expired' }
      return {
        kind: 'valid',
        link: { id: row.id, userId: row.userId, purpose: purposeOf(row.purpose), expiresAt: row.expiresAt },
      }
    },

    /**
     * Spends the link and sets the user's password in one transaction (which ends the user's
     * other sessions). Returns false when the link was spent, replaced or expired meanwhile.
     */
    async redeem(linkId: string, passwordHash: string, now: string = isoNow()): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const spent = await trx
          .updateTable('accountLinks')
          .set({ usedAt: now })
          .where('id', '=', linkId)
          .where('usedAt', 'is', null)
          .where('revokedAt', 'is', null)
          .where('expiresAt', '>', now)
          .returning('userId')
          .executeTakeFirst()
        if (!spent) return false
        await setPasswordIn(trx, spent.userId, passwordHash, now)
        return true
      })
    },

    /** Link state of every user that has links, by user id. */
    async states(): Promise<Map<string, AccountLinkState>> {
      const rows = await db
        .selectFrom('accountLinks')
        .select(['userId', 'purpose', 'expiresAt', 'usedAt', 'revokedAt', 'createdAt'])
        .orderBy('createdAt')
        .orderBy('id')
        .execute()
      const states = new Map<string, AccountLinkState & { everUsed: boolean; everInvited: boolean }>()
      for (const row of rows) {
        const state = states.get(row.userId) ?? {
          invited: false,
          pendingExpiresAt: null,
          pendingPurpose: null,
          everUsed: false,
          everInvited: false,
        }
        if (row.purpose === 'invite') state.everInvited = true
        if (row.usedAt !== null) state.everUsed = true
        const open = row.usedAt === null && row.revokedAt === null
        state.pendingExpiresAt = open ? row.expiresAt : null
        state.pendingPurpose = open ? purposeOf(row.purpose) : null
        states.set(row.userId, state)
      }
      return new Map(
        [...states].map(([userId, s]) => [
          userId,
          {
            invited: s.everInvited && !s.everUsed,
            pendingExpiresAt: s.pendingExpiresAt,
            pendingPurpose: s.pendingPurpose,
          },
        ]),
      )
    },
  }
}
export type AccountLinkRepository = ReturnType<typeof createAccountLinkRepository>
