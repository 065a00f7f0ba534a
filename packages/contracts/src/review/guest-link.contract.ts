// Guest links: an expiring, revocable link that opens one client playlist to someone without an
// account. Guests reach only the routes marked `guests: true` (see review-base.contract.ts), and
// in those only their one playlist; every other route answers them 404.
import { access } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'
import { GuestLinkParams, PlaylistParams } from './review-base.contract'

const tags = ['review'] as const

export const GuestLink = z
  .object({
    id: z.string(),
    playlistId: z.string(),
    label: z.string(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    /** How many actions guests took through it (joins, comments, drawings). */
    actionCount: z.number().int(),
  })
  .meta({ id: 'GuestLink' })
export type GuestLink = z.infer<typeof GuestLink>

export const CreateGuestLinkRequest = z
  .object({
    label: z.string().trim().min(1).max(120),
    /** 1 hour to 30 days. */
    expiresInHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(72),
  })
  .strict()
/** The link's secret is shown once, in `url` (the web path `/guest/<token>`) and `token`. */
export const CreatedGuestLink = z.object({ link: GuestLink, token: z.string(), url: z.string() })

export const GuestLogEntry = z.object({
  id: z.string(),
  linkId: z.string(),
  guestName: z.string(),
  action: z.enum(['session', 'join', 'comment', 'draw', 'leave']),
  detail: z.string().nullable(),
  at: z.string(),
})

export const StartGuestSessionRequest = z
  .object({ token: z.string().min(20).max(200), name: z.string().trim().min(1).max(80) })
  .strict()
export const GuestSession = z.object({
  accessToken: z.string(),
  /** Seconds until the access token expires; start a session again with the link after it. */
  expiresIn: z.number().int(),
  playlistId: z.string(),
  projectId: z.string(),
  /** The guest's own participant id (their hidden account): the author of their notes and drawings. */
  guestId: z.string(),
  guestName: z.string(),
  linkExpiresAt: z.string(),
})
export type GuestSession = z.infer<typeof GuestSession>

/** Guest links and guest sessions. */
export const guestLinkRoutes = {
  listGuestLinks: defineRoute({
    method: 'GET',
    path: '/api/review/playlists/:playlistId/guest-links',
    summary: 'The guest links of a client playlist, with their use',
    tags,
    access: access.atLeast('supervisor'),
    params: PlaylistParams,
    response: z.object({ items: z.array(GuestLink) }),
  }),
  createGuestLink: defineRoute({
    method: 'POST',
    path: '/api/review/playlists/:playlistId/guest-links',
    summary: 'Make an expiring link that lets someone without an account review this playlist only',
    tags,
    access: access.atLeast('supervisor'),
    params: PlaylistParams,
    body: CreateGuestLinkRequest,
    response: CreatedGuestLink,
    status: 201,
  }),
  revokeGuestLink: defineRoute({
    method: 'DELETE',
    path: '/api/review/playlists/:playlistId/guest-links/:linkId',
    summary: 'Revoke a guest link; its guests are signed out at once',
    tags,
    access: access.atLeast('supervisor'),
    params: GuestLinkParams,
    response: null,
    status: 204,
  }),
  guestLinkLog: defineRoute({
    method: 'GET',
    path: '/api/review/playlists/:playlistId/guest-links/:linkId/log',
    summary: 'What guests did through a link, newest first',
    tags,
    access: access.atLeast('supervisor'),
    params: GuestLinkParams,
    response: z.object({ items: z.array(GuestLogEntry) }),
  }),
  startGuestSession: defineRoute({
    method: 'POST',
    path: '/api/review/guest-sessions',
    summary: 'Exchange a guest link’s token and a name for a short access token scoped to its playlist',
    tags,
    access: access.public,
    body: StartGuestSessionRequest,
    response: GuestSession,
    status: 201,
  }),
} as const
