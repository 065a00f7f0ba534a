import { access, Role } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'

export const Locale = z.enum(['en', 'ko'])
export type Locale = z.infer<typeof Locale>

export const User = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: Role,
    locale: Locale,
    active: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' })
export type User = z.infer<typeof User>

const Email = z.email().max(320)
const Password = z.string().min(1).max(1024)
/** The strength rule for every password a person chooses (create, invitation, reset, change). */
export const NewPassword = z.string().min(8).max(1024)
export const PASSWORD_MIN_LENGTH = 8

/** Where an account stands: deactivated wins; invited = never set a password of their own. */
export const UserStatus = z.enum(['active', 'deactivated', 'invited'])
export type UserStatus = z.infer<typeof UserStatus>
export const AccountLinkPurpose = z.enum(['invite', 'reset'])
export type AccountLinkPurpose = z.infer<typeof AccountLinkPurpose>

/** A user as the users page lists them. */
export const UserSummary = User.extend({
  status: UserStatus,
  lastSignedInAt: z.string().nullable(),
  /** The newest one-time link not yet spent (it may have expired). */
  pendingLink: z.object({ purpose: AccountLinkPurpose, expiresAt: z.string() }).nullable(),
}).meta({ id: 'UserSummary' })
export type UserSummary = z.infer<typeof UserSummary>

export const LoginRequest = z.object({ email: Email, password: Password }).strict()
export const RefreshRequest = z.object({ refreshToken: z.string().min(10).max(512) }).strict()

export const Session = z
  .object({
    accessToken: z.string(),
    /** Seconds until the access token expires. */
    expiresIn: z.number().int().positive(),
    refreshToken: z.string(),
    user: User,
  })
  .meta({ id: 'Session' })
export type Session = z.infer<typeof Session>

export const UpdateMeRequest = z
  .object({ displayName: z.string().trim().min(1).max(120).optional(), locale: Locale.optional() })
  .strict()

export const CreateUserRequest = z
  .object({
    email: Email,
    displayName: z.string().trim().min(1).max(120),
    role: Role,
    locale: Locale.default('en'),
    password: NewPassword,
  })
  .strict()

/** Whether the studio still waits for its first admin (no users at all). */
export const FirstRunState = z.object({ needsAdmin: z.boolean() }).meta({ id: 'FirstRunState' })
/** The first admin of an empty studio, created from the sign-in page. */
export const CreateFirstAdminRequest = z
  .object({
    email: Email,
    displayName: z.string().trim().min(1).max(120),
    locale: Locale.default('en'),
    password: NewPassword,
  })
  .strict()

export const UserIdParams = z.object({ id: z.string().min(1).max(64) }).strict()
export const UpdateUserRequest = z
  .object({
    displayName: z.string().trim().min(1).max(120).optional(),
    role: Role.optional(),
    active: z.boolean().optional(),
    locale: Locale.optional(),
  })
  .strict()

export const authRoutes = {
  getFirstRun: defineRoute({
    method: 'GET',
    path: '/api/auth/first-run',
    summary: 'Whether the studio has no users yet and waits for its first admin',
    tags: ['auth'],
    access: access.public,
    response: FirstRunState,
  }),
  createFirstAdmin: defineRoute({
    method: 'POST',
    path: '/api/auth/first-run',
    summary: 'Create the first admin of an empty studio and sign in (409 once any user exists)',
    tags: ['auth'],
    access: access.public,
    body: CreateFirstAdminRequest,
    response: Session,
    status: 201,
  }),
  login: defineRoute({
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Sign in with email and password',
    tags: ['auth'],
    access: access.public,
    body: LoginRequest,
    response: Session,
  }),
  refresh: defineRoute({
    method: 'POST',
    path: '/api/auth/refresh',
    summary: 'Exchange a refresh token for a new session (the old token is spent)',
    tags: ['auth'],
    access: access.public,
    body: RefreshRequest,
    response: Session,
  }),
  logout: defineRoute({
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'Revoke the refresh token and its whole family',
    tags: ['auth'],
    access: access.public,
    body: RefreshRequest,
    response: null,
    status: 204,
  }),
  me: defineRoute({
    method: 'GET',
    path: '/api/me',
    summary: 'The signed-in user',
    tags: ['auth'],
    access: access.authenticated,
    response: User,
  }),
  updateMe: defineRoute({
    method: 'PATCH',
    path: '/api/me',
    summary: 'Change own display name or language',
    tags: ['auth'],
    access: access.authenticated,
    body: UpdateMeRequest,
    response: User,
  }),
  listUsers: defineRoute({
    method: 'GET',
    path: '/api/users',
    summary: 'All users with their status and last sign-in',
    tags: ['users'],
    access: access.atLeast('manager'),
    response: z.object({ items: z.array(UserSummary) }),
  }),
  createUser: defineRoute({
    method: 'POST',
    path: '/api/users',
    summary: 'Create a user',
    tags: ['users'],
    access: access.only('admin'),
    body: CreateUserRequest,
    response: User,
    status: 201,
  }),
  updateUser: defineRoute({
    method: 'PATCH',
    path: '/api/users/:id',
    summary: 'Change a user’s role, name, language or active flag',
    tags: ['users'],
    access: access.only('admin'),
    params: UserIdParams,
    body: UpdateUserRequest,
    response: User,
  }),
}
