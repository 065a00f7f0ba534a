// Users. Rows are mapped to a domain shape here so callers never see integer booleans.
import { Role } from '@aipipeline/domain'
import type { Db } from '../dialect/dialect-factory'
import { isoNow, newId } from '../ids'
import type { UsersTable } from '../tables/auth.tables'

export interface UserRecord {
  id: string
  email: string
  displayName: string
  role: Role
  locale: string
  active: boolean
  createdAt: string
  updatedAt: string
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

function toRecord(row: UsersTable): UserWithHash {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: Role.parse(row.role),
    locale: row.locale,
    active: row.active === 1,
    passwordHash: row.passwordHash,
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

export function createUserRepository(db: Db) {
  return {
    async insert(input: NewUser): Promise<UserRecord> {
      const now = isoNow()
      const row: UsersTable = {
        id: newId(),
        email: normaliseEmail(input.email),
        displayName: input.displayName,
        role: input.role,
        locale: input.locale,
        active: 1,
        passwordHash: input.passwordHash,
        createdAt: now,
        updatedAt: now,
      }
      await db.insertInto('users').values(row).execute()
      return withoutHash(toRecord(row))
    },

    async findByEmailWithHash(email: string): Promise<UserWithHash | undefined> {
      const row = await db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst()
      return row ? toRecord(row) : undefined
    },

    async findById(id: string): Promise<UserRecord | undefined> {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? withoutHash(toRecord(row)) : undefined
    },

    async count(): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },

    async list(): Promise<UserRecord[]> {
      const rows = await db.selectFrom('users').selectAll().orderBy('email').execute()
      return rows.map((r) => withoutHash(toRecord(r)))
    },

    async update(
      id: string,
      patch: Partial<Pick<UserRecord, 'displayName' | 'role' | 'locale' | 'active'>> & { passwordHash?: string },
    ): Promise<UserRecord | undefined> {
      const { active, ...rest } = patch
      await db
        .updateTable('users')
        .set({ ...rest, ...(active === undefined ? {} : { active: active ? 1 : 0 }), updatedAt: isoNow() })
        .where('id', '=', id)
        .execute()
      return this.findById(id)
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
