// The one port for background work (ARCHITECTURE decision 3). Adapters: local (database)
// and BullMQ (Redis). Both pass job-queue.contract.ts, so callers never branch on the adapter.
import type { JobBackoff, JobState } from '@aipipeline/db'
import { z } from 'zod'

export type { JobBackoff, JobState }

/**
 * Priority direction: a HIGHER number runs first. Range is PRIORITY_MIN..PRIORITY_MAX,
 * default 0. (BullMQ is the other way round; its adapter maps with `toBullPriority`.)
 */
export const PRIORITY_MIN = -1000
export const PRIORITY_MAX = 1000

// BullMQ refuses integer-looking ids and ids with ':'; both adapters refuse them alike.
const JobIdSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((id) => !id.includes(':'), 'a job id may not contain ":"')
  .refine((id) => `${Number.parseInt(id, 10)}` !== id, 'a job id may not be an integer')

/** Job names become BullMQ queue names and Redis key parts: letters, digits, `.`, `_`, `-`. */
export const JobNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'a job name uses letters, digits, ".", "_" and "-" only')

export const EnqueueOptionsSchema = z.object({
  priority: z.number().int().min(PRIORITY_MIN).max(PRIORITY_MAX).default(0),
  /** Milliseconds before the job may start. */
  delay: z.number().int().nonnegative().default(0),
  /** Total tries including the first. */
  attempts: z.number().int().min(1).max(100).default(1),
  backoff: z
    .object({
      type: z.enum(['fixed', 'exponential']),
      delay: z.number().int().nonnegative(),
      jitter: z.number().min(0).max(1).optional(),
    })
    .optional(),
  /** Idempotency key: enqueueing an existing id returns the existing job. */
  jobId: JobIdSchema.optional(),
})
export type EnqueueOptions = z.input<typeof EnqueueOptionsSchema>
export type ResolvedEnqueueOptions = z.output<typeof EnqueueOptionsSchema>

export const ScheduleOptionsSchema = EnqueueOptionsSchema.omit({ jobId: true, delay: true }).extend({
  /** IANA zone for the cron expression; UTC when absent. */
  timezone: z.string().optional(),
})
export type ScheduleOptions = z.input<typeof ScheduleOptionsSchema>

/** What outside callers see of a job, whichever adapter stores it. */
export interface JobRecord {
  id: string
  name: string
  data: unknown
  state: JobState
  priority: number
  /** Finished attempts: failures plus the successful one. A crashed attempt is not counted. */
  attemptsMade: number
  maxAttempts: number
  /** Percent, 0..100. */
  progress: number
  progressMessage: string | null
  result: unknown
  error: string | null
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
}

/** What a handler receives. `attempt` starts at 1. */
export interface JobContext<T = unknown> {
  id: string
  name: string
  data: T
  attempt: number
  /** Aborted when the job is canceled, its lock is lost, or the worker shuts down. */
  signal: AbortSignal
  updateProgress(percent: number, message?: string): Promise<void>
}

export type JobHandler<T = unknown, R = unknown> = (job: JobContext<T>) => Promise<R>

export interface ProcessOptions {
  /** Jobs of this name run at most this many at once in this process. */
  concurrency?: number
}

export type JobEvent =
  | { type: 'active'; jobId: string; name: string }
  | { type: 'progress'; jobId: string; name: string; progress: number; message: string | null }
  | { type: 'completed'; jobId: string; name: string; result: unknown }
  /** Final failure only; a failure that will be retried emits nothing. */
  | { type: 'failed'; jobId: string; name: string; error: string }
  | { type: 'canceled'; jobId: string; name: string }

export type JobEventListener = (event: JobEvent) => void

export interface ListJobsFilter {
  state?: JobState
  /** Default 100. */
  limit?: number
}

export interface StopOptions {
  /** How long running handlers may take to finish before they are aborted and released. */
  timeoutMs?: number
}

export interface JobQueue {
  /** Adds a job; with `jobId`, returns the existing job when that id is already known. */
  enqueue(name: string, data: unknown, opts?: EnqueueOptions): Promise<JobRecord>
  /** Creates or replaces a cron schedule; each tick enqueues one job, even with many workers. */
  schedule(id: string, cron: string, name: string, data: unknown, opts?: ScheduleOptions): Promise<void>
  unschedule(id: string): Promise<boolean>
  /** Starts taking jobs of `name` in this process. */
  process(name: string, handler: JobHandler, opts?: ProcessOptions): Promise<void>
  /** A queued job never starts; a running job's signal aborts. False if already finished or unknown. */
  cancel(jobId: string): Promise<boolean>
  getJob(jobId: string): Promise<JobRecord | undefined>
  /** Newest first. */
  listJobs(name: string, filter?: ListJobsFilter): Promise<JobRecord[]>
  /** Listens to events of jobs named `name`; resolves once listening, to an unsubscribe function. */
  on(name: string, listener: JobEventListener): Promise<() => Promise<void>>
  /** Graceful stop: claim nothing more, let running handlers finish up to the timeout, then release them. */
  stopProcessing(opts?: StopOptions): Promise<void>
  /** stopProcessing, then closes connections this queue opened. Safe to call twice. */
  close(): Promise<void>
}

/** Thrown by a handler (or the registry) to fail a job without further attempts. */
export class UnrecoverableJobError extends Error {
  override name = 'UnrecoverableJobError'
}

/** The message a job fails with when it was canceled while running. */
export const CANCELED_MESSAGE = 'job canceled'

/** Error text for storage and events. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
