// Picks the JobQueue adapter from configuration: BullMQ when a Redis URL is set (scale-out),
// otherwise the database-backed queue (embedded default).
import { hostname } from 'node:os'
import { type Db, openDatabase } from '@aipipeline/db'
import { createBullMqJobQueue } from './bullmq-job-queue.adapter'
import type { JobQueue } from './job-queue.port'
import { createLocalJobQueue } from './local-job-queue.adapter'

export interface JobQueueConfig {
  /** Database for the local adapter; the caller keeps ownership. */
  db?: Db
  /** Used when `db` is absent: the queue opens (and on close, closes) its own handle. Must be migrated. */
  databaseUrl?: string
  /** REDIS_URL: when set, jobs go to BullMQ. */
  redisUrl?: string
  /** Redis key prefix for BullMQ. Default "aipipeline". */
  redisPrefix?: string
  /** Identifies this process in locks and logs. Default host:pid. */
  workerId?: string
  /** Lock duration of a running job; a dead worker's jobs are retaken after it. Default 30 s. */
  lockMs?: number
  /** Local adapter polling interval. Default 500 ms. */
  pollIntervalMs?: number
  onError?: (err: unknown) => void
}

/** Creates the job queue the configuration asks for. */
export function createJobQueue(config: JobQueueConfig): JobQueue {
  const workerId = config.workerId ?? `${hostname()}:${process.pid}`
  if (config.redisUrl) {
    return createBullMqJobQueue({
      redisUrl: config.redisUrl,
      prefix: config.redisPrefix,
      workerId,
      lockMs: config.lockMs,
      onError: config.onError,
    })
  }
  const common = { workerId, lockMs: config.lockMs, pollIntervalMs: config.pollIntervalMs, onError: config.onError }
  if (config.db) return createLocalJobQueue({ db: config.db, ...common })
  if (!config.databaseUrl) throw new Error('createJobQueue needs a database (db or databaseUrl) or a redisUrl')
  const handle = openDatabase(config.databaseUrl)
  return createLocalJobQueue({ db: handle.db, ...common, onClose: () => handle.close() })
}
