// Outputs of a succeeded render job for a task become versions in a durable background job:
// enqueued where the job is settled as succeeded, with a job id derived from the render job so
// it is enqueued once, and re-enqueued at start for succeeded jobs whose outputs still lack
// versions (the process died between settling and enqueueing, or the ingest failed for good).
// A studio killed mid-ingest finishes it on restart: the queue runs the job again and the
// version port returns the versions already made.
import { availableParallelism } from 'node:os'
import { ApiPrompt } from '@aipipeline/comfyui'
import type { RenderJobRecord, RenderJobRepository, WorkflowTemplateRecord } from '@aipipeline/db'
import { NotFound } from '@aipipeline/domain'
import { z } from 'zod'
import { defineJob, enqueueJob, type JobHandlerRegistry, type JobQueue, UnrecoverableJobError } from '../../jobs'
import type { Logger } from '../../observability/logger'
import type { FarmEvents } from './farm-events'
import { inputRole, renderProvenance, templateFacts } from './render-provenance'
import type { FarmJobVersions, VersionPort } from './version-port'

/** Ingests run at once in one process: two on two cores, up to four on larger machines. */
const INGEST_CONCURRENCY = Math.min(4, Math.max(2, availableParallelism()))

export const INGEST_VERSIONS_JOB = defineJob('farm.versions', z.object({ renderJobId: z.string() }))

/** The queue job id of a render job's ingest (letters, digits and '-' only, as both adapters accept). */
export const ingestJobId = (renderJobId: string) => `versions-${renderJobId}`

export interface VersionIngestDeps {
  jobs: RenderJobRepository
  template(id: string): Promise<WorkflowTemplateRecord | null>
  versions: VersionPort
  events: Pick<FarmEvents, 'versions'>
  queue: JobQueue
  logger: Pick<Logger, 'warn' | 'info'>
}

/** The sidecar's record of a job's input files and, for a guided render, its control image. */
function inputFacts(job: RenderJobRecord): Pick<FarmJobVersions['sidecar'], 'inputFiles' | 'control'> {
  if (job.inputFiles.length === 0) return {}
  const control = job.inputFiles.find((f) => f.kind === 'control')
  return {
    inputFiles: job.inputFiles.map(({ parameter, sha256, kind }) => ({ parameter, sha256, kind })),
    control:
      control === undefined
        ? null
        : {
            parameter: control.parameter,
            sha256: control.sha256,
            strength: control.strength ?? null,
            startPercent: control.startPercent ?? null,
            endPercent: control.endPercent ?? null,
          },
  }
}

export function createVersionIngest(deps: VersionIngestDeps) {
  /** What every output of `job` shares when it is handed to the version port. */
  async function jobFacts(job: RenderJobRecord & { taskId: string }) {
    const attempts = await deps.jobs.attempts(job.id)
    const winner = attempts.find((a) => a.outcome === 'succeeded') ?? attempts.at(-1)
    const template = job.templateId === null ? null : await deps.template(job.templateId)
    const facts = templateFacts(template)
    const provenance = renderProvenance(ApiPrompt.parse(JSON.parse(job.promptJson)))
    return {
      taskId: job.taskId,
      renderJobId: job.id,
      provenance: {
        prompt: provenance.prompt,
        negativePrompt: provenance.negativePrompt,
        seed: provenance.seed,
        model: job.primaryModel,
      },
      parameters: job.parameters,
      inputs: job.inputVersions.map((i) => ({ ...i, role: inputRole(i.parameter, facts.roles.get(i.parameter)) })),
      authorId: job.submittedBy,
      sidecar: {
        template:
          job.templateId === null ? null : { id: job.templateId, revision: job.templateRevision ?? facts.revision },
        workflowHash: provenance.workflowHash,
        models: provenance.models,
        backend: winner ? { id: winner.backendId, name: winner.backendName } : null,
        attemptIds: attempts.map((a) => a.promptId),
        timings: { queuedAt: job.queuedAt, startedAt: job.startedAt, finishedAt: job.finishedAt },
        ...inputFacts(job),
      },
    } satisfies FarmJobVersions
  }

  /** Makes the missing versions of a render job's outputs; returns every output's version id, in output order. */
  async function ingest(renderJobId: string): Promise<string[]> {
    const job = await deps.jobs.get(renderJobId)
    if (job === null || job.state !== 'succeeded' || job.taskId === null) return []
    const outputs = await deps.jobs.outputsWithVersions(renderJobId)
    if (outputs.every((o) => o.versionId !== null)) return outputs.flatMap((o) => (o.versionId ? [o.versionId] : []))
    const shared = await jobFacts({ ...job, taskId: job.taskId })
    const missing = outputs.filter((o) => o.versionId === null)
    const versions = await deps.versions.ingestOutputs(
      shared,
      missing.map((o) => ({
        renderOutputId: o.id,
        source: { path: o.path, mediaType: o.mime, sizeBytes: o.bytes, sha256: o.sha256 },
        thumbnailPath: o.thumbnailPath,
      })),
    )
    const made = versions.some((v) => v.created)
    const byOutput = new Map(missing.map((o, i) => [o.id, versions[i]?.versionId ?? null]))
    const ids = outputs.flatMap((o) => {
      const id = o.versionId ?? byOutput.get(o.id) ?? null
      return id === null ? [] : [id]
    })
    if (made) deps.events.versions(renderJobId, ids)
    return ids
  }

  async function enqueue(renderJobId: string, jobId = ingestJobId(renderJobId)) {
    return enqueueJob(
      deps.queue,
      INGEST_VERSIONS_JOB,
      { renderJobId },
      { jobId, attempts: 5, backoff: { type: 'exponential', delay: 500 } },
    )
  }

  return {
    ingest,

    /** Registers the ingest handler with the worker's registry. */
    register(registry: JobHandlerRegistry): void {
      // Two jobs at once, one more per core beyond two (at most four): an ingest is mostly
      // short file and database steps on the event loop, so more in flight on a small machine
      // only queues behind the farm's own work; outputs of one task are still numbered one at
      // a time by the version port.
      registry.registerJobHandler(
        INGEST_VERSIONS_JOB.name,
        INGEST_VERSIONS_JOB.schema,
        async (job) => {
          try {
            return { versionIds: await ingest(job.data.renderJobId) }
          } catch (err) {
            // The task went away meanwhile: retrying cannot help.
            if (err instanceof NotFound) throw new UnrecoverableJobError(err.message)
            throw err
          }
        },
        { concurrency: INGEST_CONCURRENCY },
      )
    },

    /** Enqueues the ingest of a job that just succeeded (once per render job); never throws. */
    async succeeded(job: { id: string; taskId: string | null }): Promise<void> {
      if (job.taskId === null) return
      try {
        await enqueue(job.id)
      } catch (err) {
        // The start-up reconcile enqueues it again.
        deps.logger.warn({ err: String(err), jobId: job.id }, 'enqueueing the version ingest failed')
      }
    },

    /** Enqueues the ingest of every succeeded task job whose outputs lack versions; returns how many. */
    async reconcile(): Promise<number> {
      const ids = await deps.jobs.succeededWithoutVersions()
      for (const id of ids) {
        const record = await enqueue(id)
        // The first ingest ended (failed for good, or outputs arrived after it): run a new one.
        if (record.state === 'completed' || record.state === 'failed' || record.state === 'canceled')
          await enqueue(id, `${ingestJobId(id)}-r${Date.now().toString(36)}`)
      }
      if (ids.length > 0) deps.logger.info({ jobs: ids.length }, 'render outputs without versions: ingest enqueued')
      return ids.length
    },
  }
}
export type VersionIngest = ReturnType<typeof createVersionIngest>
