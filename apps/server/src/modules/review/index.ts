// Review: playlists of task versions (playlists/), review proxies made by ffmpeg (proxies/),
// frame-keyed drawings (annotations/), live review rooms with server-held state (rooms/) and
// guest links (guests/). Each part registers its routes and jobs here; every route is a
// contract in @aipipeline/contracts (review/) and joins the role × route × socket matrix test.
import type { DatabaseHandle } from '@aipipeline/db'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config'
import type { JobHandlerRegistry, JobQueue } from '../../jobs'
import type { Logger } from '../../observability/logger'
import type { RealtimeHub } from '../../realtime/realtime-hub'
import type { TokenService } from '../auth'
import type { ProductionServices } from '../production'
import { registerReviewProxies } from './proxies'
import type { ReviewProxyReader } from './review-ports'

export interface ReviewModuleDeps {
  app: FastifyInstance
  tokens: TokenService
  database: DatabaseHandle
  queue: JobQueue
  jobs: JobHandlerRegistry
  hub: RealtimeHub
  production: ProductionServices
  config: Pick<Config, 'dataDir' | 'ffmpegPath' | 'redisUrl' | 'redisPrefix'>
  logger: Logger
}

/** What other modules and tests reach of review. */
export interface ReviewModule {
  /** Video versions' review proxies and their files (the playlist media route serves them). */
  proxies: ReviewProxyReader
  /** Queues proxies for video versions that have none; run once when the studio starts. */
  ensureMissingProxies(): Promise<number>
}

/** Builds the review services, binds their routes and registers their jobs. */
export function registerReviewModule(deps: ReviewModuleDeps): ReviewModule {
  const proxies = registerReviewProxies(deps)
  return { proxies: proxies.reader, ensureMissingProxies: proxies.ensureMissing }
}
