// Task statuses carry their meaning as flags (as in Kitsu): a status is "the retake one"
// because it has `isRetake`, not because of its name. Posting a comment is the only way a
// task's status changes; the date stamps and retake counter below derive from that change.
import { z } from 'zod'
import type { Role } from '../auth/role'
import { RuleViolation } from '../errors/domain-error'

/** The six kanban column kinds; every status belongs to one. */
export const BOARD_ROLES = ['pending', 'wip', 'review', 'approved', 'retake', 'final'] as const
export const BoardRole = z.enum(BOARD_ROLES)
export type BoardRole = z.infer<typeof BoardRole>

export const StatusFlags = z.object({
  isDefault: z.boolean(),
  isWip: z.boolean(),
  isFeedbackRequest: z.boolean(),
  isRetake: z.boolean(),
  isDone: z.boolean(),
  /** Artists (and vendors) may set it on tasks assigned to them. */
  artistAllowed: z.boolean(),
  /** Clients may see it, and set it where they act. */
  clientAllowed: z.boolean(),
})
export type StatusFlags = z.infer<typeof StatusFlags>

export interface StatusDefinition extends StatusFlags {
  name: string
  shortName: string
  /** CSS colour, `#rrggbb`. */
  color: string
  boardRole: BoardRole
  /** Roles that see this status as a kanban column. */
  boardVisibleTo: readonly Role[]
}

const STAFF: readonly Role[] = ['admin', 'manager', 'supervisor', 'artist', 'vendor']
const EVERYONE: readonly Role[] = [...STAFF, 'client']
const NO_FLAGS: StatusFlags = {
  isDefault: false,
  isWip: false,
  isFeedbackRequest: false,
  isRetake: false,
  isDone: false,
  artistAllowed: false,
  clientAllowed: false,
}

/** The status set every new project starts with, in board order. */
export const DEFAULT_STATUSES: readonly StatusDefinition[] = [
  {
    ...NO_FLAGS,
    name: 'Pending',
    shortName: 'pnd',
    color: '#9e9e9e',
    boardRole: 'pending',
    boardVisibleTo: STAFF,
    isDefault: true,
  },
  {
    ...NO_FLAGS,
    name: 'WIP',
    shortName: 'wip',
    color: '#3273dc',
    boardRole: 'wip',
    boardVisibleTo: STAFF,
    isWip: true,
    artistAllowed: true,
  },
  {
    ...NO_FLAGS,
    name: 'Review',
    shortName: 'rev',
    color: '#ab26ff',
    boardRole: 'review',
    boardVisibleTo: EVERYONE,
    isFeedbackRequest: true,
    artistAllowed: true,
    clientAllowed: true,
  },
  {
    ...NO_FLAGS,
    name: 'Approved',
    shortName: 'apr',
    color: '#22d160',
    boardRole: 'approved',
    boardVisibleTo: EVERYONE,
    isDone: true,
    clientAllowed: true,
  },
  {
    ...NO_FLAGS,
    name: 'Retake',
    shortName: 'rtk',
    color: '#ff3860',
    boardRole: 'retake',
    boardVisibleTo: EVERYONE,
    isRetake: true,
    clientAllowed: true,
  },
  {
    ...NO_FLAGS,
    name: 'Final',
    shortName: 'fin',
    color: '#1a7f37',
    boardRole: 'final',
    boardVisibleTo: EVERYONE,
    isDone: true,
    clientAllowed: true,
  },
]

/** Whether a role may see a status at all (clients see only client-allowed ones). */
export function canSeeStatus(role: Role, status: StatusFlags): boolean {
  return role === 'client' ? status.clientAllowed : true
}

/** Whether a role may set a status (where it may act on the task at all). */
export function canSetStatus(role: Role, status: StatusFlags): boolean {
  switch (role) {
    case 'admin':
    case 'manager':
    case 'supervisor':
      return true
    case 'artist':
    case 'vendor':
      return status.artistAllowed
    case 'client':
      return status.clientAllowed
  }
}

/** The progress fields of a task that a status change rewrites. */
export interface TaskProgress {
  statusId: string
  retakeCount: number
  realStartDate: string | null
  endDate: string | null
  doneDate: string | null
}

/** Refuses a retake once the task has used the project's retake cap (null = no cap). */
export function assertRetakeAllowed(retakeCount: number, cap: number | null): void {
  if (cap !== null && retakeCount >= cap) {
    throw new RuleViolation(`no more retakes allowed: this task already had ${retakeCount} of ${cap}`, {
      retakeCount,
      cap,
    })
  }
}

/**
 * The task after moving to `to` at `now`: entering a retake counts it, the first WIP stamps
 * the real start, a feedback request stamps the end, done stamps the done date.
 */
export function applyStatusChange(
  task: TaskProgress,
  from: StatusFlags,
  to: StatusFlags & { id: string },
  now: string,
): TaskProgress {
  const enteringRetake = to.isRetake && !(from.isRetake && task.statusId === to.id)
  return {
    statusId: to.id,
    retakeCount: task.retakeCount + (enteringRetake ? 1 : 0),
    realStartDate: task.realStartDate ?? (to.isWip ? now : null),
    endDate: to.isFeedbackRequest ? now : to.isDone ? task.endDate : null,
    doneDate: to.isDone ? (from.isDone ? (task.doneDate ?? now) : now) : null,
  }
}
