// Review: playlists of task versions (playlists/), review proxies made by ffmpeg (proxies/),
// frame-keyed drawings (annotations/), live review rooms with server-held state (rooms/) and
// guest links (guests/). Each part registers its routes and jobs here; every route is a
// contract in @aipipeline/contracts (review/) and joins the role × route × socket matrix test.
import type { DatabaseHandle, SessionVersionCache } from '@aipipeline/db'
import { NotFound } from '@aipipeline/domain'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config'
import type { JobHandlerRegistry, JobQueue } from '../../jobs'
import type { Logger } from '../../observability/logger'
import type { RealtimeHub } from '../../realtime/realtime-hub'
import type { TokenService } from '../auth'
import type { ProductionServices } from '../production'
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
}

/** What other modules and tests reach of review. */
export interface ReviewModule {
  guests: GuestLinkService
  /** Logs what guests do (room joins and leaves, notes, drawings); a no-op for signed-in users. */
  guestActivity: GuestActivityLog
}

/** Until playlists (playlists/) bring the real gate, no playlist is anyone's to see. */
const noPlaylists: PlaylistGate = {
  scope: async (_principal, playlistId) => {
    throw new NotFound('playlist', playlistId)
  },
  versionInPlaylist: async (_scope, versionId) => {
    throw new NotFound('version', versionId)
  },
}

/** Builds the review services, binds their routes and registers their jobs. */
export function registerReviewModule(deps: ReviewModuleDeps): ReviewModule {
  const gate = noPlaylists
  const guests = registerGuestLinks({ ...deps, gate })
  return { guests: guests.service, guestActivity: guests.activity }
}
