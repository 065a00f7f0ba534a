// Maps stored rows to what one caller may see: clients lose non-client statuses and
// fields, vendors lose tasks not assigned to them. Every list, detail, export and event
// goes through here, so a route cannot forget a rule.
import type { ShotRow, TaskSummary } from '@aipipeline/contracts'
import type { CustomFieldRecord, CustomFieldValues, ShotListRecord, StatusRecord, TaskListRecord } from '@aipipeline/db'
import { canSeeField, canSeeStatus, canSeeTask, type ProjectAccess } from '@aipipeline/domain'

export interface Visibility {
  access: ProjectAccess
  statusVisible(statusId: string): boolean
  fields: CustomFieldRecord[]
  taskTypeDepartment: Map<string, string | null>
}

/** Precomputes the caller's view of a project's statuses and fields. */
export function visibilityFor(
  access: ProjectAccess,
  statuses: readonly StatusRecord[],
  fields: readonly CustomFieldRecord[],
  taskTypes: readonly { id: string; department: string | null }[],
): Visibility {
  const visible = new Set(statuses.filter((s) => canSeeStatus(access.role, s)).map((s) => s.id))
  return {
    access,
    statusVisible: (id) => visible.has(id),
    fields: fields.filter((f) => canSeeField(access, f)),
    taskTypeDepartment: new Map(taskTypes.map((t) => [t.id, t.department])),
  }
}

/** Custom field values restricted to the fields the caller may see. */
export function visibleFields(v: Visibility, values: CustomFieldValues): CustomFieldValues {
  const out: CustomFieldValues = {}
  for (const f of v.fields) if (values[f.key] !== undefined) out[f.key] = values[f.key] ?? null
  return out
}

/** A task as the caller sees it, or undefined when hidden (vendors, unassigned). */
export function taskView(
  v: Visibility,
  task: Omit<TaskListRecord, 'shotId'>,
  assigneeIds: string[],
): TaskSummary | undefined {
  if (!canSeeTask(v.access, { assigneeIds, department: null })) return undefined
  return {
    id: task.id,
    taskTypeId: task.taskTypeId,
    statusId: v.statusVisible(task.statusId) ? task.statusId : null,
    assigneeIds,
    priority: task.priority,
    dueDate: task.dueDate,
    retakeCount: task.retakeCount,
  }
}

/** A shot row with its visible tasks. */
export function shotView(v: Visibility, shot: ShotListRecord, tasks: TaskSummary[]): ShotRow {
  return {
    id: shot.id,
    sequenceId: shot.sequenceId,
    code: shot.code,
    orderKey: shot.orderKey,
    description: shot.description,
    frameIn: shot.frameIn,
    frameOut: shot.frameOut,
    duration: shot.frameIn !== null && shot.frameOut !== null ? shot.frameOut - shot.frameIn + 1 : null,
    thumbnailVersionId: shot.thumbnailVersionId,
    customFields: visibleFields(v, shot.customFields),
    updatedAt: shot.updatedAt,
    tasks,
  }
}

/** Groups assignee pairs by task. */
export function assigneesByTask(pairs: readonly { taskId: string; userId: string }[]): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const p of pairs) {
    const list = map.get(p.taskId)
    if (list) list.push(p.userId)
    else map.set(p.taskId, [p.userId])
  }
  return map
}
