// What guests did, per link: the one place guest actions are written to the link's log.
// Review's other parts call `record` where a guest acts (room join and leave, notes, drawings);
// for anyone who is not a guest it does nothing, so callers need not ask first.
import type { GuestAction, GuestLinkRepository } from '@aipipeline/db'
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
