// Users. Rows are mapped to a domain shape here so callers never see integer booleans.
import { Role } from '@aipipeline/domain'
import type { Selectable, Transaction } from 'kysely'
import type { Db } from '../dialect/dialect-factory'
import { isoNow, newId } from '../ids'
import type { UsersTable } from '../tables/auth.tables'
import type { DatabaseSchema } from '../tables/database.schema'

export interface UserRecord {
  id: string
  email: string
  displayName: string
  role: Role
  locale: string
  active: boolean
  /** Access tokens carry this; one issued under an older version is refused. */
  sessionVersion: number
  /** A review guest's hidden account (made by a guest link; never signs in, never listed). */
  guest: boolean
  createdAt: string
  updatedAt: string
}

/** What the per-request session check needs to know about a user. */
export interface SessionState {
  version: number
  active: boolean
}

/** A user after an update, and whether the change ended their open sessions. */
export interface UserUpdate {
  user: UserRecord
  sessionEnded: boolean
}

export interface UserWithHash extends UserRecord {
  passwordHash: string
}

export interface NewUser {
  email: string
  displayName: string
  role: Role
  locale: string
  passwordHash: string
}

function toRecord(row: Selectable<UsersTable>): UserWithHash {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: Role.parse(row.role),
    locale: row.locale,
    active: row.active === 1,
    passwordHash: row.passwordHash,
    sessionVersion: row.sessionVersion,
    guest: row.guestLinkId !== null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

function withoutHash({ passwordHash: _hash, ...user }: UserWithHash): UserRecord {
  return user
}

/** Emails are compared case-insensitively; we store them lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

/**
 * Sets a password inside a transaction: the session version goes up and every refresh token
 * of the user is revoked, so no other device stays signed in with the old password.
 */
export async function setPasswordIn(
  trx: Transaction<DatabaseSchema>,
  id: string,
  passwordHash: string,
  now: string = isoNow(),
): Promise<void> {
  await trx
    .updateTable('users')
    .set((eb) => ({ passwordHash, sessionVersion: eb('sessionVersion', '+', 1), updatedAt: now }))
    .where('id', '=', id)
    .execute()
  await trx
    .updateTable('refreshTokens')
    .set({ revokedAt: now })
    .where('userId', '=', id)
    .where('revokedAt', 'is', null)
    .execute()
}

export function createUserRepository(db: Db) {
  return {
    async insert(input: NewUser): Promise<UserRecord> {
      const now = isoNow()
      const row: Selectable<UsersTable> = {
        id: newId(),
        email: normaliseEmail(input.email),
        displayName: input.displayName,
        role: input.role,
        locale: input.locale,
        active: 1,
        passwordHash: input.passwordHash,
        sessionVersion: 0,
        createdAt: now,
        updatedAt: now,
        guestLinkId: null,
      }
      await db.insertInto('users').values(row).execute()
      return withoutHash(toRecord(row))
    },

    /** The account that signs in with this email; review guests' hidden accounts never do. */
    async findByEmailWithHash(email: string): Promise<UserWithHash | undefined> {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', normaliseEmail(email))
        .where('guestLinkId', 'is', null)
        .executeTakeFirst()
      return row ? toRecord(row) : undefined
    },

    async findByIdWithHash(id: string): Promise<UserWithHash | undefined> {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? toRecord(row) : undefined
    },

    /** Replaces the password and signs the user out everywhere (see setPasswordIn); the new record. */
    async setPassword(id: string, passwordHash: string): Promise<UserRecord | undefined> {
      return db.transaction().execute(async (trx) => {
        await setPasswordIn(trx, id, passwordHash)
        const row = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
        return row ? withoutHash(toRecord(row)) : undefined
      })
    },

    async findById(id: string): Promise<UserRecord | undefined> {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? withoutHash(toRecord(row)) : undefined
    },

    async count(): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('guestLinkId', 'is', null)
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },

    /** The studio's people: review guests' hidden accounts are no one's to list, search or pick. */
    async list(): Promise<UserRecord[]> {
      const rows = await db.selectFrom('users').selectAll().where('guestLinkId', 'is', null).orderBy('email').execute()
      return rows.map((r) => withoutHash(toRecord(r)))
    },

    /**
     * Changes a user. A new role, active flag or password ends every session the user has
     * open (the session version goes up) in the same transaction, so no request can see the
     * new role with an old token.
     */
    async update(
      id: string,
      patch: Partial<Pick<UserRecord, 'displayName' | 'role' | 'locale' | 'active'>> & { passwordHash?: string },
    ): Promise<UserUpdate | undefined> {
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('users').select(['role', 'active']).where('id', '=', id).executeTakeFirst()
        if (!before) return undefined
        const { active, ...rest } = patch
        const activeFlag = active === undefined ? undefined : active ? 1 : 0
        const sessionEnded =
          (patch.role !== undefined && patch.role !== before.role) ||
          (activeFlag !== undefined && activeFlag !== before.active) ||
          patch.passwordHash !== undefined
        await trx
          .updateTable('users')
          .set((eb) => ({
            ...rest,
            ...(activeFlag === undefined ? {} : { active: activeFlag }),
            ...(sessionEnded ? { sessionVersion: eb('sessionVersion', '+', 1) } : {}),
            updatedAt: isoNow(),
          }))
          .where('id', '=', id)
          .execute()
        const row = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
        return { user: withoutHash(toRecord(row)), sessionEnded }
      })
    },

    /** Ends every session of the user (sign-out); returns the new version, undefined for no such user. */
    async endSessions(id: string): Promise<number | undefined> {
      const row = await db
        .updateTable('users')
        .set((eb) => ({ sessionVersion: eb('sessionVersion', '+', 1) }))
        .where('id', '=', id)
        .returning('sessionVersion')
        .executeTakeFirst()
      return row?.sessionVersion
    },

    /** The session version and active flag, read on a session-cache miss. */
    async sessionState(id: string): Promise<SessionState | undefined> {
      const row = await db
        .selectFrom('users')
        .select(['sessionVersion', 'active'])
        .where('id', '=', id)
        .executeTakeFirst()
      return row ? { version: row.sessionVersion, active: row.active === 1 } : undefined
    },

    async projectRole(projectId: string, userId: string): Promise<Role | undefined> {
      const row = await db
        .selectFrom('projectRoleOverrides')
        .select('role')
        .where('projectId', '=', projectId)
        .where('userId', '=', userId)
        .executeTakeFirst()
      return row ? Role.parse(row.role) : undefined
    },

    async setProjectRole(projectId: string, userId: string, role: Role): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('projectRoleOverrides')
          .where('projectId', '=', projectId)
          .where('userId', '=', userId)
          .execute()
        await trx.insertInto('projectRoleOverrides').values({ projectId, userId, role, createdAt: isoNow() }).execute()
      })
    },
  }
}
export type UserRepository = ReturnType<typeof createUserRepository>
