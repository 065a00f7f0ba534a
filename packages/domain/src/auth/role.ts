// Roles and what they may do. One table answers every permission question so a route
// can never invent its own rule (see the role × route matrix test in apps/server).
import { z } from 'zod'

export const ROLES = ['admin', 'manager', 'supervisor', 'artist', 'client', 'vendor'] as const
export const Role = z.enum(ROLES)
export type Role = z.infer<typeof Role>

/** Higher rank = broader studio-wide authority. Clients and vendors are outside the studio. */
const RANK: Record<Role, number> = { admin: 50, manager: 40, supervisor: 30, artist: 20, vendor: 10, client: 5 }

/** Who may call a route: a minimum staff role, a named set, or anyone signed in / public. */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'roles'; roles: readonly Role[] }
  | { kind: 'agent' }

export const access = {
  public: { kind: 'public' } as const,
  authenticated: { kind: 'authenticated' } as const,
  agent: { kind: 'agent' } as const,
  /** Staff at or above `min` (clients and vendors never qualify through rank). */
  atLeast(min: Role): AccessRule {
    return { kind: 'roles', roles: ROLES.filter((r) => r !== 'client' && r !== 'vendor' && RANK[r] >= RANK[min]) }
  },
  only(...roles: Role[]): AccessRule {
    return { kind: 'roles', roles }
  },
}

/** Resolves the role that applies in a project: a per-project override wins over the global role. */
export function effectiveRole(globalRole: Role, projectRole: Role | undefined): Role {
  if (globalRole === 'admin') return 'admin'
  return projectRole ?? globalRole
}

/** Whether a caller with `role` satisfies `rule` (authentication is checked before this). */
export function roleSatisfies(rule: AccessRule, role: Role | undefined): boolean {
  switch (rule.kind) {
    case 'public':
      return true
    case 'authenticated':
      return role !== undefined
    case 'agent':
      return false
    case 'roles':
      return role !== undefined && rule.roles.includes(role)
  }
}
