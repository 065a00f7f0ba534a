// Rules about a project's team as a whole (one member's access is production-access.ts).
import { effectiveRole, type Role } from '../auth/role'
import { RuleViolation } from '../errors/domain-error'

/** A member as the team rules see them: global role and per-project override. */
export interface TeamSeat {
  userId: string
  globalRole: Role
  projectRole: Role | null
}

/** Whether the seat runs the project (the same roles canManageProject lets in). */
function runsProject(seat: TeamSeat): boolean {
  const role = effectiveRole(seat.globalRole, seat.projectRole ?? undefined)
  return role === 'admin' || role === 'manager'
}

/**
 * A team that has someone running it keeps one: refuses the change from `before` to `after`
 * when it removes or demotes the last manager. A team that never had one (a fresh import, a
 * project an admin set up) may still be changed freely.
 */
export function requireProjectKeepsManager(before: readonly TeamSeat[], after: readonly TeamSeat[]): void {
  if (before.some(runsProject) && !after.some(runsProject))
    throw new RuleViolation('a project needs at least one manager; add another manager first', {
      rule: 'last_manager',
    })
}
