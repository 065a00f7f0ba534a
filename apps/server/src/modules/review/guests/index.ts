// Guest links: an expiring, revocable link that opens one client playlist to someone without
// an account. The route binder and the realtime gate keep guests inside that playlist (see
// http/route-binder.ts `refuseGuestOutside` and realtime/realtime-access.ts).
import { createGuestLinkRepository, type DatabaseHandle, type SessionVersionCache } from '@aipipeline/db'
import type { FastifyInstance } from 'fastify'
import type { TokenService } from '../../auth'
import type { PlaylistGate } from '../review-ports'
import { createGuestActivityLog, type GuestActivityLog, logGuestWrites } from './guest-activity-log'
import { bindGuestLinkRoutes } from './guest-links.routes'
import { createGuestLinkService, type GuestLinkService } from './guest-links.service'

export type { GuestActivityLog } from './guest-activity-log'
export { GuestLinkInvalid, type GuestLinkService, hashGuestToken } from './guest-links.service'

export interface GuestLinksDeps {
  app: FastifyInstance
  tokens: TokenService
  database: DatabaseHandle
  sessions: SessionVersionCache
  gate: PlaylistGate
}

export interface GuestLinks {
  service: GuestLinkService
  /** Call where a guest acts: room join/leave, notes, drawings (a no-op for everyone else). */
  activity: GuestActivityLog
}

export function registerGuestLinks(deps: GuestLinksDeps): GuestLinks {
  const links = createGuestLinkRepository(deps.database.db)
  const activity = createGuestActivityLog(links)
  const service = createGuestLinkService({
    links,
    gate: deps.gate,
    tokens: deps.tokens,
    sessions: deps.sessions,
    activity,
  })
  bindGuestLinkRoutes(deps.app, deps.tokens, service)
  logGuestWrites(deps.app, activity)
  return { service, activity }
}
