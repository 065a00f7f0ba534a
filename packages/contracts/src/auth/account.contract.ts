// Invitations, admin-issued password resets and a user's own password change. A one-time link
// carries a random token; the server keeps only its hash. The web app puts the token in the
// URL fragment, so it never reaches a server or proxy log.
import { access, Role } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'
import { AccountLinkPurpose, Locale, NewPassword, Session, UserIdParams, UserSummary } from './auth.contract'

const Token = z.string().min(20).max(256)

export const InviteUserRequest = z
  .object({
    email: z.email().max(320),
    displayName: z.string().trim().min(1).max(120),
    role: Role,
    locale: Locale.default('en'),
  })
  .strict()

/** A freshly issued one-time link; the token is shown once and never stored in clear. */
export const AccountLink = z
  .object({
    userId: z.string(),
    purpose: AccountLinkPurpose,
    token: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'AccountLink' })
export type AccountLink = z.infer<typeof AccountLink>

export const Invitation = z.object({ user: UserSummary, link: AccountLink }).meta({ id: 'Invitation' })

export const AccountLinkTokenRequest = z.object({ token: Token }).strict()
/** What the link page shows before the invitee or user sets a password. */
export const AccountLinkInfo = z
  .object({ purpose: AccountLinkPurpose, email: z.string(), displayName: z.string(), expiresAt: z.string() })
  .meta({ id: 'AccountLinkInfo' })
export const RedeemAccountLinkRequest = z.object({ token: Token, password: NewPassword }).strict()

export const ChangePasswordRequest = z
  .object({ currentPassword: z.string().min(1).max(1024), newPassword: NewPassword })
  .strict()

/** Why a link no longer works (HTTP 410, code account_link_invalid, details.reason). */
export const AccountLinkInvalidReason = z.enum(['unknown', 'expired', 'used'])

export const accountRoutes = {
  inviteUser: defineRoute({
    method: 'POST',
    path: '/api/users/invitations',
    summary: 'Create a user who sets their own password through a one-time link',
    tags: ['users'],
    access: access.only('admin'),
    body: InviteUserRequest,
    response: Invitation,
    status: 201,
  }),
  issueAccountLink: defineRoute({
    method: 'POST',
    path: '/api/users/:id/account-link',
    summary: 'Issue a one-time link: a new invitation for an invited user, a password reset otherwise',
    tags: ['users'],
    access: access.only('admin'),
    params: UserIdParams,
    response: AccountLink,
    status: 201,
  }),
  inspectAccountLink: defineRoute({
    method: 'POST',
    path: '/api/auth/account-links/inspect',
    summary: 'Whose a one-time link is and what it is for (rate-limited like sign-in)',
    tags: ['auth'],
    access: access.public,
    body: AccountLinkTokenRequest,
    response: AccountLinkInfo,
  }),
  redeemAccountLink: defineRoute({
    method: 'POST',
    path: '/api/auth/account-links/redeem',
    summary: 'Set a password with a one-time link and sign in (rate-limited like sign-in)',
    tags: ['auth'],
    access: access.public,
    body: RedeemAccountLinkRequest,
    response: Session,
  }),
  changeMyPassword: defineRoute({
    method: 'POST',
    path: '/api/me/password',
    summary: 'Change own password; every other session is signed out, this one gets fresh tokens',
    tags: ['auth'],
    access: access.authenticated,
    body: ChangePasswordRequest,
    response: Session,
  }),
}
