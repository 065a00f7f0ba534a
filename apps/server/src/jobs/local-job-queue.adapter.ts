// JobQueue on our own database (SQLite or Postgres through Kysely): the embedded default.
// Workers poll (plus an in-process wake-up on enqueue); recovery after a crash comes from
// lock expiry; cron ticks are owned by whichever worker advances the schedule first.
import { createJobRepository, type Db, isoNow, newId, type StoredJob } from '@aipipeline/db'
import {
  EnqueueOptionsSchema,
  JobNameSchema,
  type JobQueue,
  type JobRecord,
  ScheduleOptionsSchema,
} from './job-queue.port'
import { nextCronTick } from './job-timing'
import { localJobHub } from './local-job-events'
import { LocalNameWorker, type LocalWorkerSettings } from './local-job-worker'

export interface LocalJobQueueConfig {
  db: Db
  /** Names this process in lock tokens (host:pid is a good choice). */
  workerId: string
  /** How long a claimed job stays locked without a heartbeat. Default 30 s. */
  lockMs?: number
  /** How often idle workers look for due jobs and cron ticks. Default 500 ms. */
  pollIntervalMs?: number
  /** Called with errors of the background loops (database unreachable…). */
  onError?: (err: unknown) => void
  /** Called by close(), e.g. to close a database handle the queue owns. */
  onClose?: () => Promise<void>
  now?: () => number
}

/** Maps a stored job to the adapter-neutral record. */
export function toJobRecord(job: StoredJob): JobRecord {
  return {
    id: job.id,
    name: job.name,
    data: job.data,
    state: job.state,
    priority: job.priority,
    attemptsMade: job.attemptsMade,
    maxAttempts: job.maxAttempts,
    progress: job.progress,
    progressMessage: job.progressMessage,
    result: job.result,
    error: job.error,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  }
}

const ScheduleTemplateOptsSchema = ScheduleOptionsSchema.omit({ timezone: true })

/** Creates the database-backed queue. */
export function createLocalJobQueue(config: LocalJobQueueConfig): JobQueue {
  const repo = createJobRepository(config.db)
  const hub = localJobHub(config.db)
  const now = config.now ?? Date.now
  const settings: LocalWorkerSettings = {
    repo,
    hub,
    workerId: config.workerId,
    lockMs: config.lockMs ?? 30_000,
    pollIntervalMs: config.pollIntervalMs ?? 500,
    now,
    onError: config.onError ?? ((err) => console.error('[jobs] background loop error', err)),
  }
  const workers = new Map<string, LocalNameWorker>()
  let cronTimer: NodeJS.Timeout | undefined
  let cronRunning = false
  let closed: Promise<void> | undefined

  const queue: JobQueue = {
    async enqueue(name, data, opts) {
      JobNameSchema.parse(name)
      const o = EnqueueOptionsSchema.parse(opts ?? {})
      const nowMs = now()
      const { job, created } = await repo.insertIfAbsent({
        id: o.jobId ?? newId(),
        name,
        data: data ?? null,
        priority: o.priority,
        runAt: isoNow(nowMs + o.delay),
        maxAttempts: o.attempts,
        backoff: o.backoff ?? null,
        createdAt: isoNow(nowMs),
      })
      if (created && o.delay === 0) hub.wake(name)
      return toJobRecord(job)
    },

    async schedule(id, cron, name, data, opts) {
      const { timezone, ...template } = ScheduleOptionsSchema.parse(opts ?? {})
      EnqueueOptionsSchema.shape.jobId.parse(id)
      JobNameSchema.parse(name)
      const nowMs = now()
      const nextRunAt = isoNow(nextCronTick(cron, nowMs, timezone))
      await repo.upsertSchedule(
        { id, cron, timezone: timezone ?? null, name, data: data ?? null, opts: template, nextRunAt },
        isoNow(nowMs),
      )
    },

    unschedule: (id) => repo.deleteSchedule(id),

    async process(name, handler, opts) {
      JobNameSchema.parse(name)
      if (workers.has(name)) throw new Error(`jobs named "${name}" already have a handler in this queue`)
      if (closed) throw new Error('job queue is closed')
      workers.set(name, new LocalNameWorker(settings, name, handler, Math.max(1, opts?.concurrency ?? 1)))
      cronTimer ??= setInterval(() => void fireDueSchedules(), settings.pollIntervalMs)
    },

    async cancel(jobId) {
      const before = await repo.cancel(jobId, isoNow(now()))
      if (!before) return false
      workers.get(before.name)?.abortLocal(jobId)
      hub.emit({ type: 'canceled', jobId, name: before.name })
      return true
    },

    async getJob(jobId) {
      const job = await repo.findById(jobId)
      return job ? toJobRecord(job) : undefined
    },

    async listJobs(name, filter) {
      const jobs = await repo.list({ name, state: filter?.state, limit: filter?.limit ?? 100 })
      return jobs.map(toJobRecord)
    },

    async on(name, listener) {
      const off = hub.on(name, listener)
      return async () => off()
    },

    async stopProcessing(opts) {
      clearInterval(cronTimer)
      cronTimer = undefined
      const timeoutMs = opts?.timeoutMs ?? 10_000
      await Promise.all([...workers.values()].map((w) => w.stop(timeoutMs)))
      workers.clear()
    },

    close() {
      closed ??= (async () => {
        await queue.stopProcessing()
        await config.onClose?.()
      })()
      return closed
    },
  }

  // Enqueue first, then advance: the tick's job id is deterministic, so two workers racing on
  // one tick create one job, and a worker dying between the steps loses nothing.
  async function fireDueSchedules(): Promise<void> {
    if (cronRunning) return
    cronRunning = true
    try {
      const nowMs = now()
      for (const s of await repo.dueSchedules(isoNow(nowMs))) {
        const tickMs = Date.parse(s.nextRunAt)
        const template = ScheduleTemplateOptsSchema.parse(s.opts)
        await queue.enqueue(s.name, s.data, { ...template, jobId: `${s.id}@${tickMs}` })
        const next = nextCronTick(s.cron, Math.max(nowMs, tickMs), s.timezone)
        await repo.advanceSchedule(s.id, s.nextRunAt, isoNow(next))
      }
    } catch (err) {
      settings.onError(err)
    } finally {
      cronRunning = false
    }
  }

  return queue
}
