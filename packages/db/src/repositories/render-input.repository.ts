// Render inputs (content-addressed image, mask and control files, one row per project and
// content) and control maps (a preprocessor job on a version whose output becomes a control
// input). A control map is stored with its job in one transaction.
import type { Db } from '../dialect/dialect-factory'
import { isoNow } from '../ids'
import type { FarmControlMapsTable, RenderInputsTable } from '../tables/farm.tables'
import { type NewRenderJob, type RenderJobRecord, toRecord } from './render-job.records'
import { insertJobRows, jobRow } from './render-job.rows'

export type RenderInputRecord = RenderInputsTable
export type ControlMapRecord = FarmControlMapsTable

export type NewRenderInput = Omit<RenderInputsTable, 'createdAt'>

/** Repository for `render_inputs` and `farm_control_maps`. */
export function createRenderInputRepository(db: Db) {
  async function get(projectId: string, sha256: string): Promise<RenderInputRecord | null> {
    const row = await db
      .selectFrom('renderInputs')
      .selectAll()
      .where('projectId', '=', projectId)
      .where('sha256', '=', sha256)
      .executeTakeFirst()
    return row ?? null
  }

  return {
    get,

    /**
     * Stores the input unless the project already has these bytes; returns the stored row and
     * whether it is new. Two racing uploads of the same bytes both end with the one row.
     */
    async insertOrGet(input: NewRenderInput): Promise<{ record: RenderInputRecord; created: boolean }> {
      const row = { ...input, createdAt: isoNow() }
      const inserted = await db
        .insertInto('renderInputs')
        .values(row)
        .onConflict((oc) => oc.columns(['projectId', 'sha256']).doNothing())
        .executeTakeFirst()
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) return { record: row, created: true }
      const existing = await get(input.projectId, input.sha256)
      if (existing === null) throw new Error(`render input ${input.sha256} vanished after a conflicting insert`)
      return { record: existing, created: false }
    },

    /** Any project's row of these bytes (the file is shared): what the farm uploads to a backend. */
    async anyBySha(sha256: string): Promise<RenderInputRecord | null> {
      const row = await db.selectFrom('renderInputs').selectAll().where('sha256', '=', sha256).executeTakeFirst()
      return row ?? null
    },

    /** Inserts a preprocessor job and its control map row in one transaction. */
    async insertControlMapJob(
      job: NewRenderJob,
      map: Pick<ControlMapRecord, 'projectId' | 'sourceVersionId' | 'preprocessor'>,
    ): Promise<{ job: RenderJobRecord; map: ControlMapRecord }> {
      const now = isoNow()
      const row = jobRow(job, now)
      const record: ControlMapRecord = { ...map, jobId: row.id, inputSha256: null, createdAt: now }
      await db.transaction().execute(async (trx) => {
        await insertJobRows(trx, [row])
        await trx.insertInto('farmControlMaps').values(record).execute()
      })
      return { job: toRecord(row), map: record }
    },

    async controlMap(jobId: string): Promise<ControlMapRecord | null> {
      const row = await db.selectFrom('farmControlMaps').selectAll().where('jobId', '=', jobId).executeTakeFirst()
      return row ?? null
    },

    /** The control maps of a version with their jobs, newest first. */
    async controlMapsOf(versionId: string): Promise<{ map: ControlMapRecord; job: RenderJobRecord }[]> {
      const maps = await db
        .selectFrom('farmControlMaps')
        .selectAll()
        .where('sourceVersionId', '=', versionId)
        .orderBy('createdAt', 'desc')
        .orderBy('jobId', 'desc')
        .execute()
      if (maps.length === 0) return []
      const jobs = await db
        .selectFrom('farmRenderJobs')
        .selectAll()
        .where(
          'id',
          'in',
          maps.map((m) => m.jobId),
        )
        .execute()
      const byId = new Map(jobs.map((j) => [j.id, toRecord(j)]))
      return maps.flatMap((map) => {
        const job = byId.get(map.jobId)
        return job === undefined ? [] : [{ map, job }]
      })
    },

    /** Records the control input a finished control map made. */
    async setControlMapInput(jobId: string, sha256: string): Promise<void> {
      await db.updateTable('farmControlMaps').set({ inputSha256: sha256 }).where('jobId', '=', jobId).execute()
    },
  }
}
export type RenderInputRepository = ReturnType<typeof createRenderInputRepository>
