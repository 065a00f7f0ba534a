// Realtime events of the render farm. Room `farm` gets backend states, job state changes,
// queue depth and (throttled) progress; room `job:<id>` gets that job's state and progress.
import { BackendState, RenderJobState } from '@aipipeline/domain'
import { z } from 'zod'

export const FarmBackendEvent = z.object({
  id: z.string(),
  name: z.string(),
  state: BackendState,
  stateReason: z.string().nullable(),
  loadedModel: z.string().nullable(),
  inFlight: z.number().int(),
  currentJobIds: z.array(z.string()),
  vramGb: z.number(),
  /** Set when the backend was removed. */
  removed: z.boolean().optional(),
})

export const FarmJobEvent = z.object({
  jobId: z.string(),
  state: RenderJobState,
  priority: z.number().int(),
  backendId: z.string().nullable(),
  attempt: z.number().int(),
  error: z.string().nullable(),
  at: z.string(),
})

/** At most ~10 per second per job; `preview` (≤ ~2/s) is a small JPEG/PNG data URL. */
export const FarmJobProgressEvent = z.object({
  jobId: z.string(),
  backendId: z.string(),
  node: z.string().nullable(),
  step: z.number().int().nullable(),
  max: z.number().int().nullable(),
  /** Whole-prompt progress, 0..100. */
  overall: z.number().min(0).max(100),
  preview: z.string().startsWith('data:image/').nullable(),
})

export const FarmQueueEvent = z.object({
  queued: z.number().int(),
  assigned: z.number().int(),
  running: z.number().int(),
  unschedulable: z.number().int(),
  queuedByBand: z.object({ low: z.number().int(), normal: z.number().int(), high: z.number().int() }),
})

/** A job's outputs became versions (room `job:<id>` and `farm`): the job page links them. */
export const FarmJobVersionsEvent = z.object({
  jobId: z.string(),
  /** One per output, in output order. */
  versionIds: z.array(z.string()),
  at: z.string(),
})

export const farmEvents = {
  'farm:backend': FarmBackendEvent,
  'farm:job': FarmJobEvent,
  'farm:job-progress': FarmJobProgressEvent,
  'farm:queue': FarmQueueEvent,
  'farm:job-versions': FarmJobVersionsEvent,
} as const
