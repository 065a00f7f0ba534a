// Progress of many projects at once for the studio dashboard: one grouped query per measure
// (shots, done shots, open tasks, retakes), each answering one row per project.
import { sql } from 'kysely'
import type { Db } from '../../dialect/dialect-factory'
import { type ChartFilter, num, oneUnless, timeBounds } from './dashboard-filter'

export interface ProjectProgressRow {
  shots: number
  doneShots: number
  openTasks: number
  retakes: number
}

export function createStudioSummaryQueries(db: Db) {
  return {
    /** Shots, done shots, open tasks and retakes (within the range) per project. */
    async progressByProject(
      projectIds: readonly string[],
      f: Pick<ChartFilter, 'from' | 'to'>,
    ): Promise<Map<string, ProjectProgressRow>> {
      const out = new Map<string, ProjectProgressRow>()
      if (projectIds.length === 0) return out
      const ids = [...projectIds]
      const row = (id: string) => {
        let r = out.get(id)
        if (!r) {
          r = { shots: 0, doneShots: 0, openTasks: 0, retakes: 0 }
          out.set(id, r)
        }
        return r
      }
      const shots = await db
        .selectFrom('shots')
        .where('projectId', 'in', ids)
        .select(['projectId', (eb) => eb.fn.countAll().as('n')])
        .groupBy('projectId')
        .execute()
      for (const s of shots) row(s.projectId).shots = num(s.n)

      const perShot = db
        .selectFrom('tasks as t')
        .where('t.projectId', 'in', ids)
        .select(['t.projectId', 't.shotId'])
        .groupBy(['t.projectId', 't.shotId'])
        .having((eb) => eb(eb.fn.count('t.doneDate'), '=', eb.fn.countAll()))
      const done = await db
        .selectFrom(perShot.as('d'))
        .select(['d.projectId', (eb) => eb.fn.countAll().as('n')])
        .groupBy('d.projectId')
        .execute()
      for (const d of done) row(d.projectId).doneShots = num(d.n)

      const open = await db
        .selectFrom('tasks as t')
        .innerJoin('taskStatuses as st', 'st.id', 't.statusId')
        .where('t.projectId', 'in', ids)
        .select(['t.projectId', (eb) => eb.fn.sum(oneUnless('st.isDone')).as('n')])
        .groupBy('t.projectId')
        .execute()
      for (const o of open) row(o.projectId).openTasks = num(o.n)

      const { from, before } = timeBounds(f)
      const retakes = await db
        .selectFrom('comments as c')
        .innerJoin('taskStatuses as st', 'st.id', 'c.statusId')
        .where('c.projectId', 'in', ids)
        .where('st.isRetake', '=', 1)
        .where((eb) =>
          eb.or([eb('c.previousStatusId', 'is', null), eb('c.previousStatusId', '!=', eb.ref('c.statusId'))]),
        )
        .$if(from !== undefined, (q) => q.where('c.createdAt', '>=', from ?? ''))
        .$if(before !== undefined, (q) => q.where('c.createdAt', '<', before ?? ''))
        .select(['c.projectId', sql<number>`count(*)`.as('n')])
        .groupBy('c.projectId')
        .execute()
      for (const r of retakes) row(r.projectId).retakes = num(r.n)
      return out
    },
  }
}
export type StudioSummaryQueries = ReturnType<typeof createStudioSummaryQueries>
