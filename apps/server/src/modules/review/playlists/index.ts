// Playlists: the gate every part of review asks, the playlist service, item notes and media.
import { join } from 'node:path'
import {
  createPlaylistRepository,
  createProductionRepositories,
  createUserRepository,
  type DatabaseHandle,
} from '@aipipeline/db'
import type { FastifyInstance } from 'fastify'
import type { TokenService } from '../../auth'
import type { ProductionServices } from '../../production'
import type { ReviewProxyReader, ReviewRoomBroadcast } from '../review-ports'
import { registerPlaylistRoutes } from './playlist.routes'
import { createPlaylistService } from './playlist.service'
import { NO_REVIEW_PROXIES, type PlaylistContext, SILENT_REVIEW_ROOMS } from './playlist-context'
import { createPlaylistGate } from './playlist-gate'
import { createPlaylistMedia } from './playlist-media'
import { createPlaylistNotes } from './playlist-notes'

export type { PlaylistService } from './playlist.service'
export { isGuestAuthor, NO_REVIEW_PROXIES, SILENT_REVIEW_ROOMS } from './playlist-context'
export { type PlaylistGateImpl, viewerAccess } from './playlist-gate'
export type { PlaylistMedia } from './playlist-media'
export type { PlaylistNotes } from './playlist-notes'

/** Builds the playlist gate and services over the studio's database and binds their routes. */
export function registerPlaylists(
  deps: {
    app: FastifyInstance
    tokens: TokenService
    database: DatabaseHandle
    production: ProductionServices
    config: { dataDir: string }
  },
  ports: { proxies?: ReviewProxyReader; broadcast?: ReviewRoomBroadcast } = {},
) {
  const db = deps.database.db
  const ctx: PlaylistContext = {
    db,
    repos: createProductionRepositories(db),
    playlists: createPlaylistRepository(db),
    users: createUserRepository(db),
    production: deps.production,
    proxies: ports.proxies ?? NO_REVIEW_PROXIES,
    broadcast: ports.broadcast ?? SILENT_REVIEW_ROOMS,
    storageRoot: join(deps.config.dataDir, 'storage'),
  }
  const gate = createPlaylistGate(ctx)
  const services = {
    playlists: createPlaylistService(ctx, gate),
    notes: createPlaylistNotes(ctx, gate),
    media: createPlaylistMedia(ctx, gate),
  }
  registerPlaylistRoutes(deps.app, deps.tokens, services)
  return { gate, ...services }
}
export type Playlists = ReturnType<typeof registerPlaylists>
