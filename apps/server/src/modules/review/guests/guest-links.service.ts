// Guest links: made and revoked by those who may manage a client playlist, and exchanged by a
// guest (token + name) for a short access token scoped to that playlist. Only the token's
// SHA-256 is stored; revoking ends every guest session of the link at once, through the same
// session-version check every request and socket event already makes.
import { createHash, randomBytes } from 'node:crypto'
import type { GuestLink, GuestLogEntry, GuestSession } from '@aipipeline/contracts'
import type { GuestLinkRecord, GuestLinkRepository, GuestLinkWithUse, SessionVersionCache } from '@aipipeline/db'
import { DomainError, Forbidden, NotFound, RuleViolation } from '@aipipeline/domain'
import type { z } from 'zod'
import type { Principal } from '../../../http/principal'
import type { TokenService } from '../../auth'
import type { PlaylistGate, PlaylistScope } from '../review-ports'
import type { GuestActivityLog } from './guest-activity-log'

/** A link that does not open anything: unknown, expired or revoked (one answer for all three). */
export class GuestLinkInvalid extends DomainError {
  readonly code = 'not_found'
  constructor() {
    super('this review link is not valid (expired or revoked)', { rule: 'guest_link_invalid' })
  }
}

export function hashGuestToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export interface GuestLinkServiceDeps {
  links: GuestLinkRepository
  gate: PlaylistGate
  tokens: Pick<TokenService, 'issueAccess' | 'accessTtlSeconds'>
  sessions: Pick<SessionVersionCache, 'ended'>
  activity: GuestActivityLog
  now?: () => number
}

function toGuestLink({ projectId: _project, ...link }: GuestLinkWithUse): GuestLink {
  return link
}

function isLive(link: GuestLinkRecord, nowMs: number): boolean {
  return link.revokedAt === null && Date.parse(link.expiresAt) > nowMs
}

export function createGuestLinkService(deps: GuestLinkServiceDeps) {
  const now = deps.now ?? Date.now

  /** The caller's scope, if they may manage this playlist's guests. */
  async function managed(principal: Principal, playlistId: string): Promise<PlaylistScope> {
    const scope = await deps.gate.scope(principal, playlistId)
    if (!scope.can.manageGuests) throw new Forbidden('you may not manage the guest links of this playlist')
    return scope
  }

  async function linkOf(scope: PlaylistScope, linkId: string): Promise<GuestLinkRecord> {
    const link = await deps.links.get(linkId)
    if (link === undefined || link.playlistId !== scope.playlistId) throw new NotFound('guest link', linkId)
    return link
  }

  return {
    async list(principal: Principal, playlistId: string): Promise<GuestLink[]> {
      await managed(principal, playlistId)
      return (await deps.links.list(playlistId)).map(toGuestLink)
    },

    async create(
      principal: Principal,
      playlistId: string,
      input: { label: string; expiresInHours: number },
    ): Promise<{ link: GuestLink; token: string; url: string }> {
      const scope = await managed(principal, playlistId)
      if (scope.audience !== 'client') {
        throw new RuleViolation('share the playlist with clients first', { rule: 'playlist_not_for_clients' })
      }
      const token = randomBytes(32).toString('base64url')
      const link = await deps.links.insert({
        playlistId,
        projectId: scope.projectId,
        label: input.label,
        tokenHash: hashGuestToken(token),
        createdBy: principal.userId,
        expiresAt: new Date(now() + input.expiresInHours * 3_600_000).toISOString(),
      })
      return { link: toGuestLink({ ...link, actionCount: 0 }), token, url: `/guest/${token}` }
    },

    /** Revokes the link; once this resolves, no guest token of it is accepted anywhere. */
    async revoke(principal: Principal, playlistId: string, linkId: string): Promise<void> {
      const link = await linkOf(await managed(principal, playlistId), linkId)
      const accounts = await deps.links.revoke(link.id)
      for (const account of accounts) await deps.sessions.ended(account.userId, account.sessionVersion)
    },

    async log(principal: Principal, playlistId: string, linkId: string): Promise<z.infer<typeof GuestLogEntry>[]> {
      const link = await linkOf(await managed(principal, playlistId), linkId)
      const entries = await deps.links.listLog(link.id)
      return entries.map(({ guestUserId: _user, ...entry }) => entry)
    },

    /** A guest's session: a hidden account named as they asked, and a token that ends with the link. */
    async startSession(input: { token: string; name: string }): Promise<GuestSession> {
      const link = await deps.links.findByTokenHash(hashGuestToken(input.token))
      const nowMs = now()
      if (link === undefined || !isLive(link, nowMs)) throw new GuestLinkInvalid()
      const account = await deps.links.createGuest(link.id, input.name)
      const guest = { linkId: link.id, playlistId: link.playlistId, projectId: link.projectId, name: input.name }
      const principal = { userId: account.userId, role: 'client' as const, guest }
      await deps.activity.record(principal, 'session')
      const nowSeconds = Math.floor(nowMs / 1000)
      const linkEnds = Math.floor(Date.parse(link.expiresAt) / 1000)
      const accessToken = await deps.tokens.issueAccess(
        { ...principal, sessionVersion: account.sessionVersion },
        nowSeconds,
        linkEnds,
      )
      return {
        accessToken,
        expiresIn: Math.min(deps.tokens.accessTtlSeconds, linkEnds - nowSeconds),
        playlistId: link.playlistId,
        projectId: link.projectId,
        guestId: account.userId,
        guestName: input.name,
        linkExpiresAt: link.expiresAt,
      }
    },

    /** Whether a guest's link still opens its playlist (for the playlist gate and long-lived rooms). */
    async linkIsLive(linkId: string): Promise<boolean> {
      const link = await deps.links.get(linkId)
      return link !== undefined && isLive(link, now())
    },
  }
}
export type GuestLinkService = ReturnType<typeof createGuestLinkService>
