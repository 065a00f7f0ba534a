// Sign-in, token rotation and user administration.
import type {
  CreateFirstAdminRequest,
  CreateUserRequest,
  Session,
  UpdateMeRequest,
  UpdateUserRequest,
  User,
} from '@aipipeline/contracts'
import { Locale } from '@aipipeline/contracts'
import {
  isoNow,
  newId,
  normaliseEmail,
  type RefreshTokenRepository,
  type SignInAddressRepository,
  type UserRecord,
  type UserRepository,
} from '@aipipeline/db'
import { Conflict, NotFound, type Role, Unauthenticated } from '@aipipeline/domain'
import type { z } from 'zod'
import { dummyPasswordHash, hashPassword, verifyPassword } from './password'
import { hashRefreshToken, newRefreshToken, type TokenService } from './token.service'

export interface AuthServiceDeps {
  users: UserRepository
  refreshTokens: RefreshTokenRepository
  tokens: TokenService
  /** Where successful sign-ins are remembered, for the sign-in limits (sign-in-limits.ts). */
  signInAddresses?: SignInAddressRepository
  refreshTtlDays: number
  /** Told when a user's sessions end (the session cache, which tells the other instances). */
  sessions?: { ended(userId: string, version: number): Promise<void> }
  /** Called when a rotated refresh token is presented again (possible theft). */
  onTokenReuse?: (userId: string, familyId: string) => void
}

/** Maps a stored user to the API shape. */
export function toUser(u: UserRecord): User {
  const locale = Locale.safeParse(u.locale)
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    locale: locale.success ? locale.data : 'en',
    active: u.active,
    createdAt: u.createdAt,
  }
}

function isUniqueViolation(err: unknown): boolean {
  const msg = err instanceof Error ? err.message : ''
  return /UNIQUE constraint failed|duplicate key value/.test(msg)
}

/** Opens a session for the user: a refresh token in `familyId` and an access token. */
export async function openSession(
  deps: Pick<AuthServiceDeps, 'refreshTokens' | 'tokens' | 'refreshTtlDays'>,
  user: UserRecord,
  familyId: string = newId(),
): Promise<Session> {
  const refreshToken = newRefreshToken()
  const expiresAt = new Date(Date.now() + deps.refreshTtlDays * 86_400_000).toISOString()
  await deps.refreshTokens.insert({ userId: user.id, familyId, tokenHash: hashRefreshToken(refreshToken), expiresAt })
  const accessToken = await deps.tokens.issueAccess({
    userId: user.id,
    role: user.role,
    sessionVersion: user.sessionVersion,
  })
  return { accessToken, expiresIn: deps.tokens.accessTtlSeconds, refreshToken, user: toUser(user) }
}

export function createAuthService(deps: AuthServiceDeps) {
  const startSession = (user: UserRecord, familyId: string) => openSession(deps, user, familyId)
  /**
   * First-admin requests run one at a time in this process, so two browsers racing on an empty
   * studio make one admin and one 409. (A scale-out studio is set up before its second instance
   * starts, or from AIPIPELINE_ADMIN_EMAIL.)
   */
  let firstRun: Promise<unknown> = Promise.resolve()

  return {
    /**
     * Checks credentials and opens a session (a new refresh-token family). Attempts are
     * limited before this runs (sign-in-limits.ts); a success makes the address known.
     */
    async login(input: { email: string; password: string; clientAddress: string }): Promise<Session> {
      const user = await deps.users.findByEmailWithHash(input.email)
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password)
      if (!user || !ok) throw new Unauthenticated('email or password is incorrect')
      if (!user.active) throw new Unauthenticated('this account is deactivated')
      await deps.signInAddresses?.remember(user.id, input.clientAddress)
      return startSession(user, newId())
    },

    /** Spends a refresh token and issues the next one in the same family. */
    async refresh(refreshToken: string): Promise<Session> {
      const outcome = await deps.refreshTokens.consume(hashRefreshToken(refreshToken), isoNow())
      switch (outcome.kind) {
        case 'unknown':
          throw new Unauthenticated('refresh token not recognised')
        case 'expired':
          throw new Unauthenticated('refresh token expired')
        case 'revoked':
          throw new Unauthenticated('refresh token revoked')
        case 'reused':
          deps.onTokenReuse?.(outcome.userId, outcome.familyId)
          throw new Unauthenticated('refresh token already used; all sessions of this sign-in were revoked')
        case 'rotated': {
          const user = await deps.users.findById(outcome.userId)
          if (!user?.active) {
            await deps.refreshTokens.revokeFamily(outcome.familyId)
            throw new Unauthenticated('this account is deactivated')
          }
          return startSession(user, outcome.familyId)
        }
      }
    },

    /**
     * Revokes the refresh token's family and ends the user's access tokens everywhere: other
     * devices keep their own refresh tokens and get a fresh access token on their next call.
     */
    async logout(refreshToken: string): Promise<void> {
      const revoked = await deps.refreshTokens.revokeByHash(hashRefreshToken(refreshToken))
      if (!revoked) return
      const version = await deps.users.endSessions(revoked.userId)
      if (version !== undefined) await deps.sessions?.ended(revoked.userId, version)
    },

    async me(userId: string): Promise<User> {
      const user = await deps.users.findById(userId)
      if (!user) throw new Unauthenticated('user no longer exists')
      return toUser(user)
    },

    async updateMe(userId: string, patch: z.infer<typeof UpdateMeRequest>): Promise<User> {
      const updated = await deps.users.update(userId, patch)
      if (!updated) throw new NotFound('user', userId)
      return toUser(updated.user)
    },

    async listUsers(): Promise<User[]> {
      return (await deps.users.list()).map(toUser)
    },

    async createUser(input: z.infer<typeof CreateUserRequest>): Promise<User> {
      try {
        const user = await deps.users.insert({
          email: input.email,
          displayName: input.displayName,
          role: input.role,
          locale: input.locale,
          passwordHash: await hashPassword(input.password),
        })
        return toUser(user)
      } catch (err) {
        if (isUniqueViolation(err))
          throw new Conflict(`a user with email ${normaliseEmail(input.email)} already exists`, { rule: 'email_taken' })
        throw err
      }
    },

    async updateUser(id: string, patch: z.infer<typeof UpdateUserRequest>): Promise<User> {
      const updated = await deps.users.update(id, patch)
      if (!updated) throw new NotFound('user', id)
      // A new role or a deactivation ends the user's sessions before the admin hears back.
      if (updated.sessionEnded) await deps.sessions?.ended(id, updated.user.sessionVersion)
      return toUser(updated.user)
    },

    /** Whether the studio has no users yet, so the sign-in page offers to create the first admin. */
    async firstRunState(): Promise<{ needsAdmin: boolean }> {
      return { needsAdmin: (await deps.users.count()) === 0 }
    },

    /** Creates the first admin of an empty studio and signs them in; 409 once any user exists. */
    async createFirstAdmin(input: z.infer<typeof CreateFirstAdminRequest>): Promise<Session> {
      const run = firstRun.then(async () => {
        if ((await deps.users.count()) > 0)
          throw new Conflict('this studio already has users: sign in instead', { rule: 'studio_already_set_up' })
        const created = await this.createUser({ ...input, role: 'admin' as Role })
        const user = await deps.users.findById(created.id)
        if (!user) throw new NotFound('user', created.id)
        return startSession(user, newId())
      })
      firstRun = run.catch(() => undefined)
      return run
    },

    /** Creates the first admin from the environment when the studio has no users yet. */
    async ensureBootstrapAdmin(admin: { email: string; password: string } | undefined): Promise<User | undefined> {
      if (!admin || (await deps.users.count()) > 0) return undefined
      return this.createUser({
        email: admin.email,
        password: admin.password,
        displayName: 'Administrator',
        role: 'admin' as Role,
        locale: 'en',
      })
    },
  }
}
export type AuthService = ReturnType<typeof createAuthService>
