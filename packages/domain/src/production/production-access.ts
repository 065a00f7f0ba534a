// Who may see and do what inside one project. The caller's project role is resolved once
// per request (global role, overridden by the per-project role) into a ProjectAccess, and
// every service and query asks these functions — never the global role.
import type { Role } from '../auth/role'
import { Forbidden, RuleViolation } from '../errors/domain-error'

export interface ProjectAccess {
  projectId: string
  userId: string
  /** Effective role in this project. */
  role: Role
  /** The member's departments; a supervisor with none supervises every department. */
  departments: readonly string[]
  /** An archived project is read-only until a manager unarchives it. */
  archived?: boolean
}

/** The parts of a task that decide who may act on it. */
export interface TaskScope {
  assigneeIds: readonly string[]
  /** Department of the task's type, if any. */
  department: string | null
}

/** Managers and admins run the project: settings, members, statuses, task types. */
export function canManageProject(a: ProjectAccess): boolean {
  return a.role === 'admin' || a.role === 'manager'
}

/** Shot, sequence and asset breakdown edits, ordering, assignment. */
export function canEditBreakdown(a: ProjectAccess): boolean {
  return canManageProject(a) || a.role === 'supervisor'
}

/**
 * Dashboards (progress, retakes per artist, workload, farm and LLM spend) are for those who
 * run or supervise the project; artists, clients and vendors see their own work elsewhere.
 */
export function canFollowProgress(a: Pick<ProjectAccess, 'role'>): boolean {
  return a.role === 'admin' || a.role === 'manager' || a.role === 'supervisor'
}

/** Whether the caller may change status, add versions or assign on this task. */
export function canActOnTask(a: ProjectAccess, task: TaskScope): boolean {
  switch (a.role) {
    case 'admin':
    case 'manager':
      return true
    case 'supervisor':
      return a.departments.length === 0 || (task.department !== null && a.departments.includes(task.department))
    case 'artist':
    case 'vendor':
      return task.assigneeIds.includes(a.userId)
    case 'client':
      return false
  }
}

/** Vendors see only the shots and tasks assigned to them; everyone else sees the whole project. */
export function seesOnlyAssigned(a: ProjectAccess): boolean {
  return a.role === 'vendor'
}

/** Whether the caller may see a task at all. */
export function canSeeTask(a: ProjectAccess, task: TaskScope): boolean {
  return !seesOnlyAssigned(a) || task.assigneeIds.includes(a.userId)
}

/**
 * Staff see every comment. A client sees comments flagged for clients and their own: a
 * comment a client writes stays between that client and the studio unless the client shares
 * it with all clients (`forClient`), so one client never reads another's notes by default.
 */
export function canSeeComment(a: ProjectAccess, comment: { forClient: boolean; authorId: string }): boolean {
  return a.role !== 'client' || comment.forClient || comment.authorId === a.userId
}

/** Roles outside the studio: they see only what is flagged for outsiders. */
export function isOutsider(a: Pick<ProjectAccess, 'role'>): boolean {
  return a.role === 'client' || a.role === 'vendor'
}

/**
 * Custom fields: clients and vendors (outside the studio) see only fields flagged
 * `clientVisible` (the flag reads "visible outside the studio"); staff see every field.
 */
export function canSeeField(a: ProjectAccess, field: { clientVisible: boolean }): boolean {
  return !isOutsider(a) || field.clientVisible
}

/**
 * A supervisor with departments follows only their departments: the activity log and live
 * events about tasks of other departments are not theirs (project-wide and shot-level
 * changes still are). Undefined = follows every department.
 */
export function followedDepartments(a: ProjectAccess): readonly string[] | undefined {
  return a.role === 'supervisor' && a.departments.length > 0 ? a.departments : undefined
}

/** Throws Forbidden unless `allowed`; the message names what was refused. */
export function requireAccess(allowed: boolean, what: string): void {
  if (!allowed) throw new Forbidden(`not allowed: ${what}`)
}

/**
 * Throws RuleViolation (HTTP 422) when the project is archived: it stays readable, but
 * nothing in it changes until a manager unarchives it.
 */
export function assertWritable(a: Pick<ProjectAccess, 'archived'>): void {
  if (a.archived === true) {
    throw new RuleViolation('the project is archived: unarchive it to change it', { reason: 'project_archived' })
  }
}

/**
 * Whether the caller sees how versions were generated (prompt, seed, model, parameters):
 * the studio always; clients only where the project chooses to show them.
 */
export function seesGenerationDetails(
  a: Pick<ProjectAccess, 'role'>,
  project: { showGenerationDetailsToClients: boolean },
): boolean {
  return a.role !== 'client' || project.showGenerationDetailsToClients
}
