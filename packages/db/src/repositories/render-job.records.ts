// The shapes of render jobs, attempts and outputs as the farm sees them, and the mapping from
// database rows (JSON text parsed with zod on read).
import { AttemptOutcome, RenderJobState } from '@aipipeline/domain'
import { z } from 'zod'
import type { FarmJobAttemptsTable, FarmJobOutputsTable, FarmRenderJobsTable } from '../tables/farm.tables'

export const JobRequirementsSchema = z.object({
  nodeClasses: z.array(z.string()),
  models: z.array(z.string()),
  tags: z.array(z.string()),
  minVramGb: z.number().nonnegative(),
})

/** Why a job or attempt failed, with ComfyUI's per-node errors when there are any. */
export const RenderJobError = z.object({
  type: z.string(),
  message: z.string(),
  nodeId: z.string().nullable(),
  nodeType: z.string().nullable(),
  nodeErrors: z.array(z.object({ nodeId: z.string(), classType: z.string(), messages: z.array(z.string()) })),
})
export type RenderJobError = z.infer<typeof RenderJobError>

const Parameters = z.record(z.string(), z.unknown())

/** A version fed into a job's workflow through one of its parameters. */
export const InputVersionSchema = z.object({ versionId: z.string(), parameter: z.string() })
export type InputVersion = z.infer<typeof InputVersionSchema>

/** A file the job uploads to its backend before queueing (named `fileName`, filling `parameter`). */
export const InputFileSchema = z.object({
  parameter: z.string(),
  sha256: z.string(),
  kind: z.enum(['image', 'mask', 'control']),
  /** The name it is uploaded under (its hash); the parameter holds it until the backend answers. */
  fileName: z.string(),
  /** Masks: the parameter of the image the mask's alpha is copied onto (/upload/mask original_ref). */
  originalParameter: z.string().optional(),
  /** Control images: how strongly and over which part of the steps (0..1) the ControlNet applies. */
  strength: z.number().optional(),
  startPercent: z.number().optional(),
  endPercent: z.number().optional(),
})
export type InputFile = z.infer<typeof InputFileSchema>

export interface RenderJobRecord {
  id: string
  name: string
  state: RenderJobState
  priority: number
  /** The API prompt as JSON text; parse it with the workflow schema where it is used. */
  promptJson: string
  parameters: Record<string, unknown>
  requirements: z.infer<typeof JobRequirementsSchema>
  primaryModel: string | null
  cost: number
  templateId: string | null
  templateRevision: number | null
  inputVersions: InputVersion[]
  inputFiles: InputFile[]
  groupId: string | null
  shotId: string | null
  taskId: string | null
  submittedBy: string | null
  backendId: string | null
  promptId: string | null
  attemptCount: number
  maxAttempts: number
  nextAttemptAt: string | null
  vramAboveGb: number | null
  unschedulableReason: string | null
  error: RenderJobError | null
  progress: number
  queuedAt: string
  startedAt: string | null
  finishedAt: string | null
  createdAt: string
  updatedAt: string
}

export interface NewRenderJob {
  name: string
  priority: number
  promptJson: string
  parameters: Record<string, unknown>
  requirements: z.infer<typeof JobRequirementsSchema>
  primaryModel: string | null
  cost: number
  templateId: string | null
  templateRevision?: number | null
  inputVersions?: InputVersion[]
  inputFiles?: InputFile[]
  groupId: string | null
  shotId: string | null
  taskId: string | null
  submittedBy: string | null
  maxAttempts: number
}

export interface AttemptRecord {
  id: string
  jobId: string
  number: number
  backendId: string
  backendName: string
  promptId: string
  outcome: AttemptOutcome
  error: RenderJobError | null
  submittedAt: string
  startedAt: string | null
  endedAt: string | null
  /** Fencing epoch of the leader that claimed it. */
  leaderEpoch: number | null
}

export type OutputRecord = FarmJobOutputsTable

/** An output with the version it became (null until ingested, and for jobs without a task). */
export type OutputWithVersion = OutputRecord & { versionId: string | null }

export interface RenderJobFilter {
  states?: RenderJobState[]
  groupId?: string
  minPriority?: number
  maxPriority?: number
  /**
   * Only jobs this user may see: studio jobs (no shot or task) and jobs of projects the user
   * is a member of. Undefined = every job (admins).
   */
  visibleTo?: string
  limit: number
  offset: number
}

export function parseError(text: string | null): RenderJobError | null {
  return text === null ? null : RenderJobError.parse(JSON.parse(text))
}

export function toRecord(row: FarmRenderJobsTable): RenderJobRecord {
  const { prompt, ...rest } = row
  return {
    ...rest,
    promptJson: prompt,
    state: RenderJobState.parse(row.state),
    parameters: Parameters.parse(JSON.parse(row.parameters)),
    requirements: JobRequirementsSchema.parse(JSON.parse(row.requirements)),
    cost: Number(row.cost),
    templateRevision: row.templateRevision === null ? null : Number(row.templateRevision),
    inputVersions: z.array(InputVersionSchema).parse(JSON.parse(row.inputVersions)),
    inputFiles: z.array(InputFileSchema).parse(JSON.parse(row.inputFiles)),
    vramAboveGb: row.vramAboveGb === null ? null : Number(row.vramAboveGb),
    error: parseError(row.error),
    progress: Number(row.progress),
  }
}

export function toAttempt(row: FarmJobAttemptsTable): AttemptRecord {
  return { ...row, outcome: AttemptOutcome.parse(row.outcome), error: parseError(row.error) }
}
