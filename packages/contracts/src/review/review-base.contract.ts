// Review's shared words: frames, review proxies and the versions review shows, the path
// parameters of its routes, and which routes admit guests. Frames are integers everywhere
// (ARCHITECTURE decision 12): `frame` is the 0-based index of a frame in the version's media;
// the UI shows it as the project's start frame + index (1001 + 11 = 1012). Seconds exist only
// inside the player.
import { access } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'
import { Id } from '../production/project.contract'

const tags = ['review'] as const

export const FrameIndex = z.number().int().min(0).max(10_000_000)

/** A video version's review proxy: all-intra H.264, capped resolution, made by a background job. */
export const ReviewProxy = z
  .object({
    versionId: z.string(),
    status: z.enum(['queued', 'running', 'ready', 'failed']),
    /** Percent, 0..100. */
    progress: z.number().int().min(0).max(100),
    attempts: z.number().int(),
    error: z.string().nullable(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    frameCount: z.number().int().nullable(),
    /** The proxy's exact frame rate as a fraction (24000/1001 for 23.976). */
    rate: z.object({ num: z.number().int().positive(), den: z.number().int().positive() }).nullable(),
    /** Bumped each time the proxy is made again; drawings stay keyed by frame, not by proxy. */
    revision: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ReviewProxy' })
export type ReviewProxy = z.infer<typeof ReviewProxy>

/** A version as review shows it. Stills have no proxy. */
export const ReviewVersion = z
  .object({
    id: z.string(),
    taskId: z.string(),
    number: z.number().int(),
    kind: z.enum(['image', 'video']),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    createdAt: z.string(),
    authorName: z.string().nullable(),
    /** The task's approved version is this one. */
    approved: z.boolean(),
    proxy: ReviewProxy.nullable(),
  })
  .meta({ id: 'ReviewVersion' })
export type ReviewVersion = z.infer<typeof ReviewVersion>

export const PlaylistParams = z.object({ playlistId: Id }).strict()
export const PlaylistItemParams = z.object({ playlistId: Id, itemId: Id }).strict()
export const PlaylistVersionParams = z.object({ playlistId: Id, versionId: Id }).strict()
export const ReviewVersionParams = z.object({ versionId: Id }).strict()
export const GuestLinkParams = z.object({ playlistId: Id, linkId: Id }).strict()
export const ReviewMediaQuery = z
  .object({
    /** `proxy`: the review proxy (video; falls back to the original while none is ready). */
    variant: z.enum(['proxy', 'original', 'thumbnail']).default('proxy'),
  })
  .strict()

/** Whether a route contract admits guests (see the file header). */
export function admitsGuests(route: object): boolean {
  return 'guests' in route && route.guests === true
}

/** The path of a version's media in a playlist (for the player's authenticated fetch). */
export function reviewMediaPath(
  playlistId: string,
  versionId: string,
  variant: 'proxy' | 'original' | 'thumbnail' = 'proxy',
): string {
  return `/api/review/playlists/${encodeURIComponent(playlistId)}/versions/${encodeURIComponent(versionId)}/media?variant=${variant}`
}

/** Review proxies. */
export const reviewProxyRoutes = {
  getReviewProxy: defineRoute({
    method: 'GET',
    path: '/api/review/versions/:versionId/proxy',
    summary: 'A video version’s review proxy and its progress',
    tags,
    access: access.atLeast('artist'),
    params: ReviewVersionParams,
    response: ReviewProxy,
  }),
  makeReviewProxy: defineRoute({
    method: 'POST',
    path: '/api/review/versions/:versionId/proxy',
    summary: 'Make (or make again) a video version’s review proxy as a background job',
    tags,
    access: access.atLeast('artist'),
    params: ReviewVersionParams,
    response: ReviewProxy,
    status: 202,
  }),
} as const
