// People administration beyond plain user records: the users list with status and last
// sign-in, invitations and password resets by one-time link, and a user's own password change.
import type { AccountLink, AccountLinkPurpose, InviteUserRequest, Session, UserSummary } from '@aipipeline/contracts'
import type {
  AccountLinkRepository,
  RefreshTokenRepository,
  SignInAddressRepository,
  UserRecord,
  UserRepository,
} from '@aipipeline/db'
import { DomainError, NotFound, RuleViolation, Unauthenticated } from '@aipipeline/domain'
import type { z } from 'zod'
import type { AuthService } from './auth.service'
import { openSession, toUser } from './auth.service'
import { hashPassword, verifyPassword } from './password'
import { hashRefreshToken, newRefreshToken, type TokenService } from './token.service'

/** A one-time link that cannot be used (HTTP 410); `reason` says why, for a translated message. */
export class AccountLinkInvalid extends DomainError {
  readonly code = 'account_link_invalid'
  constructor(reason: 'unknown' | 'expired' | 'used') {
    super(
      reason === 'expired'
        ? 'this link has expired'
        : reason === 'used'
          ? 'this link was already used'
          : 'unknown link',
      { reason },
    )
  }
}

export interface AccountServiceDeps {
  users: UserRepository
  accountLinks: AccountLinkRepository
  refreshTokens: RefreshTokenRepository
  signInAddresses: SignInAddressRepository
  tokens: TokenService
  auth: Pick<AuthService, 'createUser'>
  refreshTtlDays: number
  /** How long an unspent one-time link works. */
  linkTtlDays: number
  sessions?: { ended(userId: string, version: number): Promise<void> }
}

export function createAccountService(deps: AccountServiceDeps) {
  async function issueLink(userId: string, purpose: AccountLinkPurpose, createdBy: string): Promise<AccountLink> {
    const token = newRefreshToken()
    const expiresAt = new Date(Date.now() + deps.linkTtlDays * 86_400_000).toISOString()
    await deps.accountLinks.issue({ userId, purpose, tokenHash: hashRefreshToken(token), expiresAt, createdBy })
    return { userId, purpose, token, expiresAt }
  }

  async function validLink(token: string) {
    const found = await deps.accountLinks.find(hashRefreshToken(token))
    if (found.kind !== 'valid') throw new AccountLinkInvalid(found.kind)
    const user = await deps.users.findById(found.link.userId)
    if (!user) throw new AccountLinkInvalid('unknown')
    if (!user.active) throw new RuleViolation('this account is deactivated', { rule: 'account_deactivated' })
    return { link: found.link, user }
  }

  /** Signs the user out everywhere else (sockets too) and opens a fresh session here. */
  async function afterPasswordSet(user: UserRecord, clientAddress: string): Promise<Session> {
    await deps.sessions?.ended(user.id, user.sessionVersion)
    await deps.signInAddresses.remember(user.id, clientAddress)
    return openSession(deps, user)
  }

  /** Every user with status, last sign-in and the link they have not spent yet. */
  async function listUsers(): Promise<UserSummary[]> {
    const [users, links, signIns] = await Promise.all([
      deps.users.list(),
      deps.accountLinks.states(),
      deps.signInAddresses.lastSignIns(),
    ])
    return users.map((u) => {
      const link = links.get(u.id)
      return {
        ...toUser(u),
        status: !u.active ? 'deactivated' : link?.invited ? 'invited' : 'active',
        lastSignedInAt: signIns.get(u.id) ?? null,
        pendingLink:
          link?.pendingPurpose && link.pendingExpiresAt
            ? { purpose: link.pendingPurpose, expiresAt: link.pendingExpiresAt }
            : null,
      }
    })
  }

  async function summaryOf(userId: string): Promise<UserSummary> {
    const found = (await listUsers()).find((u) => u.id === userId)
    if (!found) throw new NotFound('user', userId)
    return found
  }

  return {
    listUsers,

    /** Creates the user with an unusable password and a one-time invitation link. */
    async invite(input: z.output<typeof InviteUserRequest>, invitedBy: string) {
      const unusable = newRefreshToken() + newRefreshToken()
      const user = await deps.auth.createUser({ ...input, password: unusable })
      const link = await issueLink(user.id, 'invite', invitedBy)
      return { user: await summaryOf(user.id), link }
    },

    /** A new link for the user: an invitation again while they never set a password, else a reset. */
    async issueLinkFor(userId: string, issuedBy: string): Promise<AccountLink> {
      const user = await deps.users.findById(userId)
      if (!user) throw new NotFound('user', userId)
      if (!user.active) throw new RuleViolation('this account is deactivated', { rule: 'account_deactivated' })
      const invited = (await deps.accountLinks.states()).get(userId)?.invited ?? false
      return issueLink(userId, invited ? 'invite' : 'reset', issuedBy)
    },

    async inspectLink(token: string) {
      const { link, user } = await validLink(token)
      return { purpose: link.purpose, email: user.email, displayName: user.displayName, expiresAt: link.expiresAt }
    },

    /** Sets the password through a link (once) and signs in; other sessions end. */
    async redeemLink(token: string, password: string, clientAddress: string): Promise<Session> {
      const { link } = await validLink(token)
      const spent = await deps.accountLinks.redeem(link.id, await hashPassword(password))
      if (!spent) throw new AccountLinkInvalid('used')
      const user = await deps.users.findById(link.userId)
      if (!user) throw new AccountLinkInvalid('unknown')
      return afterPasswordSet(user, clientAddress)
    },

    /** Checks the current password, sets the new one, signs out every other session. */
    async changePassword(
      userId: string,
      input: { currentPassword: string; newPassword: string },
      clientAddress: string,
    ): Promise<Session> {
      const current = await deps.users.findByIdWithHash(userId)
      if (!current) throw new Unauthenticated('user no longer exists')
      if (!(await verifyPassword(current.passwordHash, input.currentPassword)))
        throw new RuleViolation('the current password is not correct', { rule: 'current_password_wrong' })
      const user = await deps.users.setPassword(userId, await hashPassword(input.newPassword))
      if (!user) throw new Unauthenticated('user no longer exists')
      return afterPasswordSet(user, clientAddress)
    },
  }
}
export type AccountService = ReturnType<typeof createAccountService>
