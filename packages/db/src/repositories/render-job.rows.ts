// The stored row of a new render job, and the chunked insert both job writers share.
import type { Transaction } from 'kysely'
import { newId } from '../ids'
import type { DatabaseSchema } from '../tables/database.schema'
import type { FarmRenderJobsTable } from '../tables/farm.tables'
import type { NewRenderJob } from './render-job.records'

/** The stored row of a new job (queued, no attempt yet). */
export function jobRow(j: NewRenderJob, now: string): FarmRenderJobsTable {
  return {
    id: newId(),
    name: j.name,
    state: 'queued',
    priority: j.priority,
    prompt: j.promptJson,
    parameters: JSON.stringify(j.parameters),
    requirements: JSON.stringify(j.requirements),
    primaryModel: j.primaryModel,
    cost: j.cost,
    templateId: j.templateId,
    templateRevision: j.templateRevision ?? null,
    inputVersions: JSON.stringify(j.inputVersions ?? []),
    inputFiles: JSON.stringify(j.inputFiles ?? []),
    groupId: j.groupId,
    shotId: j.shotId,
    taskId: j.taskId,
    submittedBy: j.submittedBy,
    backendId: null,
    promptId: null,
    attemptCount: 0,
    maxAttempts: j.maxAttempts,
    nextAttemptAt: null,
    vramAboveGb: null,
    unschedulableReason: null,
    error: null,
    progress: 0,
    queuedAt: now,
    startedAt: null,
    finishedAt: null,
    createdAt: now,
    updatedAt: now,
  }
}

export async function insertJobRows(trx: Transaction<DatabaseSchema>, rows: FarmRenderJobsTable[]): Promise<void> {
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 100) {
    await trx
      .insertInto('farmRenderJobs')
      .values(rows.slice(i, i + 100))
      .execute()
  }
}
