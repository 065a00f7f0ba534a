// Shots and their tasks. A list is three flat queries (shots, tasks, assignees) whatever the
// page size: no query per shot. Editorial order is a fractional key across the project.
import { type Expression, type SqlBool, sql } from 'kysely'
import type { Db } from '../../dialect/dialect-factory'
import { isoNow, newId } from '../../ids'
import type { ShotsTable, TasksTable } from '../../tables/production.tables'
import { type CustomFieldValues, type ShotRecord, toShot } from './production-records'

export type ShotSort = 'order' | 'code' | 'updated'

export interface ShotQuery {
  projectId: string
  sequenceIds?: readonly string[] | undefined
  /** Case-insensitive substring of code or description. */
  search?: string | undefined
  /** Only shots with a task assigned to this user (filters, and the vendor scope). */
  assignedTo?: readonly string[] | undefined
  taskTypeId?: string | undefined
  statusIds?: readonly string[] | undefined
  sort: ShotSort
  descending: boolean
  limit: number
  /** Keyset cursor: the sort value and id of the last row of the previous page. */
  after?: { value: string; id: string } | undefined
}

export type TaskRecord = TasksTable

export interface NewShot {
  projectId: string
  sequenceId: string
  code: string
  orderKey: string
  description: string
  frameIn: number | null
  frameOut: number | null
  customFields: CustomFieldValues
  cpeSettings?: unknown
}

const SORT_COLUMN = { order: 'shots.orderKey', code: 'shots.code', updated: 'shots.updatedAt' } as const

function escapeLike(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

export function createShotRepository(db: Db) {
  return {
    /** One page of shots matching the query, in sort order; limit+1 rows tell if more exist. */
    async list(q: ShotQuery): Promise<ShotRecord[]> {
      const column = SORT_COLUMN[q.sort]
      const dir = q.descending ? 'desc' : 'asc'
      let query = db.selectFrom('shots').selectAll('shots').where('shots.projectId', '=', q.projectId)
      if (q.sequenceIds && q.sequenceIds.length > 0) query = query.where('shots.sequenceId', 'in', q.sequenceIds)
      if (q.search) {
        const pattern = escapeLike(q.search)
        query = query.where(
          sql<SqlBool>`(lower(shots.code) like ${pattern} escape '\\' or lower(shots.description) like ${pattern} escape '\\')`,
        )
      }
      if (q.assignedTo && q.assignedTo.length > 0) {
        const assigned = q.assignedTo
        query = query.where('shots.id', 'in', (eb) =>
          eb
            .selectFrom('taskAssignees as a')
            .innerJoin('tasks as t', 't.id', 'a.taskId')
            .select('t.shotId')
            .where('a.projectId', '=', q.projectId)
            .where('a.userId', 'in', assigned),
        )
      }
      if (q.statusIds && q.statusIds.length > 0) {
        const statusIds = q.statusIds
        query = query.where('shots.id', 'in', (eb) => {
          let sub = eb
            .selectFrom('tasks')
            .select('tasks.shotId')
            .where('tasks.projectId', '=', q.projectId)
            .where('tasks.statusId', 'in', statusIds)
          if (q.taskTypeId) sub = sub.where('tasks.taskTypeId', '=', q.taskTypeId)
          return sub
        })
      }
      if (q.after) {
        const { value, id } = q.after
        const op = q.descending ? '<' : '>'
        query = query.where((eb) =>
          eb.or([
            eb(column, op, value),
            eb.and([eb(column, '=', value), eb('shots.id', op, id)]) as Expression<SqlBool>,
          ]),
        )
      }
      const rows = await query.orderBy(column, dir).orderBy('shots.id', dir).limit(q.limit).execute()
      return rows.map(toShot)
    },

    async findById(id: string): Promise<ShotRecord | undefined> {
      const row = await db.selectFrom('shots').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? toShot(row) : undefined
    },

    async findByIds(ids: readonly string[]): Promise<ShotRecord[]> {
      if (ids.length === 0) return []
      return (await db.selectFrom('shots').selectAll().where('id', 'in', ids).execute()).map(toShot)
    },

    /** Every shot of the project (spreadsheets, bulk table), in editorial order. */
    async all(projectId: string): Promise<ShotRecord[]> {
      const rows = await db
        .selectFrom('shots')
        .selectAll()
        .where('projectId', '=', projectId)
        .orderBy('orderKey')
        .orderBy('id')
        .execute()
      return rows.map(toShot)
    },

    async lastOrderKey(projectId: string): Promise<string | null> {
      const row = await db
        .selectFrom('shots')
        .select('orderKey')
        .where('projectId', '=', projectId)
        .orderBy('orderKey', 'desc')
        .limit(1)
        .executeTakeFirst()
      return row?.orderKey ?? null
    },

    /** The first order key after `before` (null: the very first), skipping the moving shot. */
    async keyAfter(projectId: string, before: string | null, excludeId: string): Promise<string | null> {
      let q = db.selectFrom('shots').select('orderKey').where('projectId', '=', projectId).where('id', '!=', excludeId)
      if (before !== null) q = q.where('orderKey', '>', before)
      const row = await q.orderBy('orderKey').limit(1).executeTakeFirst()
      return row?.orderKey ?? null
    },

    /** Inserts shots (batched to stay under engine parameter limits). */
    async insertMany(shots: readonly NewShot[]): Promise<ShotRecord[]> {
      const now = isoNow()
      const rows: ShotsTable[] = shots.map((s) => ({
        id: newId(),
        projectId: s.projectId,
        sequenceId: s.sequenceId,
        code: s.code,
        orderKey: s.orderKey,
        description: s.description,
        frameIn: s.frameIn,
        frameOut: s.frameOut,
        thumbnailVersionId: null,
        cpeSettings: s.cpeSettings === undefined || s.cpeSettings === null ? null : JSON.stringify(s.cpeSettings),
        customFields: JSON.stringify(s.customFields),
        foldersCreatedAt: null,
        createdAt: now,
        updatedAt: now,
      }))
      for (let i = 0; i < rows.length; i += 500)
        await db
          .insertInto('shots')
          .values(rows.slice(i, i + 500))
          .execute()
      return rows.map(toShot)
    },

    async update(
      id: string,
      patch: Partial<Omit<NewShot, 'projectId' | 'customFields'>> & {
        customFields?: CustomFieldValues
        thumbnailVersionId?: string | null
        foldersCreatedAt?: string
      },
    ): Promise<void> {
      const { customFields, cpeSettings, ...rest } = patch
      await db
        .updateTable('shots')
        .set({
          ...rest,
          ...(customFields ? { customFields: JSON.stringify(customFields) } : {}),
          ...(cpeSettings !== undefined
            ? { cpeSettings: cpeSettings === null ? null : JSON.stringify(cpeSettings) }
            : {}),
          updatedAt: isoNow(),
        })
        .where('id', '=', id)
        .execute()
    },

    /** Tasks of the given shots, or of the whole project when `shotIds` is undefined. */
    async tasks(projectId: string, shotIds?: readonly string[]): Promise<TaskRecord[]> {
      if (shotIds !== undefined && shotIds.length === 0) return []
      let q = db.selectFrom('tasks').selectAll().where('projectId', '=', projectId)
      if (shotIds !== undefined) q = q.where('shotId', 'in', shotIds)
      return q.execute()
    },

    /** Assignee pairs for tasks of the given shots (or the whole project). */
    async assignees(projectId: string, shotIds?: readonly string[]): Promise<{ taskId: string; userId: string }[]> {
      if (shotIds !== undefined && shotIds.length === 0) return []
      let q = db.selectFrom('taskAssignees as a').select(['a.taskId', 'a.userId']).where('a.projectId', '=', projectId)
      if (shotIds !== undefined) {
        q = q.where('a.taskId', 'in', (eb) =>
          eb.selectFrom('tasks').select('tasks.id').where('tasks.shotId', 'in', shotIds),
        )
      }
      return q.execute()
    },

    /** Creates one task per shot × task type, in the default status. */
    async insertTasks(
      projectId: string,
      pairs: readonly { shotId: string; taskTypeId: string }[],
      statusId: string,
    ): Promise<TaskRecord[]> {
      const now = isoNow()
      const rows: TaskRecord[] = pairs.map((p) => ({
        id: newId(),
        projectId,
        shotId: p.shotId,
        taskTypeId: p.taskTypeId,
        statusId,
        priority: 0,
        dueDate: null,
        retakeCount: 0,
        realStartDate: null,
        endDate: null,
        doneDate: null,
        lastCommentAt: null,
        approvedVersionId: null,
        estimateMinutes: null,
        timeSpentMinutes: 0,
        createdAt: now,
        updatedAt: now,
      }))
      for (let i = 0; i < rows.length; i += 500)
        await db
          .insertInto('tasks')
          .values(rows.slice(i, i + 500))
          .execute()
      return rows
    },
  }
}
export type ShotRepository = ReturnType<typeof createShotRepository>

/** Shot counts per sequence (the group headers of the shot table). */
export async function countShotsBySequence(
  db: Db,
  projectId: string,
  assignedTo?: string,
): Promise<{ sequenceId: string; count: number }[]> {
  let q = db
    .selectFrom('shots')
    .select((eb) => ['shots.sequenceId', eb.fn.countAll<number>().as('count')])
    .where('shots.projectId', '=', projectId)
  if (assignedTo !== undefined) {
    q = q.where('shots.id', 'in', (eb) =>
      eb
        .selectFrom('taskAssignees as a')
        .innerJoin('tasks as t', 't.id', 'a.taskId')
        .select('t.shotId')
        .where('a.projectId', '=', projectId)
        .where('a.userId', '=', assignedTo),
    )
  }
  const rows = await q.groupBy('shots.sequenceId').execute()
  return rows.map((r) => ({ sequenceId: r.sequenceId, count: Number(r.count) }))
}
