// Starting and stopping a studio process: database, migrations, first admin, app, listen.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type DatabaseHandle, migrateToLatest, openDatabase } from '@aipipeline/db'
import { buildApp, type Studio } from './app'
import type { Config } from './config'
import { createJobQueue, type JobQueue, type RunningWorker, startWorker } from './jobs'
import { scheduleAuthJobs } from './modules/auth'
import type { FarmOptions } from './modules/farm'
import { openStudioVault } from './modules/llm'
import type { ReviewSeams } from './modules/review'
import { createLogger, type Logger } from './observability/logger'

export interface RunningStudio extends Studio {
  url: string
  database: DatabaseHandle
  logger: Logger
  close(): Promise<void>
}

/** Opens and migrates the database, creates the job queue, and composes the app (not listening). */
async function composeStudio(
  config: Config,
  logger: Logger,
  farm?: Partial<FarmOptions>,
  review?: ReviewSeams,
): Promise<Studio & { database: DatabaseHandle }> {
  // Stored files are the studio's own; created owner-only so other local users cannot read them.
  mkdirSync(join(config.dataDir, 'storage'), { recursive: true, mode: 0o700 })
  // A transaction left open by a frozen process would block the dispatcher lease and the job
  // rows it touched; Postgres ends it once it has idled for a whole lease (2 intervals).
  const database = openDatabase(config.databaseUrl, { idleInTransactionTimeoutMs: 2 * config.farmLeaseIntervalMs })
  let queue: JobQueue | undefined
  try {
    const report = await migrateToLatest(database.db)
    logger.info({ engine: database.engine, applied: report.applied.length }, 'database ready')
    // A changed AIPIPELINE_SECRET_KEY stops the start here, with a message naming it.
    await openStudioVault(database.db, config.secretKey)
    queue = createJobQueue({
      db: database.db,
      redisUrl: config.redisUrl,
      redisPrefix: config.redisPrefix,
      onError: (err) => logger.error({ err }, 'job queue error'),
    })
    const studio = await buildApp({
      config,
      database,
      logger,
      queue,
      queueKind: config.redisUrl ? 'bullmq' : 'local',
      ...(farm ? { farm } : {}),
      ...(review ? { review } : {}),
    })
    return { ...studio, database }
  } catch (err) {
    await queue?.close()
    await database.close()
    throw err
  }
}

/**
 * Starts a studio process: app listening, and in embedded mode (no REDIS_URL) the job worker
 * in the same process. In scale-out mode `aipipeline worker` processes run the jobs.
 */
export async function startStudio(
  config: Config,
  opts: {
    logger?: Logger
    farm?: Partial<FarmOptions>
    /** Review parts put in place of the built ones (benchmarks). */
    review?: ReviewSeams
    /** Runs before the port opens, so nobody can sign in before seeded users exist. */
    seed?: (studio: Studio, logger: Logger) => Promise<void>
  } = {},
): Promise<RunningStudio> {
  const logger = opts.logger ?? createLogger(config.logLevel)
  const studio = await composeStudio(config, logger, opts.farm, opts.review)
  let worker: RunningWorker | undefined
  const close = async () => {
    await studio.farm.stop()
    if (worker)
      await worker.stop() // also closes the queue
    else await studio.queue.close()
    await studio.app.close()
    await studio.database.close()
  }
  try {
    const admin = await studio.auth.ensureBootstrapAdmin(config.bootstrapAdmin)
    if (admin) logger.info({ email: admin.email }, 'created the first admin from AIPIPELINE_ADMIN_EMAIL')
    if (!config.redisUrl) worker = await startWorker({ queue: studio.queue, registry: studio.jobs })
    await scheduleAuthJobs(studio.queue)
    await studio.reports.syncSchedules()
    const library = await studio.farm.templates.seedLibrary()
    if (library.inserted.length + library.updated.length > 0)
      logger.info(library, 'seeded the workflow template library')
    // Outputs of jobs that succeeded while no ingest could run (a crash) become versions now.
    await studio.farm.versions.reconcile()
    // Video versions from before review proxies existed (or whose ingest could not queue one) get theirs.
    const proxies = await studio.review.ensureMissingProxies()
    if (proxies > 0) logger.info({ proxies }, 'queued review proxies for video versions without one')
    await opts.seed?.(studio, logger)
    await studio.app.listen({ port: config.port, host: config.host })
    studio.farm.start()
  } catch (err) {
    await close()
    throw err
  }
  const address = studio.app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
  return { ...studio, url: `http://${shownHost}:${port}`, logger, close }
}

/**
 * `aipipeline worker`: the same composition without listening, running every registered job
 * handler. Realtime events reach browsers through the Redis adapter in scale-out mode.
 */
export async function startWorkerProcess(config: Config, opts: { logger?: Logger } = {}): Promise<RunningWorker> {
  const logger = opts.logger ?? createLogger(config.logLevel)
  const studio = await composeStudio(config, logger)
  const worker = await startWorker({
    queue: studio.queue,
    registry: studio.jobs,
    handleSignals: true,
    onStopped: () => {
      void studio.app
        .close()
        .then(() => studio.database.close())
        .then(() => process.exit(0))
    },
  })
  logger.info({ jobs: worker.names, queue: config.redisUrl ? 'bullmq' : 'local' }, 'worker ready')
  return worker
}

/** Closes the studio on SIGINT/SIGTERM; a second signal exits at once. */
export function closeOnSignals(studio: { close(): Promise<void> }, logger: Logger): void {
  let closing = false
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1)
    closing = true
    logger.info({ signal }, 'shutting down')
    const force = setTimeout(() => process.exit(1), 15_000)
    force.unref()
    studio.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
}
