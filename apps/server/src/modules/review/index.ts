// Review: playlists of task versions (playlists/), review proxies made by ffmpeg (proxies/),
// frame-keyed drawings (annotations/), live review rooms with server-held state (rooms/) and
// guest links (guests/). Each part registers its routes and jobs here; every route is a
// contract in @aipipeline/contracts (review/) and joins the role × route × socket matrix test.
//
// The parts lean on each other in a circle (rooms need the playlist gate and the drawing
// store; playlists and drawings tell the rooms what REST writes changed), so the rooms'
// broadcast is handed out first as a forwarder and the rooms are built last.
import type { DatabaseHandle, SessionVersionCache } from '@aipipeline/db'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config'
import type { JobHandlerRegistry, JobQueue } from '../../jobs'
import type { Logger } from '../../observability/logger'
import type { RealtimeHub } from '../../realtime/realtime-hub'
import type { TokenService } from '../auth'
import type { ProductionServices } from '../production'
import { registerAnnotations } from './annotations'
import { type GuestActivityLog, type GuestLinkService, registerGuestLinks } from './guests'
import { type Playlists, registerPlaylists } from './playlists'
import { registerReviewProxies } from './proxies'
import type { AnnotationStore, PlaylistGate, ReviewProxyReader, ReviewRoomBroadcast } from './review-ports'
import { createMemoryRoomStore, createRedisRoomStore, createReviewRooms, type ReviewRooms } from './rooms'

export type { PlaylistGateImpl, PlaylistMedia, PlaylistNotes, PlaylistService, Playlists } from './playlists'
export { isGuestAuthor, viewerAccess } from './playlists'

/** Parts a test (or a benchmark) may put in place of the built ones. */
export interface ReviewSeams {
  playlistGate?: (production: ProductionServices) => PlaylistGate
  annotations?: AnnotationStore
}

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
  guests: GuestLinkService
  /** Logs what guests do (room joins and leaves, notes, drawings); a no-op for signed-in users. */
  guestActivity: GuestActivityLog
  /** Queues proxies for video versions that have none; run once when the studio starts. */
  ensureMissingProxies(): Promise<number>
}

/** Builds the review services, binds their routes and registers their jobs. */
export function registerReviewModule(deps: ReviewModuleDeps): ReviewModule {
  let rooms: ReviewRooms | undefined
  // REST writes made before the rooms exist (none: routes serve only once the app listens).
  const roomBroadcast: ReviewRoomBroadcast = {
    annotations: async (...a) => rooms?.broadcast.annotations(...a),
    comment: async (...a) => rooms?.broadcast.comment(...a),
    playlistChanged: async (...a) => rooms?.broadcast.playlistChanged(...a),
  }
  const proxies = registerReviewProxies(deps)
  const playlists = registerPlaylists(deps, { proxies: proxies.reader, broadcast: roomBroadcast })
  const gate = deps.seams?.playlistGate?.(deps.production) ?? playlists.gate
  const annotations = registerAnnotations({ ...deps, gate, broadcast: roomBroadcast })
  const guests = registerGuestLinks({ ...deps, gate })
  const { redisUrl, redisPrefix } = deps.config
  const built = createReviewRooms({
    hub: deps.hub,
    store: redisUrl
      ? createRedisRoomStore({ url: redisUrl, prefix: redisPrefix, logger: deps.logger })
      : createMemoryRoomStore(),
    gate,
    annotations: deps.seams?.annotations ?? annotations,
    guestActivity: guests.activity,
    logger: deps.logger,
  })
  rooms = built
  deps.app.addHook('onClose', () => built.close())
  return {
    proxies: proxies.reader,
    ensureMissingProxies: proxies.ensureMissing,
    playlists,
    annotations,
    rooms: built,
    roomBroadcast,
    guests: guests.service,
    guestActivity: guests.activity,
  }
}
