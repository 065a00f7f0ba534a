// Render jobs: submit (API or UI workflow, or a template), list, get, cancel, reprioritise, retry.
import { AttemptOutcome, access, RenderJobState } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'
import { FarmIdParams } from './farm-backend.contract'

const JsonObject = z.record(z.string(), z.unknown())

/** Where the workflow comes from: an API prompt, a UI workflow (converted), or a saved template. */
export const WorkflowSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('api'), prompt: JsonObject }).strict(),
  z
    .object({
      kind: z.literal('ui'),
      workflow: JsonObject,
      /** Convert with this backend's /object_info instead of the union of all backends. */
      backendId: z.string().max(64).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('template'), templateId: z.string().min(1).max(64) }).strict(),
])
export type WorkflowSource = z.infer<typeof WorkflowSource>

export const ExtraRequirements = z
  .object({
    tags: z.array(z.string().min(1).max(40)).max(20).default([]),
    minVramGb: z.number().min(0).max(1024).default(0),
  })
  .strict()

const submitFields = {
  source: WorkflowSource,
  /** Placeholder values and `<node>.<input>` overrides. */
  parameters: z.record(z.string(), z.unknown()).default({}),
  priority: z.number().int().min(0).max(100).default(50),
  requirements: ExtraRequirements.default({ tags: [], minVramGb: 0 }),
  name: z.string().trim().min(1).max(200).optional(),
  shotId: z.string().min(1).max(64).optional(),
  taskId: z.string().min(1).max(64).optional(),
  maxAttempts: z.number().int().min(1).max(10).default(3),
  /**
   * Versions fed into the workflow (source image, mask, control image), each through a
   * parameter; recorded as the lineage of the versions the job makes. They must be versions of
   * the job's project that the submitter may see, so the job needs a shot or task.
   */
  inputVersions: z
    .array(z.object({ versionId: z.string().min(1).max(64), parameter: z.string().min(1).max(200) }).strict())
    .max(16)
    .default([]),
}

export const SubmitRenderJobRequest = z.object(submitFields).strict()
export type SubmitRenderJobRequest = z.infer<typeof SubmitRenderJobRequest>

export const SubmitSweepRequest = z
  .object({
    ...submitFields,
    /** Axis name (placeholder or override) → values; one job per combination. */
    sweep: z.record(z.string(), z.array(z.unknown()).min(1)),
  })
  .strict()
export type SubmitSweepRequest = z.infer<typeof SubmitSweepRequest>

export const RenderJobErrorBody = z.object({
  type: z.string(),
  message: z.string(),
  nodeId: z.string().nullable(),
  nodeType: z.string().nullable(),
  nodeErrors: z.array(z.object({ nodeId: z.string(), classType: z.string(), messages: z.array(z.string()) })),
})

export const RenderJob = z
  .object({
    id: z.string(),
    name: z.string(),
    state: RenderJobState,
    priority: z.number().int(),
    /** 0..1 */
    progress: z.number(),
    backendId: z.string().nullable(),
    attemptCount: z.number().int(),
    maxAttempts: z.number().int(),
    groupId: z.string().nullable(),
    templateId: z.string().nullable(),
    shotId: z.string().nullable(),
    taskId: z.string().nullable(),
    /** Who submitted it (null for jobs from the CLI or older versions); they may steer it. */
    submittedBy: z.string().nullable(),
    requirements: z.object({
      nodeClasses: z.array(z.string()),
      models: z.array(z.string()),
      tags: z.array(z.string()),
      minVramGb: z.number(),
    }),
    primaryModel: z.string().nullable(),
    unschedulableReason: z.string().nullable(),
    error: RenderJobErrorBody.nullable(),
    nextAttemptAt: z.string().nullable(),
    queuedAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'RenderJob' })
export type RenderJob = z.infer<typeof RenderJob>

export const RenderJobAttempt = z.object({
  number: z.number().int(),
  backendId: z.string(),
  backendName: z.string(),
  promptId: z.string(),
  outcome: AttemptOutcome,
  error: RenderJobErrorBody.nullable(),
  submittedAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
})

export const RenderJobOutput = z.object({
  id: z.string(),
  nodeId: z.string(),
  kind: z.string(),
  filename: z.string(),
  /** Relative to the storage root. */
  path: z.string(),
  thumbnailPath: z.string().nullable(),
  mime: z.string().nullable(),
  bytes: z.number().int(),
  sha256: z.string(),
  /** The version this output became (jobs for a task); null until it is ingested. */
  versionId: z.string().nullable(),
})

export const RenderJobDetail = RenderJob.extend({
  parameters: z.record(z.string(), z.unknown()),
  /** The template's revision when the job was submitted. */
  templateRevision: z.number().int().nullable(),
  inputVersions: z.array(z.object({ versionId: z.string(), parameter: z.string() })),
  attempts: z.array(RenderJobAttempt),
  outputs: z.array(RenderJobOutput),
}).meta({ id: 'RenderJobDetail' })
export type RenderJobDetail = z.infer<typeof RenderJobDetail>

export const ListRenderJobsQuery = z
  .object({
    state: RenderJobState.optional(),
    groupId: z.string().max(64).optional(),
    minPriority: z.coerce.number().int().min(0).max(100).optional(),
    maxPriority: z.coerce.number().int().min(0).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

export const UpdateRenderJobRequest = z.object({ priority: z.number().int().min(0).max(100) }).strict()

export const FarmSummary = z.object({
  backends: z.record(z.string(), z.number().int()),
  jobs: z.record(z.string(), z.number().int()),
  queuedByBand: z.object({ low: z.number().int(), normal: z.number().int(), high: z.number().int() }),
  /** Whether this instance is the dispatching leader (always true with SQLite). */
  leader: z.boolean(),
})

export const renderJobRoutes = {
  submitRenderJob: defineRoute({
    method: 'POST',
    path: '/api/farm/jobs',
    summary: 'Submit a render job (API or UI workflow, or a saved template, with parameters)',
    tags: ['farm'],
    access: access.atLeast('artist'),
    body: SubmitRenderJobRequest,
    response: RenderJob,
    status: 201,
  }),
  submitRenderSweep: defineRoute({
    method: 'POST',
    path: '/api/farm/jobs/sweep',
    summary: 'Submit a parameter sweep: one job per combination, in one job group',
    tags: ['farm'],
    access: access.atLeast('artist'),
    body: SubmitSweepRequest,
    response: z.object({ groupId: z.string(), items: z.array(RenderJob) }),
    status: 201,
  }),
  listRenderJobs: defineRoute({
    method: 'GET',
    path: '/api/farm/jobs',
    summary: 'List render jobs (filters: state, group, priority range)',
    tags: ['farm'],
    access: access.atLeast('artist'),
    query: ListRenderJobsQuery,
    response: z.object({ items: z.array(RenderJob) }),
  }),
  getRenderJob: defineRoute({
    method: 'GET',
    path: '/api/farm/jobs/:id',
    summary: 'Get a render job with its attempts and outputs',
    tags: ['farm'],
    access: access.atLeast('artist'),
    params: FarmIdParams,
    response: RenderJobDetail,
  }),
  updateRenderJob: defineRoute({
    method: 'PATCH',
    path: '/api/farm/jobs/:id',
    summary: 'Change the priority of an unfinished job',
    tags: ['farm'],
    access: access.atLeast('artist'),
    params: FarmIdParams,
    body: UpdateRenderJobRequest,
    response: RenderJob,
  }),
  cancelRenderJob: defineRoute({
    method: 'POST',
    path: '/api/farm/jobs/:id/cancel',
    summary: 'Cancel a job: a queued one never starts, a running one is interrupted',
    tags: ['farm'],
    access: access.atLeast('artist'),
    params: FarmIdParams,
    response: RenderJob,
  }),
  retryRenderJob: defineRoute({
    method: 'POST',
    path: '/api/farm/jobs/:id/retry',
    summary: 'Queue a failed, canceled or unschedulable job again',
    tags: ['farm'],
    access: access.atLeast('artist'),
    params: FarmIdParams,
    response: RenderJob,
  }),
  getFarmSummary: defineRoute({
    method: 'GET',
    path: '/api/farm/summary',
    summary: 'Backend states, jobs by state and queue depth by priority band',
    tags: ['farm'],
    access: access.atLeast('artist'),
    response: FarmSummary,
  }),
} as const
