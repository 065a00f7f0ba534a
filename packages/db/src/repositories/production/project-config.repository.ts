// Writes to a project's configuration after creation: statuses, task type and status order,
// custom field descriptors, and deletes of task types, custom fields, characters and assets.
// The counts here feed the domain rules that refuse a change while something depends on it.
import type { BoardRole, Role, StatusFlags, TaskTypeUsage } from '@aipipeline/domain'
import type { Db } from '../../dialect/dialect-factory'
import { isoNow, newId } from '../../ids'
import type { CustomFieldsTable, TaskStatusesTable } from '../../tables/production.tables'
import { type StatusRecord, toStatus } from './production-records'

export interface StatusFields extends StatusFlags {
  name: string
  shortName: string
  color: string
  boardRole: BoardRole
  boardVisibleTo: readonly Role[]
}

const flag = (b: boolean) => (b ? 1 : 0)

/** Status fields as stored (integer booleans, JSON role list); only the keys present. */
function statusColumns(s: Partial<StatusFields>): Partial<TaskStatusesTable> {
  const {
    boardVisibleTo,
    isDefault,
    isWip,
    isFeedbackRequest,
    isRetake,
    isDone,
    artistAllowed,
    clientAllowed,
    ...text
  } = s
  const flags = (name: keyof StatusFlags, value: boolean | undefined) =>
    value === undefined ? {} : { [name]: flag(value) }
  return {
    ...text,
    ...(boardVisibleTo === undefined ? {} : { boardVisibleTo: JSON.stringify(boardVisibleTo) }),
    ...flags('isDefault', isDefault),
    ...flags('isWip', isWip),
    ...flags('isFeedbackRequest', isFeedbackRequest),
    ...flags('isRetake', isRetake),
    ...flags('isDone', isDone),
    ...flags('artistAllowed', artistAllowed),
    ...flags('clientAllowed', clientAllowed),
  }
}

async function count(query: { executeTakeFirst(): Promise<{ n: number | string | bigint } | undefined> }) {
  return Number((await query.executeTakeFirst())?.n ?? 0)
}

export function createProjectConfigRepository(db: Db) {
  return {
    /** Adds a status at the end of the board order. */
    async insertStatus(projectId: string, s: StatusFields): Promise<StatusRecord> {
      const position = await count(
        db
          .selectFrom('taskStatuses')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('projectId', '=', projectId),
      )
      const row: TaskStatusesTable = {
        id: newId(),
        projectId,
        name: s.name,
        shortName: s.shortName,
        color: s.color,
        boardRole: s.boardRole,
        boardVisibleTo: JSON.stringify(s.boardVisibleTo),
        isDefault: flag(s.isDefault),
        isWip: flag(s.isWip),
        isFeedbackRequest: flag(s.isFeedbackRequest),
        isRetake: flag(s.isRetake),
        isDone: flag(s.isDone),
        artistAllowed: flag(s.artistAllowed),
        clientAllowed: flag(s.clientAllowed),
        position,
        createdAt: isoNow(),
      }
      await db.insertInto('taskStatuses').values(row).execute()
      return toStatus(row)
    },

    async updateStatus(id: string, patch: Partial<StatusFields>): Promise<void> {
      const columns = statusColumns(patch)
      if (Object.keys(columns).length === 0) return
      await db.updateTable('taskStatuses').set(columns).where('id', '=', id).execute()
    },

    /** Takes the default flag from every other status of the project (one default at a time). */
    async clearOtherDefaults(projectId: string, keepId: string): Promise<void> {
      await db
        .updateTable('taskStatuses')
        .set({ isDefault: 0 })
        .where('projectId', '=', projectId)
        .where('id', '!=', keepId)
        .execute()
    },

    /** Tasks in the status and comments whose status change names it. */
    async statusUsage(projectId: string, statusId: string): Promise<{ tasks: number; comments: number }> {
      const [tasks, comments] = await Promise.all([
        count(
          db
            .selectFrom('tasks')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('projectId', '=', projectId)
            .where('statusId', '=', statusId),
        ),
        count(
          db
            .selectFrom('comments')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('projectId', '=', projectId)
            .where((eb) => eb.or([eb('statusId', '=', statusId), eb('previousStatusId', '=', statusId)])),
        ),
      ])
      return { tasks, comments }
    },

    async deleteStatus(id: string): Promise<void> {
      await db.deleteFrom('taskStatuses').where('id', '=', id).execute()
    },

    /** Rewrites the order of statuses, task types or custom fields (dense 0-based positions). */
    async setPositions(
      table: 'taskStatuses' | 'taskTypes' | 'customFields',
      items: readonly { id: string; position: number }[],
    ) {
      for (const item of items)
        await db.updateTable(table).set({ position: item.position }).where('id', '=', item.id).execute()
    },

    async updateTaskType(
      id: string,
      patch: Partial<{ name: string; shortName: string; color: string; department: string | null }>,
    ): Promise<void> {
      if (Object.keys(patch).length === 0) return
      await db.updateTable('taskTypes').set(patch).where('id', '=', id).execute()
    },

    /** How much work hangs on the tasks of a type (see the domain rule for what counts). */
    async taskTypeUsage(projectId: string, taskTypeId: string): Promise<TaskTypeUsage> {
      const tasksOfType = db
        .selectFrom('tasks')
        .select('id')
        .where('projectId', '=', projectId)
        .where('taskTypeId', '=', taskTypeId)
      const [comments, versions, assignedTasks, plannedTasks, renderJobs] = await Promise.all([
        count(
          db
            .selectFrom('comments')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('taskId', 'in', tasksOfType),
        ),
        count(
          db
            .selectFrom('versions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('taskId', 'in', tasksOfType),
        ),
        count(
          db
            .selectFrom('taskAssignees')
            .select((eb) => eb.fn.count<number>('taskId').distinct().as('n'))
            .where('taskId', 'in', tasksOfType),
        ),
        count(
          db
            .selectFrom('tasks')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('projectId', '=', projectId)
            .where('taskTypeId', '=', taskTypeId)
            .where((eb) => eb.or([eb('dueDate', 'is not', null), eb('priority', '!=', 0)])),
        ),
        count(
          db
            .selectFrom('farmRenderJobs')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('taskId', 'in', tasksOfType),
        ),
      ])
      return { comments, versions, assignedTasks, plannedTasks, renderJobs }
    },

    /** Deletes a task type and its (placeholder) tasks; returns the deleted task ids. */
    async deleteTaskType(projectId: string, taskTypeId: string): Promise<string[]> {
      const tasks = await db
        .selectFrom('tasks')
        .select('id')
        .where('projectId', '=', projectId)
        .where('taskTypeId', '=', taskTypeId)
        .execute()
      await db.deleteFrom('tasks').where('projectId', '=', projectId).where('taskTypeId', '=', taskTypeId).execute()
      await db.deleteFrom('taskTypes').where('id', '=', taskTypeId).execute()
      return tasks.map((t) => t.id)
    },

    async updateCustomField(
      id: string,
      patch: Partial<{ name: string; choices: readonly string[]; clientVisible: boolean }>,
    ): Promise<void> {
      const { choices, clientVisible, ...rest } = patch
      const columns: Partial<CustomFieldsTable> = { ...rest }
      if (choices !== undefined) columns.choices = JSON.stringify(choices)
      if (clientVisible !== undefined) columns.clientVisible = flag(clientVisible)
      if (Object.keys(columns).length === 0) return
      await db.updateTable('customFields').set(columns).where('id', '=', id).execute()
    },

    async deleteCustomField(id: string): Promise<void> {
      await db.deleteFrom('customFields').where('id', '=', id).execute()
    },

    async deleteCharacter(id: string): Promise<void> {
      await db.deleteFrom('characters').where('id', '=', id).execute()
    },

    async deleteAsset(id: string): Promise<void> {
      await db.deleteFrom('assets').where('id', '=', id).execute()
    },
  }
}
export type ProjectConfigRepository = ReturnType<typeof createProjectConfigRepository>
