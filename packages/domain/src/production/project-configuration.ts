// Rules for changing a project's configuration once work has started: statuses, task types
// and custom field descriptors that tasks, comments and shots already refer to. Each rule
// throws RuleViolation (HTTP 422, not 409: nothing clashes, the request breaks a rule) naming
// what still depends on the thing, so the caller learns what to clean up first.
import type { Role } from '../auth/role'
import { RuleViolation } from '../errors/domain-error'

/** What still refers to a status. */
export interface StatusUsage {
  /** Tasks currently in the status. */
  tasks: number
  /** Comments whose status change names it (the task's history). */
  comments: number
  /** Whether it is the project's folder status (entering it creates shot folders). */
  isFolderStatus: boolean
}

/**
 * A status may be deleted only when nothing refers to it: new tasks start in the default
 * status, tasks and their comment history name it, and the folder rule fires on it.
 */
export function assertStatusDeletable(status: { name: string; isDefault: boolean }, usage: StatusUsage): void {
  if (status.isDefault) {
    throw new RuleViolation(
      `status "${status.name}" is the default status: make another status the default before deleting it`,
      { reason: 'default_status' },
    )
  }
  if (usage.isFolderStatus) {
    throw new RuleViolation(
      `status "${status.name}" is the project's folder status: choose another folder status first`,
      { reason: 'folder_status' },
    )
  }
  if (usage.tasks > 0 || usage.comments > 0) {
    throw new RuleViolation(
      `status "${status.name}" is still used by ${usage.tasks} task(s) and ${usage.comments} comment(s) of task history`,
      { reason: 'status_in_use', tasks: usage.tasks, comments: usage.comments },
    )
  }
}

/** New tasks start in the default status, so the default flag can move but never vanish. */
export function assertKeepsADefault(status: { name: string; isDefault: boolean }, nextIsDefault: boolean): void {
  if (status.isDefault && !nextIsDefault) {
    throw new RuleViolation(
      `status "${status.name}" is the only default status: make another status the default instead`,
      { reason: 'last_default_status' },
    )
  }
}

/** A kanban column shown to clients must be a status clients may see. */
export function assertBoardVisibility(status: { clientAllowed: boolean; boardVisibleTo: readonly Role[] }): void {
  if (status.boardVisibleTo.includes('client') && !status.clientAllowed) {
    throw new RuleViolation('a status shown on the client board must be client-allowed', {
      reason: 'client_board_hidden_status',
    })
  }
}

/**
 * What marks a task type's tasks as worked on. Every shot gets one task per type, so
 * "unused" cannot mean "no tasks": it means every task is still the untouched placeholder
 * made when its shot was created.
 */
export interface TaskTypeUsage {
  /** Comments on its tasks (every status change is a comment). */
  comments: number
  versions: number
  /** Tasks with at least one assignee. */
  assignedTasks: number
  /** Tasks with a due date or a priority set. */
  plannedTasks: number
  /** Render jobs that will attach their outputs to its tasks. */
  renderJobs: number
}

const USE_NAMES: readonly (readonly [keyof TaskTypeUsage, string])[] = [
  ['comments', 'comment(s)'],
  ['versions', 'version(s)'],
  ['assignedTasks', 'assigned task(s)'],
  ['plannedTasks', 'planned task(s)'],
  ['renderJobs', 'render job(s)'],
]

/** A task type may be deleted (with its placeholder tasks) only while no task of it was worked on. */
export function assertTaskTypeDeletable(taskType: { name: string }, usage: TaskTypeUsage): void {
  const uses = USE_NAMES.filter(([key]) => usage[key] > 0)
  if (uses.length > 0) {
    const list = uses.map(([key, label]) => `${usage[key]} ${label}`).join(', ')
    throw new RuleViolation(`task type "${taskType.name}" is in use: ${list}`, { reason: 'task_type_in_use', ...usage })
  }
}

/**
 * A list or tags field may lose a choice only when no shot holds it: stored values are
 * validated against the choices on every write, so a shot holding a removed choice could no
 * longer be saved.
 */
export function assertChoicesCoverValues(
  field: { name: string; type: string },
  choices: readonly string[],
  usedValues: ReadonlySet<string>,
): void {
  if ((field.type !== 'list' && field.type !== 'tags') || choices.length === 0) return
  const dropped = [...usedValues].filter((v) => !choices.includes(v)).sort()
  if (dropped.length > 0) {
    throw new RuleViolation(`field "${field.name}": shots still hold ${dropped.map((d) => `"${d}"`).join(', ')}`, {
      reason: 'choice_in_use',
      choices: dropped,
    })
  }
}

/**
 * A custom field is deleted with the values shots hold only when the caller asks for that:
 * as with statuses and task types, a delete that would destroy work is refused, naming it.
 * Unlike them the use is plain data that needs no cleanup in order, and clearing a column on
 * hundreds of shots by hand first would be busywork, so `dropValues` clears them with the
 * field in one step (an app asks its user first, showing the count from the refusal).
 */
export function assertCustomFieldDeletable(
  field: { name: string },
  shotsWithValues: number,
  dropValues: boolean,
): void {
  if (shotsWithValues > 0 && !dropValues) {
    throw new RuleViolation(
      `field "${field.name}" holds values on ${shotsWithValues} shot(s): clear them first, or delete with dropValues to clear them with the field`,
      { reason: 'custom_field_in_use', shots: shotsWithValues },
    )
  }
}

/**
 * The items with one moved to a 0-based position (a position past the end moves it last).
 * Returns every item with its new position so the caller can renumber densely.
 */
export function moveToPosition<T extends { id: string }>(
  items: readonly T[],
  id: string,
  position: number,
): (T & { position: number })[] {
  const moving = items.find((i) => i.id === id)
  if (!moving) return items.map((item, i) => ({ ...item, position: i }))
  const rest = items.filter((i) => i.id !== id)
  const at = Math.max(0, Math.min(position, rest.length))
  return [...rest.slice(0, at), moving, ...rest.slice(at)].map((item, i) => ({ ...item, position: i }))
}
