// JobQueue on BullMQ (Redis) for scale-out: one BullMQ queue per job name, QueueEvents
// for cross-process events, job schedulers for cron, lock renewal + stalled checks for
// recovery. What BullMQ lacks we keep in a few Redis keys beside its own (`<prefix>-meta:`):
// a job id → name index (the port looks jobs up by id alone), canceled-job snapshots (a
// job canceled while waiting is removed from BullMQ), and a pub/sub channel that carries
// cancellations of running jobs to whichever worker runs them.
import { newId } from '@aipipeline/db'
import { type Job, Queue, QueueEvents, UnrecoverableError, WaitingError, Worker } from 'bullmq'
import { Redis } from 'ioredis'
import {
  fromBullState,
  parseBullProgress,
  parseRecordSnapshot,
  toBullTypes,
  toJobRecordFromBull,
} from './bullmq-job-record'
import {
  CANCELED_MESSAGE,
  EnqueueOptionsSchema,
  type JobEvent,
  type JobEventListener,
  type JobHandler,
  JobNameSchema,
  type JobQueue,
  type JobRecord,
  ScheduleOptionsSchema,
  UnrecoverableJobError,
} from './job-queue.port'
import { nextCronTick, toBullPriority } from './job-timing'

export interface BullMqJobQueueConfig {
  redisUrl: string
  /** Key prefix; tests use a unique one per run so they never collide. Default "aipipeline". */
  prefix?: string
  workerId: string
  /** Lock duration of an active job; a dead worker's job is recovered after about this long. Default 30 s. */
  lockMs?: number
  onError?: (err: unknown) => void
}

const SHUTDOWN_REASON = 'worker shutdown'

/** Creates the BullMQ-backed queue. */
export function createBullMqJobQueue(config: BullMqJobQueueConfig): JobQueue {
  const prefix = config.prefix ?? 'aipipeline'
  const meta = {
    names: `${prefix}-meta:job-names`,
    canceled: `${prefix}-meta:canceled`,
    schedules: `${prefix}-meta:schedules`,
    cancelChannel: `${prefix}-meta:cancel`,
  }
  const lockMs = config.lockMs ?? 30_000
  const onError = config.onError ?? ((err: unknown) => console.error('[jobs] bullmq error', err))
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null })
  const queues = new Map<string, Queue>()
  const workers = new Map<string, Worker>()
  const events = new Map<string, { qe: QueueEvents; listeners: Set<JobEventListener> }>()
  let subscriber: Redis | undefined
  let closed: Promise<void> | undefined

  function queueFor(name: string): Queue {
    let q = queues.get(name)
    if (!q) {
      q = new Queue(JobNameSchema.parse(name), { connection: redis, prefix })
      q.on('error', onError)
      queues.set(name, q)
    }
    return q
  }

  async function isCanceled(jobId: string): Promise<boolean> {
    return (await redis.hexists(meta.canceled, jobId)) === 1
  }

  async function loadJob(jobId: string): Promise<{ job: Job<unknown, unknown>; record: JobRecord } | undefined> {
    const name = await redis.hget(meta.names, jobId)
    if (name === null) return undefined
    const q = queueFor(name)
    // Job fields and state are separate reads; retry until the state is the same on both
    // sides of the fields, so a job finishing meanwhile is never "completed" without its result.
    for (let tries = 0; tries < 5; tries++) {
      const before = await q.getJobState(jobId)
      const job = await q.getJob(jobId)
      if (!job) return undefined
      const after = await job.getState()
      if (before !== after) continue
      const state = (await isCanceled(jobId)) ? 'canceled' : fromBullState(after)
      return state ? { job, record: toJobRecordFromBull(job, state) } : undefined
    }
    return undefined
  }

  async function getJob(jobId: string): Promise<JobRecord | undefined> {
    const loaded = await loadJob(jobId)
    if (loaded) return loaded.record
    const snapshot = await redis.hget(meta.canceled, jobId)
    return snapshot === null ? undefined : parseRecordSnapshot(snapshot)
  }

  function wrap(name: string, handler: JobHandler) {
    // Three declared parameters: BullMQ only passes the abort signal to processors that take it.
    return async (job: Job<unknown, unknown>, token: string | undefined, signal: AbortSignal | undefined) => {
      const jobId = job.id ?? ''
      // Scheduler-made jobs were never indexed by enqueue.
      await redis.hsetnx(meta.names, jobId, name)
      if (await isCanceled(jobId)) throw new UnrecoverableError(CANCELED_MESSAGE)
      const ownSignal = signal ?? new AbortController().signal
      try {
        const result = await handler({
          id: jobId,
          name,
          data: job.data ?? null,
          attempt: job.attemptsMade + 1,
          signal: ownSignal,
          updateProgress: (percent, message) =>
            job.updateProgress({ percent: Math.min(100, Math.max(0, percent)), message: message ?? null }),
        })
        if (ownSignal.aborted) throw ownSignal.reason
        return result ?? null
      } catch (err) {
        if (ownSignal.aborted && ownSignal.reason === SHUTDOWN_REASON) {
          // Graceful stop ran out of time: hand the job back without counting an attempt.
          await job.moveToWait(token)
          throw new WaitingError()
        }
        if (ownSignal.aborted) throw new UnrecoverableError(CANCELED_MESSAGE)
        if (err instanceof UnrecoverableJobError) throw new UnrecoverableError(err.message)
        throw err
      }
    }
  }

  async function listenForCancels(): Promise<void> {
    if (subscriber) return
    subscriber = redis.duplicate()
    subscriber.on('message', (_channel: string, jobId: string) => {
      for (const w of workers.values()) w.cancelJob(jobId, CANCELED_MESSAGE)
    })
    await subscriber.subscribe(meta.cancelChannel)
  }

  function toEvent(name: string, type: string, args: Record<string, unknown>): JobEvent | undefined {
    const jobId = String(args.jobId)
    switch (type) {
      case 'active':
        return { type: 'active', jobId, name }
      case 'progress': {
        const { percent, message } = parseBullProgress(args.data)
        return { type: 'progress', jobId, name, progress: percent, message }
      }
      case 'completed':
        return { type: 'completed', jobId, name, result: args.returnvalue ?? null }
      case 'failed':
        return args.failedReason === CANCELED_MESSAGE
          ? { type: 'canceled', jobId, name }
          : { type: 'failed', jobId, name, error: String(args.failedReason) }
      case 'removed':
        return { type: 'canceled', jobId, name }
      default:
        return undefined
    }
  }

  async function eventsFor(name: string) {
    let entry = events.get(name)
    if (!entry) {
      const qe = new QueueEvents(JobNameSchema.parse(name), { connection: redis, prefix })
      const listeners = new Set<JobEventListener>()
      qe.on('error', onError)
      for (const type of ['active', 'progress', 'completed', 'failed', 'removed'] as const) {
        qe.on(type, (args: Record<string, unknown>) => {
          const event = toEvent(name, type, args)
          if (event) for (const l of listeners) l(event)
        })
      }
      entry = { qe, listeners }
      events.set(name, entry)
      await qe.waitUntilReady()
    }
    return entry
  }

  async function stopWorkers(timeoutMs: number): Promise<void> {
    const all = [...workers.values()]
    workers.clear()
    await Promise.all(
      all.map(async (w) => {
        let timer: NodeJS.Timeout | undefined
        const timedOut = new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            w.cancelAllJobs(SHUTDOWN_REASON)
            resolve()
          }, timeoutMs)
        })
        await Promise.race([w.close(), timedOut])
        clearTimeout(timer)
        await w.close()
      }),
    )
  }

  const queue: JobQueue = {
    async enqueue(name, data, opts) {
      const o = EnqueueOptionsSchema.parse(opts ?? {})
      const q = queueFor(name)
      const id = o.jobId ?? newId()
      if ((await redis.hsetnx(meta.names, id, name)) === 0) {
        const existing = await getJob(id)
        if (existing) return existing
        await redis.hset(meta.names, id, name)
      }
      const added = await q.add(name, data ?? null, {
        jobId: id,
        priority: toBullPriority(o.priority),
        delay: o.delay,
        attempts: o.attempts,
        ...(o.backoff ? { backoff: o.backoff } : {}),
      })
      // Returned as added: a fast worker may already be running it.
      return toJobRecordFromBull(added, 'queued')
    },

    async schedule(id, cron, name, data, opts) {
      const { timezone, ...t } = ScheduleOptionsSchema.parse(opts ?? {})
      EnqueueOptionsSchema.shape.jobId.parse(id)
      nextCronTick(cron, Date.now(), timezone)
      await queueFor(name).upsertJobScheduler(
        id,
        { pattern: cron, ...(timezone ? { tz: timezone } : {}) },
        {
          name,
          data: data ?? null,
          opts: {
            priority: toBullPriority(t.priority),
            attempts: t.attempts,
            ...(t.backoff ? { backoff: t.backoff } : {}),
          },
        },
      )
      await redis.hset(meta.schedules, id, name)
    },

    async unschedule(id) {
      const name = await redis.hget(meta.schedules, id)
      if (name === null) return false
      await redis.hdel(meta.schedules, id)
      return queueFor(name).removeJobScheduler(id)
    },

    async process(name, handler, opts) {
      if (workers.has(name)) throw new Error(`jobs named "${name}" already have a handler in this queue`)
      if (closed) throw new Error('job queue is closed')
      await listenForCancels()
      const worker = new Worker(JobNameSchema.parse(name), wrap(name, handler), {
        connection: redis,
        prefix,
        concurrency: Math.max(1, opts?.concurrency ?? 1),
        lockDuration: lockMs,
        stalledInterval: lockMs,
        name: config.workerId,
      })
      worker.on('error', onError)
      workers.set(name, worker)
      await worker.waitUntilReady()
    },

    async cancel(jobId) {
      const loaded = await loadJob(jobId)
      if (!loaded || (loaded.record.state !== 'queued' && loaded.record.state !== 'active')) return false
      const snapshot: JobRecord = { ...loaded.record, state: 'canceled', finishedAt: new Date().toISOString() }
      if ((await redis.hsetnx(meta.canceled, jobId, JSON.stringify(snapshot))) === 0) return false
      if (loaded.record.state === 'queued') {
        // Fails when a worker took the job meanwhile; the abort below then reaches it.
        const removed = await loaded.job.remove().then(
          () => true,
          () => false,
        )
        if (removed) return true
      }
      await redis.publish(meta.cancelChannel, jobId)
      return true
    },

    getJob,

    async listJobs(name, filter) {
      const limit = filter?.limit ?? 100
      const canceledIds = new Set<string>()
      const canceled: JobRecord[] = []
      for (const [id, text] of Object.entries(await redis.hgetall(meta.canceled))) {
        const r = parseRecordSnapshot(text)
        if (r.name === name) {
          canceledIds.add(id)
          canceled.push(r)
        }
      }
      const types = toBullTypes(filter?.state)
      const jobs = types.length === 0 ? [] : await queueFor(name).getJobs(types, 0, limit - 1)
      const live: JobRecord[] = []
      for (const job of jobs) {
        if (job.id === undefined || canceledIds.has(job.id)) continue
        const state = fromBullState(await job.getState())
        if (state && (filter?.state === undefined || state === filter.state)) live.push(toJobRecordFromBull(job, state))
      }
      const wanted = filter?.state === undefined || filter.state === 'canceled' ? canceled : []
      return [...live, ...wanted].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit)
    },

    async on(name, listener) {
      const entry = await eventsFor(name)
      entry.listeners.add(listener)
      return async () => {
        entry.listeners.delete(listener)
      }
    },

    async stopProcessing(opts) {
      await stopWorkers(opts?.timeoutMs ?? 10_000)
    },

    close() {
      closed ??= (async () => {
        await stopWorkers(10_000)
        await Promise.all([...events.values()].map((e) => e.qe.close()))
        await Promise.all([...queues.values()].map((q) => q.close()))
        await subscriber?.quit()
        await redis.quit()
      })()
      return closed
    },
  }
  return queue
}
