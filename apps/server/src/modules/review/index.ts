// Review: playlists of task versions (playlists/), review proxies made by ffmpeg (proxies/),
// frame-keyed drawings (annotations/), live review rooms with server-held state (rooms/) and
// guest links (guests/). Each part registers its routes and jobs here; every route is a
// contract in @aipipeline/contracts (review/) and joins the role × route × socket matrix test.
import type { DatabaseHandle } from '@aipipeline/db'
import type { DatabaseHandle, SessionVersionCache } from '@aipipeline/db'
import { NotFound } from '@aipipeline/domain'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config'
import type { JobHandlerRegistry, JobQueue } from '../../jobs'
import type { Logger } from '../../observability/logger'
import type { RealtimeHub } from '../../realtime/realtime-hub'
import type { TokenService } from '../auth'
import type { ProductionServices } from '../production'
import { registerReviewProxies } from './proxies'
import type { ReviewProxyReader } from './review-ports'
import { type Playlists, registerPlaylists } from './playlists'

export type { PlaylistGateImpl, PlaylistMedia, PlaylistNotes, PlaylistService, Playlists } from './playlists'
export { isGuestAuthor, viewerAccess } from './playlists'
import { registerAnnotations } from './annotations'
import type { AnnotationStore, PlaylistGate, ReviewRoomBroadcast } from './review-ports'
import { createMemoryRoomStore, createRedisRoomStore, createReviewRooms, type ReviewRooms } from './rooms'

/** Parts a test (or a benchmark) may put in place of the built ones. */
export interface ReviewSeams {
  playlistGate?: (production: ProductionServices) => PlaylistGate
  annotations?: AnnotationStore
}
import { type GuestActivityLog, type GuestLinkService, registerGuestLinks } from './guests'
import type { PlaylistGate } from './review-ports'

export interface ReviewModuleDeps {
  app: FastifyInstance
  tokens: TokenService
  /** Session versions: revoking a guest link ends its guests' sessions through them. */
  sessions: SessionVersionCache
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
  /** Video versions' review proxies and their files (the playlist media route serves them). */
  proxies: ReviewProxyReader
  /** The playlist gate (review's one access place) and the playlist services. */
  playlists: Playlists
  /** Drawings; review rooms apply their draw events through it. */
  annotations: AnnotationStore
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
  guests: GuestLinkService
  /** Logs what guests do (room joins and leaves, notes, drawings); a no-op for signed-in users. */
  guestActivity: GuestActivityLog

/** Until playlists (playlists/) bring the real gate, no playlist is anyone's to see. */
  scope: async (_principal, playlistId) => {
    throw new NotFound('playlist', playlistId)
  versionInPlaylist: async (_scope, versionId) => {
    throw new NotFound('version', versionId)
  },
}

/** Builds the review services, binds their routes and registers their jobs. */
export function registerReviewModule(deps: ReviewModuleDeps): ReviewModule {
  const proxies = registerReviewProxies(deps)
  return { proxies }
  const playlists = registerPlaylists(deps)
  return { playlists }
  const gate = closedPlaylistGate
  // No live room exists to tell yet; rooms/ passes its broadcast here.
  const broadcast: Pick<ReviewRoomBroadcast, 'annotations'> = { annotations: async () => {} }
  const annotations = registerAnnotations({ ...deps, gate, broadcast })
  return { annotations }
}

/**
 * The gate while no playlist exists in this module: every playlist is not found, so review
 * routes answer 404 to everyone. playlists/ replaces it with the real gate.
 */
const closedPlaylistGate: PlaylistGate = {
  async scope(_principal, playlistId) {
    throw new NotFound('playlist', playlistId)
  },
  async versionInPlaylist(_scope, versionId) {
    throw new NotFound('version', versionId)
  },
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
  const gate = noPlaylists
  const guests = registerGuestLinks({ ...deps, gate })
  return { guests: guests.service, guestActivity: guests.activity }
}
