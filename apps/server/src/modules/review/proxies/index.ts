// Review proxies: all-intra H.264 copies of video versions for frame-exact review, made by the
// `review.proxy` job on ingest and on demand.
import { join } from 'node:path'
import { createProductionRepositories, createReviewProxyRepository, type DatabaseHandle } from '@aipipeline/db'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../../config'
import type { JobHandlerRegistry, JobQueue } from '../../../jobs'
import type { TokenService } from '../../auth'
import type { ProductionServices } from '../../production'
import type { ReviewProxyReader } from '../review-ports'
import { mediaTools } from './proxy-encoder'
import { createProxyJob, REVIEW_PROXY_JOB } from './review-proxy.job'
import { registerReviewProxyRoutes } from './review-proxy.routes'
import { createReviewProxyService } from './review-proxy.service'

export { REVIEW_PROXY_JOB } from './review-proxy.job'

export interface ReviewProxiesDeps {
  app: FastifyInstance
  tokens: TokenService
  database: DatabaseHandle
  queue: JobQueue
  jobs: JobHandlerRegistry
  production: ProductionServices
  config: Pick<Config, 'dataDir' | 'ffmpegPath'>
}

export interface ReviewProxies {
  reader: ReviewProxyReader
  /** Queues proxies for video versions without one (the studio runs it once on start). */
  ensureMissing(): Promise<number>
}

/** Builds the proxy service, binds its routes, registers its job and makes ingest queue proxies. */
export function registerReviewProxies(deps: ReviewProxiesDeps): ReviewProxies {
  const proxies = createReviewProxyRepository(deps.database.db)
  const versions = createProductionRepositories(deps.database.db).tasks
  const storageRoot = join(deps.config.dataDir, 'storage')
  const service = createReviewProxyService({
    proxies,
    versions,
    seeVersion: (principal, versionId) => deps.production.versions.get(principal, versionId),
    queue: deps.queue,
    storageRoot,
  })
  const job = createProxyJob({ proxies, versions, storageRoot, tools: mediaTools(deps.config.ffmpegPath) })
  registerReviewProxyRoutes(deps.app, deps.tokens, service)
  // One at a time per process: an encode already uses every core.
  deps.jobs.registerJobHandler(REVIEW_PROXY_JOB.name, REVIEW_PROXY_JOB.schema, (j) => job.run(j), { concurrency: 1 })
  deps.production.versionHooks.onIngested((versionId) => service.ensureFor(versionId))
  return { reader: service.reader, ensureMissing: () => service.ensureMissing() }
}
