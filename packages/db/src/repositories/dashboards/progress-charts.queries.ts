// Set-based queries of the project dashboard's progress charts: statuses, burn-up, retakes and
// workload. Each groups in the database and returns one row per bar or day, never per shot;
// the same Kysely query runs on SQLite and Postgres.
import { sql } from 'kysely'
import type { Db } from '../../dialect/dialect-factory'
import { type ChartFilter, isoDay, num, oneIf, oneUnless, shotFrames, timeBounds } from './dashboard-filter'

export interface StatusCountRow {
  taskTypeId: string
  statusId: string
  tasks: number
}

export interface DoneDayRow {
  day: string
  shots: number
  frames: number
}

export interface RetakeRow {
  key: string
  retakes: number
}

export interface WorkloadRow {
  userId: string
  displayName: string
  openTasks: number
  doneTasks: number
  estimateMinutes: number
  timeSpentMinutes: number
}

export function createProgressChartQueries(db: Db) {
  /** Tasks `t` of shots `s` in the project, limited to the filter's sequences and task types. */
  function tasksInFilter(projectId: string, f: ChartFilter) {
    return db
      .selectFrom('tasks as t')
      .innerJoin('shots as s', 's.id', 't.shotId')
      .where('t.projectId', '=', projectId)
      .$if(f.sequenceIds.length > 0, (q) => q.where('s.sequenceId', 'in', [...f.sequenceIds]))
      .$if(f.taskTypeIds.length > 0, (q) => q.where('t.taskTypeId', 'in', [...f.taskTypeIds]))
  }

  /**
   * Tasks `t` alone, the filter's sequences as a subquery: the counts read only the tasks'
   * covering index (project, status, type, shot) unless a sequence filter needs the shots.
   */
  function tasksOnly(projectId: string, f: ChartFilter) {
    return db
      .selectFrom('tasks as t')
      .where('t.projectId', '=', projectId)
      .$if(f.sequenceIds.length > 0, (q) =>
        q.where(
          't.shotId',
          'in',
          db
            .selectFrom('shots')
            .select('shots.id')
            .where('shots.sequenceId', 'in', [...f.sequenceIds]),
        ),
      )
      .$if(f.taskTypeIds.length > 0, (q) => q.where('t.taskTypeId', 'in', [...f.taskTypeIds]))
  }

  /** Shots whose every task in the filter is done, with the day the last one was done. */
  function doneShots(projectId: string, f: ChartFilter) {
    return tasksInFilter(projectId, f)
      .select([
        't.shotId as shotId',
        (eb) => eb.fn.max('t.doneDate').as('doneAt'),
        sql<number>`max(${shotFrames})`.as('frames'),
      ])
      .groupBy('t.shotId')
      .having((eb) => eb(eb.fn.count('t.doneDate'), '=', eb.fn.countAll()))
  }

  /** Retake comments (a status change into a retake status) on tasks in the filter and range. */
  function retakeComments(projectId: string, f: ChartFilter) {
    const { from, before } = timeBounds(f)
    return db
      .selectFrom('comments as c')
      .innerJoin('taskStatuses as st', 'st.id', 'c.statusId')
      .innerJoin('tasks as t', 't.id', 'c.taskId')
      .innerJoin('shots as s', 's.id', 't.shotId')
      .where('c.projectId', '=', projectId)
      .where('st.isRetake', '=', 1)
      .where((eb) =>
        eb.or([eb('c.previousStatusId', 'is', null), eb('c.previousStatusId', '!=', eb.ref('c.statusId'))]),
      )
      .$if(from !== undefined, (q) => q.where('c.createdAt', '>=', from ?? ''))
      .$if(before !== undefined, (q) => q.where('c.createdAt', '<', before ?? ''))
      .$if(f.sequenceIds.length > 0, (q) => q.where('s.sequenceId', 'in', [...f.sequenceIds]))
      .$if(f.taskTypeIds.length > 0, (q) => q.where('t.taskTypeId', 'in', [...f.taskTypeIds]))
  }

  /** Open tasks `t` (status not done) assigned to someone, in the filter. */
  function assignedTasks(projectId: string, f: ChartFilter) {
    return tasksInFilter(projectId, f)
      .innerJoin('taskAssignees as a', 'a.taskId', 't.id')
      .innerJoin('taskStatuses as st', 'st.id', 't.statusId')
  }

  return {
    /** Tasks per task type and status. */
    async statusCounts(projectId: string, f: ChartFilter): Promise<StatusCountRow[]> {
      const rows = await tasksOnly(projectId, f)
        .select(['t.taskTypeId as taskTypeId', 't.statusId as statusId', (eb) => eb.fn.countAll().as('tasks')])
        .groupBy(['t.taskTypeId', 't.statusId'])
        .execute()
      return rows.map((r) => ({ taskTypeId: r.taskTypeId, statusId: r.statusId, tasks: num(r.tasks) }))
    },

    /** Distinct shots per status (a shot counts once per status any of its tasks is in). */
    async shotsPerStatus(projectId: string, f: ChartFilter): Promise<{ statusId: string; shots: number }[]> {
      const rows = await tasksOnly(projectId, f)
        .select(['t.statusId as statusId', (eb) => eb.fn.count('t.shotId').distinct().as('shots')])
        .groupBy('t.statusId')
        .execute()
      return rows.map((r) => ({ statusId: r.statusId, shots: num(r.shots) }))
    },

    /** Every shot with a task in the filter, and their frames: the burn-up's scope. */
    async scope(projectId: string, f: ChartFilter): Promise<{ shots: number; frames: number }> {
      const row = await db
        .selectFrom('shots as s')
        .where('s.projectId', '=', projectId)
        .$if(f.sequenceIds.length > 0, (q) => q.where('s.sequenceId', 'in', [...f.sequenceIds]))
        .$if(f.taskTypeIds.length > 0, (q) =>
          q.where('s.id', 'in', tasksOnly(projectId, { ...f, sequenceIds: [] }).select('t.shotId')),
        )
        .select([(eb) => eb.fn.countAll().as('shots'), (eb) => eb.fn.sum(shotFrames).as('frames')])
        .executeTakeFirst()
      return { shots: num(row?.shots), frames: num(row?.frames) }
    },

    /** Shots and frames finished per day (the day a shot's last task in the filter was done). */
    async doneByDay(projectId: string, f: ChartFilter): Promise<DoneDayRow[]> {
      const rows = await db
        .selectFrom(doneShots(projectId, f).as('d'))
        .select([
          isoDay('d.doneAt').as('day'),
          (eb) => eb.fn.countAll().as('shots'),
          (eb) => eb.fn.sum('d.frames').as('frames'),
        ])
        .groupBy(isoDay('d.doneAt'))
        .execute()
      return rows.map((r) => ({ day: r.day, shots: num(r.shots), frames: num(r.frames) }))
    },

    /** Retakes per task type. */
    async retakesByTaskType(projectId: string, f: ChartFilter): Promise<RetakeRow[]> {
      const rows = await retakeComments(projectId, f)
        .select(['t.taskTypeId as key', (eb) => eb.fn.countAll().as('retakes')])
        .groupBy('t.taskTypeId')
        .execute()
      return rows.map((r) => ({ key: r.key, retakes: num(r.retakes) }))
    },

    /** Retakes per assignee of the retaken task. */
    async retakesByArtist(projectId: string, f: ChartFilter): Promise<(RetakeRow & { displayName: string })[]> {
      const rows = await retakeComments(projectId, f)
        .innerJoin('taskAssignees as a', 'a.taskId', 't.id')
        .innerJoin('users as u', 'u.id', 'a.userId')
        .select(['a.userId as key', 'u.displayName', (eb) => eb.fn.countAll().as('retakes')])
        .groupBy(['a.userId', 'u.displayName'])
        .execute()
      return rows.map((r) => ({ key: r.key, displayName: r.displayName, retakes: num(r.retakes) }))
    },

    /** Open and done tasks, estimates and time spent per assignee. */
    async workload(projectId: string, f: ChartFilter): Promise<WorkloadRow[]> {
      const rows = await assignedTasks(projectId, f)
        .innerJoin('users as u', 'u.id', 'a.userId')
        .select([
          'a.userId as userId',
          'u.displayName as displayName',
          (eb) => eb.fn.sum(oneUnless('st.isDone')).as('openTasks'),
          (eb) => eb.fn.sum(oneIf('st.isDone')).as('doneTasks'),
          (eb) => eb.fn.sum(eb.fn.coalesce('t.estimateMinutes', sql.lit(0))).as('estimateMinutes'),
          (eb) => eb.fn.sum('t.timeSpentMinutes').as('timeSpentMinutes'),
        ])
        .groupBy(['a.userId', 'u.displayName'])
        .execute()
      return rows.map((r) => ({
        userId: r.userId,
        displayName: r.displayName,
        openTasks: num(r.openTasks),
        doneTasks: num(r.doneTasks),
        estimateMinutes: num(r.estimateMinutes),
        timeSpentMinutes: num(r.timeSpentMinutes),
      }))
    },

    /** Shot ids behind one bar: see DashboardDrill in the contracts for what each key means. */
    async drillShots(
      projectId: string,
      f: ChartFilter,
      drill: { chart: string; statusId?: string; taskTypeId?: string; userId?: string; day?: string },
    ): Promise<string[]> {
      const { statusId, taskTypeId, userId, day } = drill
      let rows: { shotId: string }[] = []
      if (drill.chart === 'status') {
        rows = await tasksInFilter(projectId, f)
          .select('t.shotId as shotId')
          .distinct()
          .$if(statusId !== undefined, (q) => q.where('t.statusId', '=', statusId ?? ''))
          .$if(taskTypeId !== undefined, (q) => q.where('t.taskTypeId', '=', taskTypeId ?? ''))
          .execute()
      } else if (drill.chart === 'burnup') {
        const before = day === undefined ? undefined : timeBounds({ to: day }).before
        rows = await db
          .selectFrom(doneShots(projectId, f).as('d'))
          .select('d.shotId as shotId')
          .$if(before !== undefined, (q) => q.where('d.doneAt', '<', before ?? ''))
          .execute()
      } else if (drill.chart === 'retakes') {
        rows = await retakeComments(projectId, f)
          .select('t.shotId as shotId')
          .distinct()
          .$if(taskTypeId !== undefined, (q) => q.where('t.taskTypeId', '=', taskTypeId ?? ''))
          .$if(userId !== undefined, (q) =>
            q.where(
              't.id',
              'in',
              db
                .selectFrom('taskAssignees')
                .select('taskId')
                .where('userId', '=', userId ?? ''),
            ),
          )
          .execute()
      } else if (drill.chart === 'workload') {
        rows = await assignedTasks(projectId, f)
          .select('t.shotId as shotId')
          .distinct()
          .where('st.isDone', '=', 0)
          .$if(userId !== undefined, (q) => q.where('a.userId', '=', userId ?? ''))
          .execute()
      }
      return rows.map((r) => r.shotId)
    },
  }
}
export type ProgressChartQueries = ReturnType<typeof createProgressChartQueries>
