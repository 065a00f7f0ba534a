// What guests did, per link: the one place guest actions are written to the link's log.
// Review's other parts call `record` where a guest acts (room join and leave, notes, drawings);
// for anyone who is not a guest it does nothing, so callers need not ask first.
import { annotationRoutes, playlistRoutes } from '@aipipeline/contracts'
import type { GuestAction, GuestLinkRepository } from '@aipipeline/db'
import type { FastifyInstance } from 'fastify'
import type { Principal } from '../../../http/principal'

export interface GuestActivityLog {
  /** Logs a guest's action (no-op for signed-in users); `detail` is a short human-readable note. */
  record(principal: Principal, action: GuestAction, detail?: string | null): Promise<void>
}

/** Longest detail kept; a note's whole text is on its task already. */
const DETAIL_MAX = 200

export function createGuestActivityLog(links: Pick<GuestLinkRepository, 'log'>): GuestActivityLog {
  return {
    async record(principal, action, detail = null) {
      const guest = principal.guest
      if (guest === undefined) return
      await links.log({
        linkId: guest.linkId,
        guestUserId: principal.userId,
        guestName: guest.name,
        action,
        detail: detail === null ? null : detail.slice(0, DETAIL_MAX),
      })
    },
  }
}

/** Guest writes over HTTP and what each is logged as (route paths as the contracts name them). */
const LOGGED_WRITES: ReadonlyMap<string, GuestAction> = new Map([
  [`POST ${playlistRoutes.postItemComment.path}`, 'comment'],
  [`POST ${annotationRoutes.changeAnnotations.path}`, 'draw'],
])

/**
 * Logs every guest write that succeeded over HTTP, in one hook rather than in each service:
 * whatever route a guest may write through is named above, and nothing else is open to guests.
 */
export function logGuestWrites(app: FastifyInstance, activity: GuestActivityLog): void {
  app.addHook('onResponse', async (request, reply) => {
    const principal = request.principal
    if (principal?.guest === undefined || reply.statusCode >= 300) return
    const action = LOGGED_WRITES.get(`${request.method} ${request.routeOptions.url ?? ''}`)
    if (action === undefined) return
    const params = request.params as Record<string, string | undefined>
    await activity.record(principal, action, params.itemId ?? params.versionId ?? null)
  })
}
