// Every production change becomes an activity row (in the change's transaction) and a
// realtime `entity:action` event (after commit). Staff get the event on `project:<id>`;
// each client, vendor and department-scoped supervisor gets a copy filtered to what they may
// see on `user:<id>` (the same rules as the lists).
import type { ProductionEvent, ProductionEventName } from '@aipipeline/contracts'
import type { ActivityRecord, MemberRecord, ProductionRepositories } from '@aipipeline/db'
import { followedDepartments, isOutsider, type ProjectAccess } from '@aipipeline/domain'
import type { EmitEvent, ProductionContext } from './production-context'
import { type Visibility, visibilityFor } from './production-visibility'

type ChangeOf<N extends ProductionEventName> = {
  event: N
  payload: ProductionEvent<N>
  entityId: string
  shotId: string | null
  taskId: string | null
  /** Task ids the change concerns (vendors see it when one is assigned to them). */
  taskIds: string[]
  /** Whether a client may learn of it at all (status and field checks come on top). */
  clientVisible: boolean
  data: Record<string, unknown>
}
export type Change = { [N in Exclude<ProductionEventName, 'notification:new'>]: ChangeOf<N> }[Exclude<
  ProductionEventName,
  'notification:new'
>]

/** Built-in shot columns every role sees. */
const SHOT_COLUMNS = new Set([
  'sequenceId',
  'code',
  'description',
  'frameIn',
  'frameOut',
  'thumbnailVersionId',
  'orderKey',
  'cpeSettings',
])

/** Whether a client may see this entry or event, and in what shape (undefined = not at all). */
export function clientCopy<C extends { event: string; clientVisible: boolean; data: Record<string, unknown> }>(
  v: Visibility,
  change: C,
): Record<string, unknown> | undefined {
  if (!change.clientVisible) return undefined
  const data = { ...change.data }
  if (typeof data.statusId === 'string' && !v.statusVisible(data.statusId)) return undefined
  if (typeof data.previousStatusId === 'string' && !v.statusVisible(data.previousStatusId)) data.previousStatusId = null
  if (Array.isArray(data.fields)) {
    const keys = new Set(v.fields.map((f) => `customFields.${f.key}`))
    const fields = data.fields.filter((f) => typeof f === 'string' && (SHOT_COLUMNS.has(f) || keys.has(f)))
    if (fields.length === 0) return undefined
    data.fields = fields
  }
  return data
}

/** A member's effective role, as access resolution computes it. */
function memberAccess(projectId: string, m: MemberRecord): ProjectAccess {
  const role = m.globalRole === 'admin' ? 'admin' : (m.projectRole ?? m.globalRole)
  return { projectId, userId: m.userId, role, departments: m.departments }
}

/** Whether `access` gets the unfiltered `project:<id>` stream (everyone else gets copies on `user:<id>`). */
export function getsFullStream(access: ProjectAccess): boolean {
  return !isOutsider(access) && followedDepartments(access) === undefined
}

export function createActivityService(ctx: Pick<ProductionContext, 'repos' | 'emit'>) {
  async function outsiderVisibility(projectId: string, access: ProjectAccess): Promise<Visibility> {
    const [statuses, fields] = await Promise.all([
      ctx.repos.projects.statuses(projectId),
      ctx.repos.projects.customFields(projectId),
    ])
    return visibilityFor(access, statuses, fields, [])
  }

  /** Department of each task's type, for the supervisors who follow departments. */
  async function taskDepartments(projectId: string, taskIds: readonly string[]): Promise<Map<string, string | null>> {
    const [tasks, types] = await Promise.all([
      ctx.repos.tasks.findByIds(taskIds),
      ctx.repos.projects.taskTypes(projectId),
    ])
    const department = new Map(types.map((t) => [t.id, t.department]))
    return new Map(tasks.map((t) => [t.id, department.get(t.taskTypeId) ?? null]))
  }

  // Clients: client-visible changes (statuses and fields filtered) and their own comments.
  function toClient(emit: EmitEvent, v: Visibility, changes: readonly Change[]): void {
    const me = v.access.userId
    for (const c of changes) {
      const own = c.event === 'comment:new' && c.payload.actorId === me
      const data = clientCopy(v, own ? { ...c, clientVisible: true } : c)
      if (data === undefined) continue
      emit(`user:${me}`, c.event, { ...c.payload, ...pickPayload(c.payload, data) })
    }
  }

  async function fanOut(emit: EmitEvent, projectId: string, changes: readonly Change[]): Promise<void> {
    const members = (await ctx.repos.projects.members(projectId)).map((m) => memberAccess(projectId, m))
    const filtered = members.filter((a) => !getsFullStream(a))
    if (filtered.length === 0) return
    const taskIds = [...new Set(changes.flatMap((c) => c.taskIds))]
    const needsAssignees = filtered.some((a) => a.role === 'vendor')
    const needsDepartments = filtered.some((a) => followedDepartments(a) !== undefined)
    const [assigned, departments] = await Promise.all([
      needsAssignees ? ctx.repos.tasks.assigneesOf(taskIds) : new Map<string, string[]>(),
      needsDepartments ? taskDepartments(projectId, taskIds) : new Map<string, string | null>(),
    ])
    for (const a of filtered) {
      const followed = followedDepartments(a)
      if (a.role === 'client') toClient(emit, await outsiderVisibility(projectId, a), changes)
      else if (a.role === 'vendor') {
        for (const c of changes)
          if (c.taskIds.some((t) => assigned.get(t)?.includes(a.userId))) emit(`user:${a.userId}`, c.event, c.payload)
      } else if (followed !== undefined) {
        for (const c of changes) {
          const ours = c.taskIds.length === 0 || c.taskIds.some((t) => followed.includes(departments.get(t) ?? ''))
          if (ours) emit(`user:${a.userId}`, c.event, c.payload)
        }
      }
    }
  }

  return {
    /** Writes the activity rows of `changes` (call inside the change's transaction). */
    async record(
      repos: ProductionRepositories,
      projectId: string,
      actorId: string | null,
      changes: readonly Change[],
    ): Promise<void> {
      await repos.activity.insert(
        changes.map((c) => ({
          projectId,
          actorId,
          event: c.event,
          entityId: c.entityId,
          shotId: c.shotId,
          taskId: c.taskId,
          clientVisible: c.clientVisible,
          data: c.data,
        })),
      )
    },

    /** Sends `changes` to the project room and filtered copies to outsiders (after commit). */
    async publish(projectId: string, changes: readonly Change[]): Promise<void> {
      if (changes.length === 0) return
      for (const c of changes) ctx.emit(`project:${projectId}`, c.event, c.payload)
      await fanOut(ctx.emit, projectId, changes)
    },

    /**
     * Activity entries as a caller may see them: clients get client-visible entries and their
     * own, with statuses and fields filtered; vendors (already scoped to their tasks) lose
     * fields they may not see; staff get them as stored.
     */
    viewFor(v: Visibility, entries: readonly ActivityRecord[]): ActivityRecord[] {
      if (!isOutsider(v.access)) return [...entries]
      const me = v.access.userId
      return entries.flatMap((e) => {
        if (v.access.role === 'vendor') return [{ ...e, data: withoutHiddenFields(v, e.data) }]
        const own = e.event === 'comment:new' && e.actorId === me
        const data = clientCopy(v, own ? { ...e, clientVisible: true } : e)
        return data === undefined ? [] : [{ ...e, data }]
      })
    },
  }
}
export type ActivityService = ReturnType<typeof createActivityService>

/** Data with the names of custom fields the caller may not see taken out of `fields`. */
function withoutHiddenFields(v: Visibility, data: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(data.fields)) return data
  const keys = new Set(v.fields.map((f) => `customFields.${f.key}`))
  return {
    ...data,
    fields: data.fields.filter((f) => typeof f === 'string' && (!f.startsWith('customFields.') || keys.has(f))),
  }
}

// Payload keys that mirror data keys (status ids, field lists) take the filtered value.
function pickPayload(payload: object, data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of ['previousStatusId', 'fields'] as const) if (key in payload && key in data) out[key] = data[key]
  return out
}
