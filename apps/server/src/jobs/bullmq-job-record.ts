// Maps BullMQ jobs and states to the adapter-neutral shapes of the JobQueue port.
import type { Job, JobType } from 'bullmq'
import { z } from 'zod'
import type { JobRecord, JobState } from './job-queue.port'
import { fromBullPriority } from './job-timing'

// We store progress as {percent, message}; a bare number may come from other producers.
const ProgressSchema = z.union([
  z.number().transform((percent) => ({ percent, message: null })),
  z.object({ percent: z.number(), message: z.string().nullable() }),
])

/** Parses a progress value from Redis. */
export function parseBullProgress(value: unknown): { percent: number; message: string | null } {
  const parsed = ProgressSchema.safeParse(value)
  return parsed.success ? parsed.data : { percent: 0, message: null }
}

/** BullMQ job states that our `queued` covers. */
export const QUEUED_TYPES: JobType[] = ['waiting', 'delayed', 'prioritized', 'waiting-children']

/** Our state for a BullMQ state ('unknown' = the job is gone). */
export function fromBullState(state: string): JobState | undefined {
  switch (state) {
    case 'waiting':
    case 'delayed':
    case 'prioritized':
    case 'waiting-children':
      return 'queued'
    case 'active':
      return 'active'
    case 'completed':
      return 'completed'
    case 'failed':
      return 'failed'
    default:
      return undefined
  }
}

/** BullMQ types to list for one of our states. */
export function toBullTypes(state: JobState | undefined): JobType[] {
  switch (state) {
    case undefined:
      return [...QUEUED_TYPES, 'active', 'completed', 'failed']
    case 'queued':
      return QUEUED_TYPES
    case 'canceled':
      return []
    default:
      return [state]
  }
}

function iso(ms: number | undefined): string | null {
  return ms === undefined || ms === 0 ? null : new Date(ms).toISOString()
}

/** Builds our record from a BullMQ job and its state. */
export function toJobRecordFromBull(job: Job<unknown, unknown>, state: JobState): JobRecord {
  const { percent, message } = parseBullProgress(job.progress)
  return {
    id: job.id ?? '',
    name: job.name,
    data: job.data ?? null,
    state,
    priority: fromBullPriority(job.opts.priority ?? 0),
    attemptsMade: job.attemptsMade,
    maxAttempts: job.opts.attempts ?? 1,
    progress: percent,
    progressMessage: message,
    result: job.returnvalue ?? null,
    error: job.failedReason ? job.failedReason : null,
    createdAt: iso(job.timestamp) ?? new Date(0).toISOString(),
    startedAt: iso(job.processedOn),
    finishedAt: iso(job.finishedOn),
  }
}

const JobRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  data: z.unknown(),
  state: z.enum(['queued', 'active', 'completed', 'failed', 'canceled']),
  priority: z.number(),
  attemptsMade: z.number(),
  maxAttempts: z.number(),
  progress: z.number(),
  progressMessage: z.string().nullable(),
  result: z.unknown(),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
})

/** Parses a record snapshot we stored in Redis (jobs canceled before they ran are removed from BullMQ). */
export function parseRecordSnapshot(text: string): JobRecord {
  const value: unknown = JSON.parse(text)
  const r = JobRecordSchema.parse(value)
  return { ...r, data: r.data ?? null, result: r.result ?? null }
}
