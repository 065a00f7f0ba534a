// Managers change a project's configuration after creation: statuses (add, edit, reorder,
// delete) and task types (add, edit, reorder, delete while unused); custom field descriptors
// are in custom-field.service.ts.
// Each change is one transaction that also writes its activity row; the realtime event goes
// out after commit. Rules that refuse a change live in the domain (project-configuration.ts).
import type {
  CreateStatusRequest,
  CreateTaskTypeRequest,
  TaskStatus,
  TaskType,
  UpdateStatusRequest,
  UpdateTaskTypeRequest,
} from '@aipipeline/contracts'
import type { StatusRecord } from '@aipipeline/db'
import {
  assertBoardVisibility,
  assertKeepsADefault,
  assertStatusDeletable,
  assertTaskTypeDeletable,
  assertWritable,
  Conflict,
  canManageProject,
  canSetStatus,
  moveToPosition,
  NotFound,
  type ProjectAccess,
  ROLES,
  type Role,
  requireAccess,
} from '@aipipeline/domain'
import type { z } from 'zod'
import type { Principal } from '../auth'
import type { ActivityService, Change } from './activity.service'
import type { ProductionAccessService } from './production-access.service'
import {
  changeCommitter,
  changeHeader,
  densely,
  studioOnlyChange,
  uniquely,
  withoutDanglingReferences,
} from './production-change'
import type { ProductionContext } from './production-context'

const STUDIO: readonly Role[] = ROLES.filter((r) => r !== 'client')

function statusView(a: ProjectAccess, s: StatusRecord): z.input<typeof TaskStatus> {
  const { projectId: _project, position: _position, ...status } = s
  return { ...status, canSet: canSetStatus(a.role, s) }
}

/** Short names label board columns and table headers, so two of a kind must differ. */
function assertFreeShortName(
  what: string,
  items: readonly { id: string; shortName: string }[],
  shortName: string,
  selfId?: string,
) {
  if (items.some((i) => i.id !== selfId && i.shortName.toLowerCase() === shortName.toLowerCase()))
    throw new Conflict(`${what} short name "${shortName}" already exists`)
}

const fieldsOf = (patch: object) => Object.keys(patch)

export function createProjectConfigService(
  ctx: ProductionContext,
  access: ProductionAccessService,
  activity: ActivityService,
) {
  async function managed(principal: Principal, projectId: string): Promise<ProjectAccess> {
    const a = await access.resolve(principal, projectId)
    requireAccess(canManageProject(a), 'configure this project')
    assertWritable(a)
    return a
  }

  const commit = changeCommitter(ctx, activity)

  return {
    /** Adds a status at the end of the board; a new default takes the flag from the old one. */
    async createStatus(principal: Principal, projectId: string, input: z.output<typeof CreateStatusRequest>) {
      const a = await managed(principal, projectId)
      const { boardVisibleTo, ...rest } = input
      const fields = { ...rest, boardVisibleTo: boardVisibleTo ?? (input.clientAllowed ? ROLES : STUDIO) }
      assertBoardVisibility(fields)
      const status = await uniquely(`status "${input.name}"`, () =>
        commit(projectId, principal.userId, async (r) => {
          assertFreeShortName('status', await r.projects.statuses(projectId), input.shortName)
          const s = await r.config.insertStatus(projectId, fields)
          if (s.isDefault) await r.config.clearOtherDefaults(projectId, s.id)
          const change: Change = {
            event: 'status:new',
            payload: { ...changeHeader(projectId, principal.userId), statusId: s.id },
            ...studioOnlyChange(s.id, { statusId: s.id, name: s.name }),
          }
          return { result: s, change }
        }),
      )
      return statusView(a, status)
    },

    /** Edits a status; `position` reorders the board, `isDefault: true` moves the default here. */
    async updateStatus(
      principal: Principal,
      projectId: string,
      statusId: string,
      patch: z.output<typeof UpdateStatusRequest>,
    ) {
      const a = await managed(principal, projectId)
      const { position, ...fields } = patch
      const status = await uniquely(`status "${patch.name}"`, () =>
        commit(projectId, principal.userId, async (r) => {
          const statuses = await r.projects.statuses(projectId)
          const current = statuses.find((s) => s.id === statusId)
          if (!current) throw new NotFound('status', statusId)
          if (fields.isDefault !== undefined) assertKeepsADefault(current, fields.isDefault)
          assertBoardVisibility({ ...current, ...fields })
          if (fields.shortName !== undefined) assertFreeShortName('status', statuses, fields.shortName, statusId)
          await r.config.updateStatus(statusId, fields)
          if (fields.isDefault === true) await r.config.clearOtherDefaults(projectId, statusId)
          if (position !== undefined)
            await r.config.setPositions('taskStatuses', moveToPosition(statuses, statusId, position))
          const updated = (await r.projects.statuses(projectId)).find((s) => s.id === statusId) ?? current
          const change: Change = {
            event: 'status:update',
            payload: { ...changeHeader(projectId, principal.userId), statusId, fields: fieldsOf(patch) },
            ...studioOnlyChange(statusId, { statusId, name: updated.name, fields: fieldsOf(patch) }),
          }
          return { result: updated, change }
        }),
      )
      return statusView(a, status)
    },

    /** Deletes a status nothing refers to (see assertStatusDeletable); the board closes the gap. */
    async deleteStatus(principal: Principal, projectId: string, statusId: string): Promise<void> {
      await managed(principal, projectId)
      await withoutDanglingReferences('the status', () =>
        commit(projectId, principal.userId, async (r) => {
          const statuses = await r.projects.statuses(projectId)
          const current = statuses.find((s) => s.id === statusId)
          if (!current) throw new NotFound('status', statusId)
          const project = await r.projects.findById(projectId)
          const usage = await r.config.statusUsage(projectId, statusId)
          assertStatusDeletable(current, { ...usage, isFolderStatus: project?.folderStatusId === statusId })
          await r.config.deleteStatus(statusId)
          await r.config.setPositions('taskStatuses', densely(statuses.filter((s) => s.id !== statusId)))
          const change: Change = {
            event: 'status:delete',
            payload: { ...changeHeader(projectId, principal.userId), statusId },
            ...studioOnlyChange(statusId, { statusId, name: current.name }),
          }
          return { result: undefined, change }
        }),
      )
    },

    /** Adds a task type at the end, with a task in the default status on every shot. */
    async createTaskType(
      principal: Principal,
      projectId: string,
      input: z.output<typeof CreateTaskTypeRequest>,
    ): Promise<z.input<typeof TaskType>> {
      await managed(principal, projectId)
      return uniquely(`task type "${input.name}"`, () =>
        commit(projectId, principal.userId, async (r) => {
          assertFreeShortName('task type', await r.projects.taskTypes(projectId), input.shortName)
          const t = await r.projects.insertTaskType(projectId, input)
          const shots = await r.shots.all(projectId)
          const pending = (await r.projects.statuses(projectId)).find((s) => s.isDefault)
          if (pending)
            await r.shots.insertTasks(
              projectId,
              shots.map((s) => ({ shotId: s.id, taskTypeId: t.id })),
              pending.id,
            )
          const { id, name, shortName, color, department } = t
          const change: Change = {
            event: 'task-type:new',
            payload: { ...changeHeader(projectId, principal.userId), taskTypeId: id },
            ...studioOnlyChange(id, { taskTypeId: id, name, createdTasks: pending ? shots.length : 0 }),
          }
          return { result: { id, name, shortName, color, department }, change }
        }),
      )
    },

    /** Edits a task type; `position` moves its column. */
    async updateTaskType(
      principal: Principal,
      projectId: string,
      taskTypeId: string,
      patch: z.output<typeof UpdateTaskTypeRequest>,
    ): Promise<z.input<typeof TaskType>> {
      await managed(principal, projectId)
      const { position, ...fields } = patch
      return uniquely(`task type "${patch.name}"`, () =>
        commit(projectId, principal.userId, async (r) => {
          const types = await r.projects.taskTypes(projectId)
          const current = types.find((t) => t.id === taskTypeId)
          if (!current) throw new NotFound('task type', taskTypeId)
          if (fields.shortName !== undefined) assertFreeShortName('task type', types, fields.shortName, taskTypeId)
          await r.config.updateTaskType(taskTypeId, fields)
          if (position !== undefined)
            await r.config.setPositions('taskTypes', moveToPosition(types, taskTypeId, position))
          const { id, name, shortName, color, department } = { ...current, ...fields }
          const change: Change = {
            event: 'task-type:update',
            payload: { ...changeHeader(projectId, principal.userId), taskTypeId, fields: fieldsOf(patch) },
            ...studioOnlyChange(taskTypeId, { taskTypeId, name, fields: fieldsOf(patch) }),
          }
          return { result: { id, name, shortName, color, department }, change }
        }),
      )
    },

    /** Deletes a task type and its untouched placeholder tasks, or refuses naming what uses it. */
    async deleteTaskType(principal: Principal, projectId: string, taskTypeId: string): Promise<void> {
      await managed(principal, projectId)
      await withoutDanglingReferences('the task type', () =>
        commit(projectId, principal.userId, async (r) => {
          const types = await r.projects.taskTypes(projectId)
          const current = types.find((t) => t.id === taskTypeId)
          if (!current) throw new NotFound('task type', taskTypeId)
          assertTaskTypeDeletable(current, await r.config.taskTypeUsage(projectId, taskTypeId))
          const removed = await r.config.deleteTaskType(projectId, taskTypeId)
          await r.config.setPositions('taskTypes', densely(types.filter((t) => t.id !== taskTypeId)))
          const change: Change = {
            event: 'task-type:delete',
            payload: { ...changeHeader(projectId, principal.userId), taskTypeId },
            ...studioOnlyChange(taskTypeId, { taskTypeId, name: current.name, deletedTasks: removed.length }),
          }
          return { result: undefined, change }
        }),
      )
    },
  }
}
export type ProjectConfigService = ReturnType<typeof createProjectConfigService>
