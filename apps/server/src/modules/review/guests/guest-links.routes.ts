// Binds the guest link routes. Managing links is for those the playlist gate lets manage
// guests; starting a session is public (rate limited with the other secret-guessing routes,
// see modules/auth/sign-in-limits.ts).
import { guestLinkRoutes } from '@aipipeline/contracts'
import type { FastifyInstance } from 'fastify'
import { bindRoute } from '../../../http/route-binder'
import type { TokenService } from '../../auth'
import type { GuestLinkService } from './guest-links.service'

export function bindGuestLinkRoutes(app: FastifyInstance, tokens: TokenService, guests: GuestLinkService): void {
  bindRoute(app, tokens, guestLinkRoutes.listGuestLinks, async ({ params, principal }) => ({
    items: await guests.list(principal, params.playlistId),
  }))
  bindRoute(app, tokens, guestLinkRoutes.createGuestLink, async ({ params, body, principal }) =>
    guests.create(principal, params.playlistId, body),
  )
  bindRoute(app, tokens, guestLinkRoutes.revokeGuestLink, async ({ params, principal }) => {
    await guests.revoke(principal, params.playlistId, params.linkId)
    return undefined
  })
  bindRoute(app, tokens, guestLinkRoutes.guestLinkLog, async ({ params, principal }) => ({
    items: await guests.log(principal, params.playlistId, params.linkId),
  }))
  bindRoute(app, tokens, guestLinkRoutes.startGuestSession, async ({ body }) => guests.startSession(body))
}
