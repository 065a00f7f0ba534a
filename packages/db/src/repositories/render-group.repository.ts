// Render groups: a render from shots stored with its jobs in one transaction, and read back
// with every job and output of the group for its progress panel and contact sheet.
import type { Db } from '../dialect/dialect-factory'
import { isoNow } from '../ids'
import {
  type NewRenderGroup,
  type RenderGroupJobValues,
  type RenderGroupRecord,
  toRenderGroup,
} from './render-group.records'
import { type NewRenderJob, type OutputRecord, type RenderJobRecord, toRecord } from './render-job.records'
import { insertJobRows, jobRow } from './render-job.rows'

export * from './render-group.records'

/** Repository for `farm_render_groups` and the group's jobs. */
export function createRenderGroupRepository(db: Db) {
  return {
    /** Inserts a render group and its jobs in one transaction; `values[i]` belongs to `jobs[i]`. */
    async insertGroup(
      group: NewRenderGroup,
      jobs: NewRenderJob[],
      values: RenderGroupJobValues[],
    ): Promise<RenderJobRecord[]> {
      if (values.length !== jobs.length) throw new Error('insertGroup: one values entry per job')
      const now = isoNow()
      const rows = jobs.map((j) => jobRow({ ...j, groupId: group.id }, now))
      const jobValues: Record<string, RenderGroupJobValues> = {}
      rows.forEach((r, i) => {
        const v = values[i]
        if (v) jobValues[r.id] = v
      })
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('farmRenderGroups')
          .values({
            ...group,
            axes: JSON.stringify(group.axes),
            jobValues: JSON.stringify(jobValues),
            createdAt: now,
          })
          .execute()
        await insertJobRows(trx, rows)
      })
      return rows.map(toRecord)
    },

    async get(id: string): Promise<RenderGroupRecord | null> {
      const row = await db.selectFrom('farmRenderGroups').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? toRenderGroup(row) : null
    },

    /** Every job of a group, in the order they were created. */
    async ofGroup(groupId: string): Promise<RenderJobRecord[]> {
      const rows = await db
        .selectFrom('farmRenderJobs')
        .selectAll()
        .where('groupId', '=', groupId)
        .orderBy('createdAt')
        .orderBy('id')
        .execute()
      return rows.map(toRecord)
    },

    /** Outputs of many jobs (a group's contact sheet). */
    async outputsOf(jobIds: readonly string[]): Promise<OutputRecord[]> {
      const out: OutputRecord[] = []
      for (let i = 0; i < jobIds.length; i += 500) {
        const rows = await db
          .selectFrom('farmJobOutputs')
          .selectAll()
          .where('jobId', 'in', jobIds.slice(i, i + 500))
          .orderBy('createdAt')
          .execute()
        out.push(...rows)
      }
      return out
    },
  }
}
export type RenderGroupRepository = ReturnType<typeof createRenderGroupRepository>
