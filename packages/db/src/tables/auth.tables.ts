// Row types for authentication tables. Timestamps are ISO-8601 UTC text written by the
// app; booleans are integers 0/1 so SQLite and Postgres share one code path.
import type { ColumnType, Generated } from 'kysely'

export interface UsersTable {
  id: string
  email: string
  displayName: string
  role: string
  locale: string
  active: number
  passwordHash: string
  /** Bumped whenever the user's access tokens must stop working (see ADR on sessions). */
  sessionVersion: number
  createdAt: string
  updatedAt: string
  /**
   * Set for a review guest's hidden account (the link it came through): such a user cannot sign
   * in and is left out of every user list, search and member pick.
   */
  guestLinkId: ColumnType<string | null, string | null | undefined, string | null>
}

/** Refresh tokens are stored hashed; a family is one login and all its rotations. */
export interface RefreshTokensTable {
  id: string
  userId: string
  familyId: string
  tokenHash: string
  expiresAt: string
  /** Set when rotated or revoked; a rotated token presented again revokes its family. */
  usedAt: string | null
  revokedAt: string | null
  createdAt: string
}

export interface ProjectRoleOverridesTable {
  projectId: string
  userId: string
  role: string
  createdAt: string
}

export interface SettingsTable {
  key: string
  value: string
  updatedAt: string
}

/** Addresses a user has signed in from successfully (sign-in limits trust them more). */
export interface SignInAddressesTable {
  userId: string
  address: string
  lastSignedInAt: string
}

/** One-time invitation and password-reset links; the token itself is never stored. */
export interface AccountLinksTable {
  id: string
  userId: string
  /** 'invite' | 'reset' */
  purpose: string
  tokenHash: string
  expiresAt: string
  usedAt: string | null
  /** Set when a newer link for the same user replaced this one. */
  revokedAt: string | null
  createdBy: string | null
  createdAt: string
}

export interface AuthTables {
  users: UsersTable
  accountLinks: AccountLinksTable
  signInAddresses: SignInAddressesTable
  refreshTokens: RefreshTokensTable
  projectRoleOverrides: ProjectRoleOverridesTable
  settings: SettingsTable
}

export type { Generated }
