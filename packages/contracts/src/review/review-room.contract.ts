// Live review rooms over socket.io. One room per playlist (`review:<playlistId>`). The server
// holds the room's state and numbers every change with the room's sequence (`seq`, +1 per
// change, across state, presence, drawings and notes), so a participant applies changes in
// order, notices a gap (seq jumps) and asks `review:sync` for the whole state again. Every
// client event is checked against the sender's access to the playlist, not just the join.
// The presenter drives playback (item, frame, play/pause, speed, loop, compare, zoom); the
// others follow, or detach locally and re-sync from the latest state.
import { z } from 'zod'
import { Id } from '../production/project.contract'
import { AnnotationChanges, AnnotationOpsRequest } from './annotation.contract'
import { ReviewComment } from './playlist.contract'
import { FrameIndex } from './review-base.contract'

export const CompareMode = z.enum(['off', 'side-by-side', 'wipe', 'overlay', 'difference'])
export type CompareMode = z.infer<typeof CompareMode>

/** What the presenter shares. Frames are 0-based media frame indices of the shown version. */
export const RoomPlayback = z
  .object({
    itemId: z.string().nullable(),
    /** The version on screen (the item's choice, or another the presenter picked). */
    versionId: z.string().nullable(),
    frame: FrameIndex,
    playing: z.boolean(),
    /** ¼× to 2×. */
    speed: z.number().min(0.25).max(2),
    loop: z.object({ start: FrameIndex, end: FrameIndex }).nullable(),
    compare: z.object({
      mode: CompareMode,
      /** The B side (A is `versionId`). */
      versionId: z.string().nullable(),
      /** Wipe divider position, 0..1 of the width. */
      wipe: z.number().min(0).max(1),
      /** Overlay opacity of B, 0..1. */
      opacity: z.number().min(0).max(1),
    }),
    zoom: z.object({
      mode: z.enum(['fit', 'actual', 'custom']),
      /** Scale relative to fit (custom). */
      scale: z.number().min(0.05).max(32),
      /** Pan offset as a fraction of the image size. */
      x: z.number().min(-10).max(10),
      y: z.number().min(-10).max(10),
    }),
  })
  .strict()
export type RoomPlayback = z.infer<typeof RoomPlayback>

export const DEFAULT_ROOM_PLAYBACK: RoomPlayback = {
  itemId: null,
  versionId: null,
  frame: 0,
  playing: false,
  speed: 1,
  loop: null,
  compare: { mode: 'off', versionId: null, wipe: 0.5, opacity: 0.5 },
  zoom: { mode: 'fit', scale: 1, x: 0, y: 0 },
}

export const RoomParticipant = z.object({
  /** A user id, or a guest's id (one per guest session). */
  id: z.string(),
  name: z.string(),
  /** The role in the project; guests are `guest`. */
  role: z.string(),
  guest: z.boolean(),
  /** How many of this participant's connections are in the room (tabs, instances). */
  connections: z.number().int().min(1),
})
export type RoomParticipant = z.infer<typeof RoomParticipant>

export const RoomState = z
  .object({
    playlistId: z.string(),
    seq: z.number().int().min(0),
    presenterId: z.string().nullable(),
    playback: RoomPlayback,
    participants: z.array(RoomParticipant),
    updatedAt: z.string(),
  })
  .meta({ id: 'ReviewRoomState' })
export type RoomState = z.infer<typeof RoomState>

// ----- server → client events (each carries the room's seq after the change) -----

export const ReviewStateEvent = z.object({ playlistId: z.string(), seq: z.number().int(), state: RoomState })
export const ReviewPlaybackEvent = z.object({
  playlistId: z.string(),
  seq: z.number().int(),
  /** Who changed it (the presenter). */
  by: z.string(),
  playback: RoomPlayback,
})
export const ReviewPresenceEvent = z.object({
  playlistId: z.string(),
  seq: z.number().int(),
  presenterId: z.string().nullable(),
  participants: z.array(RoomParticipant),
})
export const ReviewAnnotationsEvent = z.object({
  playlistId: z.string(),
  seq: z.number().int(),
  by: z.string(),
  changes: AnnotationChanges,
})
export const ReviewCommentEvent = z.object({
  playlistId: z.string(),
  seq: z.number().int(),
  itemId: z.string(),
  comment: ReviewComment,
})
/** The playlist changed (items, order, choices): re-read it. */
export const ReviewPlaylistEvent = z.object({ playlistId: z.string(), seq: z.number().int() })
/** A laser pointer: not numbered, not stored; the newest wins. */
export const ReviewPointerEvent = z.object({
  playlistId: z.string(),
  by: z.string(),
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
})

export const reviewRoomServerEvents = {
  'review:state': ReviewStateEvent,
  'review:playback': ReviewPlaybackEvent,
  'review:presence': ReviewPresenceEvent,
  'review:annotations': ReviewAnnotationsEvent,
  'review:comment': ReviewCommentEvent,
  'review:playlist': ReviewPlaylistEvent,
  'review:pointer': ReviewPointerEvent,
} as const

// ----- client → server events (each acknowledged) -----

const PlaylistRef = { playlistId: Id }
export const RoomAckError = z.object({
  ok: z.literal(false),
  /** What went wrong, in English (for logs). */
  error: z.string(),
  /** Why, as a word the browser has a sentence for (e.g. `not_presenter`, `not_found`). */
  reason: z.string().optional(),
})
const withState = z.union([z.object({ ok: z.literal(true), state: RoomState }), RoomAckError])
const withSeq = z.union([z.object({ ok: z.literal(true), seq: z.number().int() }), RoomAckError])

export const reviewRoomClientEvents = {
  /** Enter the room: answers the whole state (late joiners land where the room is). */
  'review:join': { payload: z.object(PlaylistRef).strict(), ack: withState },
  'review:leave': { payload: z.object(PlaylistRef).strict(), ack: withSeq },
  /** The whole state again (after a gap in seq, or to re-sync after detaching). */
  'review:sync': { payload: z.object(PlaylistRef).strict(), ack: withState },
  /** The presenter changes playback; the others are refused. */
  'review:playback': { payload: z.object({ ...PlaylistRef, playback: RoomPlayback }).strict(), ack: withSeq },
  /** Take the presenter's seat (those who may present), hand it to a participant, or leave it. */
  'review:presenter': {
    payload: z
      .object({ ...PlaylistRef, action: z.enum(['take', 'give', 'release']), participantId: z.string().optional() })
      .strict(),
    ack: withSeq,
  },
  /** Drawings on a version shown in the room: persisted in order, then sent to everyone. */
  'review:draw': {
    payload: z.object({ ...PlaylistRef, versionId: Id, ops: AnnotationOpsRequest.shape.ops }).strict(),
    ack: z.union([z.object({ ok: z.literal(true), seq: z.number().int(), changes: AnnotationChanges }), RoomAckError]),
  },
  'review:pointer': {
    payload: z.object({ ...PlaylistRef, x: z.number().min(0).max(1), y: z.number().min(0).max(1) }).strict(),
    ack: z.union([z.object({ ok: z.literal(true) }), RoomAckError]),
  },
} as const
export type ReviewRoomClientEventName = keyof typeof reviewRoomClientEvents
