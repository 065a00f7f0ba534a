// What a project digest reads: the period's activity, late tasks, tasks waiting for review,
// render farm time and LLM spend, plus the names its sentences need. Lists are capped (the
// digest says "and N more"); totals are counted in SQL.
import { sql } from 'kysely'
import { z } from 'zod'
import type { Db } from '../../dialect/dialect-factory'
import type { ActivityRecord } from '../production/activity.repository'
import { parseJson } from '../production/production-records'

export interface DigestPeriod {
  projectId: string
  /** [start, end), ISO-8601 UTC. */
  start: string
  end: string
}

export interface DigestTask {
  taskId: string
  shotId: string
  shotCode: string
  taskTypeName: string
  statusName: string
  /** The status's board role: a default status unchanged is named in the digest's language. */
  statusRole: string
  dueDate: string | null
  assigneeIds: string[]
  /** Number of the task's newest version, if any. */
  latestVersion: number | null
}

export interface DigestAttempt {
  backendName: string
  outcome: string
  startedAt: string | null
  endedAt: string | null
}

const count = (v: unknown) => Number(v ?? 0)

export function createReportDigestReads(db: Db) {
  async function tasksWhere(
    projectId: string,
    filter: 'late' | 'review',
    today: string,
    limit: number,
  ): Promise<{ total: number; items: DigestTask[] }> {
    const base = db
      .selectFrom('tasks')
      .innerJoin('taskStatuses', 'taskStatuses.id', 'tasks.statusId')
      .where('tasks.projectId', '=', projectId)
      .$call((q) =>
        filter === 'late'
          ? q
              .where('taskStatuses.isDone', '=', 0)
              .where('tasks.dueDate', 'is not', null)
              .where('tasks.dueDate', '<', today)
          : q.where('taskStatuses.isFeedbackRequest', '=', 1),
      )
    const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()
    const rows = await base
      .innerJoin('shots', 'shots.id', 'tasks.shotId')
      .innerJoin('taskTypes', 'taskTypes.id', 'tasks.taskTypeId')
      .select([
        'tasks.id as taskId',
        'tasks.shotId',
        'shots.code as shotCode',
        'taskTypes.name as taskTypeName',
        'taskStatuses.name as statusName',
        'taskStatuses.boardRole as statusRole',
        'tasks.dueDate',
        (eb) =>
          eb
            .selectFrom('versions')
            .select((v) => v.fn.max('versions.number').as('n'))
            .whereRef('versions.taskId', '=', 'tasks.id')
            .as('latestVersion'),
      ])
      .orderBy(filter === 'late' ? 'tasks.dueDate' : 'tasks.lastCommentAt')
      .orderBy('shots.orderKey')
      .limit(limit)
      .execute()
    const ids = rows.map((r) => r.taskId)
    const assignees =
      ids.length === 0
        ? []
        : await db.selectFrom('taskAssignees').select(['taskId', 'userId']).where('taskId', 'in', ids).execute()
    return {
      total: count(total?.n),
      items: rows.map((r) => ({
        ...r,
        latestVersion: r.latestVersion === null ? null : Number(r.latestVersion),
        assigneeIds: assignees.filter((a) => a.taskId === r.taskId).map((a) => a.userId),
      })),
    }
  }

  return {
    async project(projectId: string): Promise<{ code: string; name: string } | undefined> {
      return db.selectFrom('projects').select(['code', 'name']).where('id', '=', projectId).executeTakeFirst()
    },

    /** The period's activity, newest first, at most `limit` rows, and how many there were per event. */
    async activity(p: DigestPeriod, limit: number): Promise<{ items: ActivityRecord[]; counts: Map<string, number> }> {
      const inPeriod = db
        .selectFrom('activity')
        .where('projectId', '=', p.projectId)
        .where('createdAt', '>=', p.start)
        .where('createdAt', '<', p.end)
      const [rows, counts] = await Promise.all([
        inPeriod.selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(limit).execute(),
        inPeriod
          .select(['event', (eb) => eb.fn.countAll().as('n')])
          .groupBy('event')
          .execute(),
      ])
      return {
        items: rows.map((r) => ({
          ...r,
          clientVisible: r.clientVisible === 1,
          data: parseJson(z.record(z.string(), z.unknown()), r.data),
        })),
        counts: new Map(counts.map((c) => [c.event, count(c.n)])),
      }
    },

    /** Open tasks whose due date (YYYY-MM-DD) is before `today`, earliest due first. */
    lateTasks: (projectId: string, today: string, limit: number) => tasksWhere(projectId, 'late', today, limit),

    /** Tasks in a feedback-request status: their newest version waits for a decision. */
    reviewTasks: (projectId: string, limit: number) => tasksWhere(projectId, 'review', '', limit),

    /** Shots with at least one late task. */
    async lateShotCount(projectId: string, today: string): Promise<number> {
      const row = await db
        .selectFrom('tasks')
        .innerJoin('taskStatuses', 'taskStatuses.id', 'tasks.statusId')
        .where('tasks.projectId', '=', projectId)
        .where('taskStatuses.isDone', '=', 0)
        .where('tasks.dueDate', 'is not', null)
        .where('tasks.dueDate', '<', today)
        .select(sql<number>`count(distinct ${sql.ref('tasks.shotId')})`.as('n'))
        .executeTakeFirst()
      return count(row?.n)
    },

    /** Farm attempts of the project's render jobs that ended in the period. */
    async farmAttempts(p: DigestPeriod): Promise<DigestAttempt[]> {
      return db
        .selectFrom('farmJobAttempts')
        .innerJoin('farmRenderJobs', 'farmRenderJobs.id', 'farmJobAttempts.jobId')
        .innerJoin('shots', 'shots.id', 'farmRenderJobs.shotId')
        .where('shots.projectId', '=', p.projectId)
        .where('farmJobAttempts.endedAt', '>=', p.start)
        .where('farmJobAttempts.endedAt', '<', p.end)
        .select([
          'farmJobAttempts.backendName',
          'farmJobAttempts.outcome',
          'farmJobAttempts.startedAt',
          'farmJobAttempts.endedAt',
        ])
        .execute()
    },

    /** LLM calls billed to the project in the period. */
    async llmSpend(p: DigestPeriod): Promise<{ calls: number; costMicros: number; tokens: number }> {
      const row = await db
        .selectFrom('llmUsage')
        .where('projectId', '=', p.projectId)
        .where('at', '>=', p.start)
        .where('at', '<', p.end)
        .select((eb) => [
          eb.fn.countAll().as('calls'),
          eb.fn.sum('costMicros').as('cost'),
          eb.fn.sum(sql<number>`${sql.ref('inputTokens')} + ${sql.ref('outputTokens')}`).as('tokens'),
        ])
        .executeTakeFirst()
      return { calls: count(row?.calls), costMicros: count(row?.cost), tokens: count(row?.tokens) }
    },

    async userNames(ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map()
      const rows = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', ids).execute()
      return new Map(rows.map((r) => [r.id, r.displayName]))
    },

    async shotCodes(ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map()
      const rows = await db.selectFrom('shots').select(['id', 'code']).where('id', 'in', ids).execute()
      return new Map(rows.map((r) => [r.id, r.code]))
    },

    async tasks(ids: readonly string[]): Promise<Map<string, { shotId: string; typeName: string }>> {
      if (ids.length === 0) return new Map()
      const rows = await db
        .selectFrom('tasks')
        .innerJoin('taskTypes', 'taskTypes.id', 'tasks.taskTypeId')
        .select(['tasks.id', 'tasks.shotId', 'taskTypes.name'])
        .where('tasks.id', 'in', ids)
        .execute()
      return new Map(rows.map((r) => [r.id, { shotId: r.shotId, typeName: r.name }]))
    },

    async statuses(projectId: string): Promise<{ id: string; name: string; boardRole: string }[]> {
      return db
        .selectFrom('taskStatuses')
        .select(['id', 'name', 'boardRole'])
        .where('projectId', '=', projectId)
        .execute()
    },

    async commentTexts(ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map()
      const rows = await db.selectFrom('comments').select(['id', 'text']).where('id', 'in', ids).execute()
      return new Map(rows.map((r) => [r.id, r.text]))
    },
  }
}
export type ReportDigestReads = ReturnType<typeof createReportDigestReads>
