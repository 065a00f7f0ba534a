// Review: playlists of task versions, review proxies, frame-keyed drawings and notes, and
// guest links. Frames are integers everywhere (ARCHITECTURE decision 12): `frame` is the
// 0-based index of a frame in the version's media; the UI shows it as the project's start
// frame + index (1001 + 11 = 1012). Seconds exist only inside the player.
//
// Access: playlists live in a project; project members see them (clients and vendors only
// those shared with clients, and in them only versions whose task shows them a status they
// may see). Guests (see `guestSessionRoutes`) reach only the routes marked `guests: true`, and
// in those only their one playlist; every other route answers them 404.
import { access } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'
import { Colour, Id, ProjectParams } from '../production/project.contract'
import { Comment } from '../production/task.contract'

const tags = ['review'] as const

/** Who a playlist is for: the studio team, or also the project's clients (and guests). */
export const PlaylistAudience = z.enum(['team', 'client'])
export type PlaylistAudience = z.infer<typeof PlaylistAudience>

/** Which version of its task an item shows: the newest, the task's approved one, or a pinned one. */
export const VersionChoice = z.enum(['latest', 'approved', 'pinned'])
export type VersionChoice = z.infer<typeof VersionChoice>

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

export const PlaylistItem = z
  .object({
    id: z.string(),
    playlistId: z.string(),
    taskId: z.string(),
    shotId: z.string(),
    shotCode: z.string(),
    sequenceCode: z.string().nullable(),
    taskTypeId: z.string(),
    taskTypeName: z.string(),
    /** Null when the caller may not see the task's status (clients). */
    statusId: z.string().nullable(),
    versionChoice: VersionChoice,
    pinnedVersionId: z.string().nullable(),
    /** The version the item shows now, by its choice; null when there is none the caller may see. */
    version: ReviewVersion.nullable(),
    /** Shot frame range (project frame numbers), for context. */
    frameIn: z.number().int().nullable(),
    frameOut: z.number().int().nullable(),
  })
  .meta({ id: 'PlaylistItem' })
export type PlaylistItem = z.infer<typeof PlaylistItem>

export const Playlist = z
  .object({
    id: z.string(),
    projectId: z.string(),
    name: z.string(),
    audience: PlaylistAudience,
    /** What the playlist was made for, when it was made for one task type or sequence. */
    taskTypeId: z.string().nullable(),
    sequenceId: z.string().nullable(),
    itemCount: z.number().int(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Whether the caller may rename, reorder, add, remove and share it. */
    canEdit: z.boolean(),
  })
  .meta({ id: 'Playlist' })
export type Playlist = z.infer<typeof Playlist>

/** What the player needs to know of the project. */
export const ReviewProjectFacts = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  fps: z.number(),
  startFrame: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  aspectRatio: z.string().nullable(),
})

export const PlaylistDetail = z
  .object({
    playlist: Playlist,
    project: ReviewProjectFacts,
    items: z.array(PlaylistItem),
    /** What the caller may do here. */
    can: z.object({
      edit: z.boolean(),
      comment: z.boolean(),
      draw: z.boolean(),
      /** Approve/retake from the player (the task's status rules decide per item). */
      decide: z.boolean(),
      present: z.boolean(),
      manageGuests: z.boolean(),
    }),
    /** Set when the caller is a guest: the name they gave. */
    guestName: z.string().nullable(),
  })
  .meta({ id: 'PlaylistDetail' })
export type PlaylistDetail = z.infer<typeof PlaylistDetail>

/** Where a new playlist's items come from. */
export const PlaylistSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('empty') }).strict(),
  /** A selection in the shot table: these tasks, in this order. */
  z.object({ kind: z.literal('tasks'), taskIds: z.array(Id).min(1).max(2000) }).strict(),
  /** Every shot a saved shot table view shows, with its task of `taskTypeId`. */
  z.object({ kind: z.literal('view'), viewId: Id, taskTypeId: Id }).strict(),
  /** Every task in a feedback-request status, optionally of one task type and/or one sequence. */
  z.object({ kind: z.literal('latestForReview'), taskTypeId: Id.optional(), sequenceId: Id.optional() }).strict(),
  /** The whole cut (or one sequence) for one task type, in editorial order. */
  z.object({ kind: z.literal('cut'), taskTypeId: Id, sequenceId: Id.optional() }).strict(),
])
export type PlaylistSource = z.infer<typeof PlaylistSource>

export const CreatePlaylistRequest = z
  .object({
    name: z.string().trim().min(1).max(120),
    audience: PlaylistAudience.default('team'),
    source: PlaylistSource.default({ kind: 'empty' }),
    versionChoice: VersionChoice.exclude(['pinned']).default('latest'),
  })
  .strict()
export const UpdatePlaylistRequest = z
  .object({ name: z.string().trim().min(1).max(120).optional(), audience: PlaylistAudience.optional() })
  .strict()
export const AddPlaylistItemsRequest = z
  .object({
    taskIds: z.array(Id).min(1).max(2000),
    versionChoice: VersionChoice.exclude(['pinned']).default('latest'),
  })
  .strict()
export const UpdatePlaylistItemRequest = z
  .object({ versionChoice: VersionChoice, pinnedVersionId: Id.nullable().default(null) })
  .strict()
  .refine((r) => (r.versionChoice === 'pinned') === (r.pinnedVersionId !== null), {
    message: 'a pinned item names its version, and only a pinned item does',
    path: ['pinnedVersionId'],
  })
/** The whole new order: every item of the playlist exactly once. */
export const ReorderPlaylistRequest = z.object({ itemIds: z.array(Id).min(1).max(2000) }).strict()

// ---------------------------------------------------------------------------------------------
// Drawings

const Fraction = z.number().min(-1).max(2) // image fractions; a little outside the picture is allowed
export const Point = z.tuple([Fraction, Fraction])

const ShapeStyle = {
  color: Colour,
  /** Stroke width as a fraction of the image's width (0.004 ≈ 4 px on a 1000 px picture). */
  width: z.number().min(0.0005).max(0.1),
}
/** A drawn shape; every coordinate is a fraction of the image (0..1, origin top-left). */
export const AnnotationShape = z.discriminatedUnion('tool', [
  z.object({ tool: z.literal('pen'), points: z.array(Point).min(1).max(5000), ...ShapeStyle }).strict(),
  z.object({ tool: z.literal('line'), from: Point, to: Point, ...ShapeStyle }).strict(),
  z.object({ tool: z.literal('arrow'), from: Point, to: Point, ...ShapeStyle }).strict(),
  z.object({ tool: z.literal('rect'), from: Point, to: Point, ...ShapeStyle }).strict(),
  z.object({ tool: z.literal('ellipse'), from: Point, to: Point, ...ShapeStyle }).strict(),
  z
    .object({
      tool: z.literal('text'),
      at: Point,
      text: z.string().trim().min(1).max(500),
      /** Text height as a fraction of the image's height. */
      size: z.number().min(0.005).max(0.3),
      ...ShapeStyle,
    })
    .strict(),
])
export type AnnotationShape = z.infer<typeof AnnotationShape>

/** Annotation ids are made by the drawing browser (uuid), so a retried add is the same add. */
export const AnnotationId = z.string().uuid()

export const Annotation = z
  .object({
    id: z.string(),
    versionId: z.string(),
    frame: FrameIndex,
    shape: AnnotationShape,
    authorId: z.string(),
    authorName: z.string(),
    /** Bumped by each update; the version's annotation revision when it last changed. */
    revision: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Annotation' })
export type Annotation = z.infer<typeof Annotation>

/** One change to a version's drawings. Removed ids stay removed: a late update or add of them is ignored. */
export const AnnotationOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), id: AnnotationId, frame: FrameIndex, shape: AnnotationShape }).strict(),
  z.object({ op: z.literal('update'), id: AnnotationId, shape: AnnotationShape }).strict(),
  z.object({ op: z.literal('remove'), id: AnnotationId }).strict(),
])
export type AnnotationOp = z.infer<typeof AnnotationOp>

export const AnnotationOpsRequest = z.object({ ops: z.array(AnnotationOp).min(1).max(200) }).strict()

/** What became of each op, in order; `annotation` is the stored drawing after an add or update. */
export const AnnotationOpResult = z.object({
  op: z.enum(['add', 'update', 'remove']),
  id: z.string(),
  /** `ignored`: the id was removed before, already added, unknown, or not the caller's to change. */
  outcome: z.enum(['applied', 'ignored']),
  reason: z.string().nullable(),
  annotation: Annotation.nullable(),
})
export type AnnotationOpResult = z.infer<typeof AnnotationOpResult>

export const AnnotationChanges = z
  .object({
    versionId: z.string(),
    /** The version's annotation revision after these changes (monotonic per version). */
    revision: z.number().int(),
    results: z.array(AnnotationOpResult),
  })
  .meta({ id: 'AnnotationChanges' })
export type AnnotationChanges = z.infer<typeof AnnotationChanges>

// ---------------------------------------------------------------------------------------------
// Notes (task comments with a frame reference)

export const FrameRange = z
  .object({ start: FrameIndex, end: FrameIndex })
  .strict()
  .refine((r) => r.end >= r.start, { message: 'a frame range ends at or after its start', path: ['end'] })
export type FrameRange = z.infer<typeof FrameRange>

/** A comment on the item's task about its version; `frames` links it to a frame or a range. */
export const ReviewComment = Comment.extend({
  authorName: z.string(),
  /** The comment was written through a guest link; `authorName` is the name the guest gave. */
  guest: z.boolean(),
}).meta({ id: 'ReviewComment' })
export type ReviewComment = z.infer<typeof ReviewComment>

export const PostReviewCommentRequest = z
  .object({
    /** Markdown; `@name` mentions notify like task comments. */
    text: z.string().max(20_000).default(''),
    versionId: Id,
    frames: FrameRange.optional(),
    /** Sets the task's status (approve/retake from the player); not for guests. */
    statusId: Id.optional(),
    forClient: z.boolean().default(false),
  })
  .strict()
  .refine((c) => c.text.trim() !== '' || c.statusId !== undefined, 'a note needs text or a status')

// ---------------------------------------------------------------------------------------------
// Guest links

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

// ---------------------------------------------------------------------------------------------
// Routes

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

/** Routes a guest may call (each still checks the guest's one playlist). */
export interface GuestRoute {
  guests?: true
}

/** Playlists, their items, media and notes. */
export const playlistRoutes = {
  listPlaylists: defineRoute({
    method: 'GET',
    path: '/api/projects/:projectId/playlists',
    summary: 'The project’s playlists (clients and vendors: those shared with clients)',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    response: z.object({ items: z.array(Playlist) }),
  }),
  createPlaylist: defineRoute({
    method: 'POST',
    path: '/api/projects/:projectId/playlists',
    summary: 'Make a playlist from a selection, a saved view, the tasks waiting for review or the cut',
    tags,
    access: access.atLeast('supervisor'),
    params: ProjectParams,
    body: CreatePlaylistRequest,
    response: PlaylistDetail,
    status: 201,
  }),
  getPlaylist: {
    ...defineRoute({
      method: 'GET',
      path: '/api/review/playlists/:playlistId',
      summary: 'A playlist with its items, the versions they show, and what the caller may do',
      tags,
      access: access.authenticated,
      params: PlaylistParams,
      response: PlaylistDetail,
    }),
    guests: true,
  },
  updatePlaylist: defineRoute({
    method: 'PATCH',
    path: '/api/review/playlists/:playlistId',
    summary: 'Rename a playlist or share it with clients',
    tags,
    access: access.atLeast('supervisor'),
    params: PlaylistParams,
    body: UpdatePlaylistRequest,
    response: Playlist,
  }),
  deletePlaylist: defineRoute({
    method: 'DELETE',
    path: '/api/review/playlists/:playlistId',
    summary: 'Delete a playlist (its notes stay on their tasks)',
    tags,
    access: access.atLeast('supervisor'),
    params: PlaylistParams,
    response: null,
    status: 204,
  }),
  addPlaylistItems: defineRoute({
    method: 'POST',
    path: '/api/review/playlists/:playlistId/items',
    summary: 'Add tasks to the end of a playlist (tasks already in it are skipped)',
    tags,
    access: access.atLeast('supervisor'),
    params: PlaylistParams,
    body: AddPlaylistItemsRequest,
    response: PlaylistDetail,
  }),
  updatePlaylistItem: defineRoute({
    method: 'PATCH',
    path: '/api/review/playlists/:playlistId/items/:itemId',
    summary: 'Choose which version an item shows: latest, approved or a pinned one',
    tags,
    access: access.atLeast('supervisor'),
    params: PlaylistItemParams,
    body: UpdatePlaylistItemRequest,
    response: PlaylistItem,
  }),
  removePlaylistItem: defineRoute({
    method: 'DELETE',
    path: '/api/review/playlists/:playlistId/items/:itemId',
    summary: 'Take an item out of a playlist',
    tags,
    access: access.atLeast('supervisor'),
    params: PlaylistItemParams,
    response: null,
    status: 204,
  }),
  reorderPlaylist: defineRoute({
    method: 'PUT',
    path: '/api/review/playlists/:playlistId/order',
    summary: 'Set the order of a playlist’s items (every item exactly once)',
    tags,
    access: access.atLeast('supervisor'),
    params: PlaylistParams,
    body: ReorderPlaylistRequest,
    response: PlaylistDetail,
  }),
  listItemVersions: {
    ...defineRoute({
      method: 'GET',
      path: '/api/review/playlists/:playlistId/items/:itemId/versions',
      summary: 'Every version of the item’s task the caller may see, newest first (for choosing and comparing)',
      tags,
      access: access.authenticated,
      params: PlaylistItemParams,
      response: z.object({ items: z.array(ReviewVersion) }),
    }),
    guests: true,
  },
  /** A version's picture or video for the player: answered as a file (with Range), not JSON. */
  reviewMedia: {
    ...defineRoute({
      method: 'GET',
      path: '/api/review/playlists/:playlistId/versions/:versionId/media',
      summary: 'A version’s review proxy, original or thumbnail, for a version of a task in the playlist',
      tags,
      access: access.authenticated,
      params: PlaylistVersionParams,
      query: ReviewMediaQuery,
      response: null,
    }),
    guests: true,
  },
  listItemComments: {
    ...defineRoute({
      method: 'GET',
      path: '/api/review/playlists/:playlistId/items/:itemId/comments',
      summary: 'The notes on the item’s task the caller may see, oldest first',
      tags,
      access: access.authenticated,
      params: PlaylistItemParams,
      response: z.object({ items: z.array(ReviewComment) }),
    }),
    guests: true,
  },
  postItemComment: {
    ...defineRoute({
      method: 'POST',
      path: '/api/review/playlists/:playlistId/items/:itemId/comments',
      summary: 'Write a note on the item’s task about a version, a frame or a range (and set a status)',
      tags,
      access: access.authenticated,
      params: PlaylistItemParams,
      body: PostReviewCommentRequest,
      response: ReviewComment,
      status: 201,
    }),
    guests: true,
  },
} as const

/** Frame-keyed drawings. */
export const annotationRoutes = {
  listAnnotations: {
    ...defineRoute({
      method: 'GET',
      path: '/api/review/playlists/:playlistId/versions/:versionId/annotations',
      summary: 'A version’s drawings on every frame, with the version’s annotation revision',
      tags,
      access: access.authenticated,
      params: PlaylistVersionParams,
      response: z.object({ revision: z.number().int(), items: z.array(Annotation) }),
    }),
    guests: true,
  },
  changeAnnotations: {
    ...defineRoute({
      method: 'POST',
      path: '/api/review/playlists/:playlistId/versions/:versionId/annotations',
      summary: 'Add, update or remove drawings (the same path as a review room’s draw event)',
      tags,
      access: access.authenticated,
      params: PlaylistVersionParams,
      body: AnnotationOpsRequest,
      response: AnnotationChanges,
    }),
    guests: true,
  },
} as const

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

export const reviewRoutes = {
  ...playlistRoutes,
  ...annotationRoutes,
  ...reviewProxyRoutes,
  ...guestLinkRoutes,
} as const

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
