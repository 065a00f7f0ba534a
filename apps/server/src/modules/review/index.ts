// Review: playlists of task versions (playlists/), review proxies made by ffmpeg (proxies/),
// frame-keyed drawings (annotations/), live review rooms with server-held state (rooms/) and
// guest links (guests/). Each part registers its routes and jobs here; every route is a
// contract in @aipipeline/contracts (review/) and joins the role × route × socket matrix test.
import type { DatabaseHandle } from '@aipipeline/db'
import { NotFound } from '@aipipeline/domain'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config'
import type { JobHandlerRegistry, JobQueue } from '../../jobs'
import type { Logger } from '../../observability/logger'
import type { RealtimeHub } from '../../realtime/realtime-hub'
import type { TokenService } from '../auth'
import type { ProductionServices } from '../production'
import type { AnnotationStore, PlaylistGate, ReviewRoomBroadcast } from './review-ports'
import { createMemoryRoomStore, createRedisRoomStore, createReviewRooms, type ReviewRooms } from './rooms'

/** Parts a test (or a benchmark) may put in place of the built ones. */
export interface ReviewSeams {
  playlistGate?: (production: ProductionServices) => PlaylistGate
  annotations?: AnnotationStore
}

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
  seams?: ReviewSeams
}

/** What other modules and tests reach of review. */
export interface ReviewModule {
  rooms: Pick<ReviewRooms, 'mayEnter'>
  /** Tells a playlist's live room about REST writes (drawings, notes, playlist edits). */
  roomBroadcast: ReviewRoomBroadcast
}

/** Until playlists are stored, no playlist exists: every room stays shut. */
const noPlaylists: PlaylistGate = {
  scope: async () => {
    throw new NotFound('playlist')
  },
  versionInPlaylist: async () => {
    throw new NotFound('version')
  },
}
const noDrawings: AnnotationStore = {
  list: async () => ({ revision: 0, items: [] }),
  apply: async () => {
    throw new NotFound('version')
  },
}

/** Builds the review services, binds their routes and registers their jobs. */
export function registerReviewModule(deps: ReviewModuleDeps): ReviewModule {
  const gate = deps.seams?.playlistGate?.(deps.production) ?? noPlaylists
  const { redisUrl, redisPrefix } = deps.config
  const rooms = createReviewRooms({
    hub: deps.hub,
    store: redisUrl
      ? createRedisRoomStore({ url: redisUrl, prefix: redisPrefix, logger: deps.logger })
      : createMemoryRoomStore(),
    gate,
    annotations: deps.seams?.annotations ?? noDrawings,
    logger: deps.logger,
  })
  deps.app.addHook('onClose', () => rooms.close())
  return { rooms, roomBroadcast: rooms.broadcast }
}
