// Review guest links, their guests' hidden accounts and the log of what guests did.
import type { Db } from '../../dialect/dialect-factory'
import { isoNow, newId } from '../../ids'
import type { ReviewGuestLinksTable } from '../../tables/review-guests.tables'

export type GuestAction = 'session' | 'join' | 'comment' | 'draw' | 'leave'

export interface GuestLinkRecord {
  id: string
  playlistId: string
  projectId: string
  label: string
  createdBy: string | null
  createdAt: string
  expiresAt: string
  revokedAt: string | null
  lastUsedAt: string | null
}

export interface GuestLinkWithUse extends GuestLinkRecord {
  actionCount: number
}

export interface GuestLogRecord {
  id: string
  linkId: string
  guestUserId: string
  guestName: string
  action: GuestAction
  detail: string | null
  at: string
}

/** A guest's hidden account: who acts, and the session version its tokens carry. */
export interface GuestAccount {
  userId: string
  sessionVersion: number
}

/** Actions that count as use of a link (a session start or a leave is not an action). */
const COUNTED_ACTIONS: GuestAction[] = ['join', 'comment', 'draw']

function toLink({ tokenHash: _hash, ...row }: ReviewGuestLinksTable): GuestLinkRecord {
  return row
}

export function createGuestLinkRepository(db: Db) {
  return {
    async insert(input: {
      playlistId: string
      projectId: string
      label: string
      tokenHash: string
      createdBy: string | null
      expiresAt: string
    }): Promise<GuestLinkRecord> {
      const row: ReviewGuestLinksTable = {
        id: newId(),
        ...input,
        createdAt: isoNow(),
        revokedAt: null,
        lastUsedAt: null,
      }
      await db.insertInto('reviewGuestLinks').values(row).execute()
      return toLink(row)
    },

    /** A playlist's links, newest first, with how many actions guests took through each. */
    async list(playlistId: string): Promise<GuestLinkWithUse[]> {
      const rows = await db
        .selectFrom('reviewGuestLinks as l')
        .selectAll('l')
        .select((eb) =>
          eb
            .selectFrom('reviewGuestLog as g')
            .whereRef('g.linkId', '=', 'l.id')
            .where('g.action', 'in', COUNTED_ACTIONS)
            .select((c) => c.fn.countAll<number>().as('n'))
            .as('actionCount'),
        )
        .where('l.playlistId', '=', playlistId)
        .orderBy('l.createdAt', 'desc')
        .orderBy('l.id', 'desc')
        .execute()
      return rows.map(({ actionCount, ...row }) => ({ ...toLink(row), actionCount: Number(actionCount ?? 0) }))
    },

    async get(linkId: string): Promise<GuestLinkRecord | undefined> {
      const row = await db.selectFrom('reviewGuestLinks').selectAll().where('id', '=', linkId).executeTakeFirst()
      return row ? toLink(row) : undefined
    },

    async findByTokenHash(tokenHash: string): Promise<GuestLinkRecord | undefined> {
      const row = await db
        .selectFrom('reviewGuestLinks')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .executeTakeFirst()
      return row ? toLink(row) : undefined
    },

    /**
     * Revokes a link and ends its guests' sessions in one transaction: each hidden account is
     * deactivated and its session version bumped, so the per-request session check refuses
     * their tokens. Returns the accounts with their new versions (for the session cache).
     */
    async revoke(linkId: string, now: string = isoNow()): Promise<GuestAccount[]> {
      return db.transaction().execute(async (trx) => {
        await trx
          .updateTable('reviewGuestLinks')
          .set({ revokedAt: now })
          .where('id', '=', linkId)
          .where('revokedAt', 'is', null)
          .execute()
        await trx
          .updateTable('users')
          .set((eb) => ({ active: 0, sessionVersion: eb('sessionVersion', '+', 1), updatedAt: now }))
          .where('guestLinkId', '=', linkId)
          .where('active', '=', 1)
          .execute()
        const rows = await trx
          .selectFrom('users')
          .select(['id', 'sessionVersion'])
          .where('guestLinkId', '=', linkId)
          .execute()
        return rows.map((r) => ({ userId: r.id, sessionVersion: r.sessionVersion }))
      })
    },

    /** Makes the hidden account a guest session acts as: a client that can never sign in. */
    async createGuest(linkId: string, name: string): Promise<GuestAccount> {
      const id = newId()
      const now = isoNow()
      await db
        .insertInto('users')
        .values({
          id,
          // Unique and unroutable (RFC 2606 .invalid); sign-in ignores guest accounts anyway.
          email: `guest-${id}@guests.invalid`,
          displayName: name,
          role: 'client',
          locale: 'en',
          active: 1,
          // Not an argon2 hash: no password ever verifies against it.
          passwordHash: '!guest',
          sessionVersion: 0,
          createdAt: now,
          updatedAt: now,
          guestLinkId: linkId,
        })
        .execute()
      return { userId: id, sessionVersion: 0 }
    },

    async log(entry: Omit<GuestLogRecord, 'id' | 'at'>, at: string = isoNow()): Promise<GuestLogRecord> {
      const row = { id: newId(), ...entry, at }
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('reviewGuestLog').values(row).execute()
        await trx.updateTable('reviewGuestLinks').set({ lastUsedAt: at }).where('id', '=', entry.linkId).execute()
      })
      return row
    },

    /** What guests did through a link, newest first. */
    async listLog(linkId: string, limit = 500): Promise<GuestLogRecord[]> {
      const rows = await db
        .selectFrom('reviewGuestLog')
        .selectAll()
        .where('linkId', '=', linkId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute()
      return rows.map((r) => ({ ...r, action: r.action as GuestAction }))
    },
  }
}
export type GuestLinkRepository = ReturnType<typeof createGuestLinkRepository>
