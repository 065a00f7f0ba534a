// Review playlists: task versions to review in order, made from a selection, a saved view, the
// tasks waiting for review or the cut, for the team or shared with clients; and the notes on an
// item's task about a frame or a range.
//
// Access: playlists live in a project; project members see them (clients and vendors only
// those shared with clients, and in them only versions whose task shows them a status they
// may see). Guests reach only the routes marked `guests: true`, in their one playlist.
import { access } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'
import { Id, ProjectParams } from '../production/project.contract'
import { Comment } from '../production/task.contract'
import {
  FrameIndex,
  PlaylistItemParams,
  PlaylistParams,
  PlaylistVersionParams,
  ReviewMediaQuery,
  ReviewVersion,
} from './review-base.contract'

const tags = ['review'] as const

/** Who a playlist is for: the studio team, or also the project's clients (and guests). */
export const PlaylistAudience = z.enum(['team', 'client'])
export type PlaylistAudience = z.infer<typeof PlaylistAudience>

/** Which version of its task an item shows: the newest, the task's approved one, or a pinned one. */
export const VersionChoice = z.enum(['latest', 'approved', 'pinned'])
export type VersionChoice = z.infer<typeof VersionChoice>

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
