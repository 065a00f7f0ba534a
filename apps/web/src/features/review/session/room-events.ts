// A review room's numbered events as one union, and what each does to the room's state.
// Drawings, notes and playlist changes leave the state as it is (they update their own lists)
// but still count: they move `seq` on, so a gap in any of them is noticed.
import type {
  Annotation,
  AnnotationChanges,
  ReviewComment,
  RoomParticipant,
  RoomPlayback,
  RoomState,
} from '@aipipeline/contracts'

export type RoomEvent =
  | { kind: 'state'; seq: number; state: RoomState }
  | { kind: 'playback'; seq: number; by: string; playback: RoomPlayback }
  | { kind: 'presence'; seq: number; presenterId: string | null; participants: RoomParticipant[] }
  | { kind: 'annotations'; seq: number; by: string; changes: AnnotationChanges }
  | { kind: 'comment'; seq: number; itemId: string; comment: ReviewComment }
  | { kind: 'playlist'; seq: number }

/** The room's state after `event` (applied in seq order). */
export function applyRoomEvent(room: RoomState, event: RoomEvent): RoomState {
  switch (event.kind) {
    case 'state':
      return event.state
    case 'playback':
      return { ...room, seq: event.seq, playback: event.playback }
    case 'presence':
      return { ...room, seq: event.seq, presenterId: event.presenterId, participants: event.participants }
    case 'annotations':
    case 'comment':
    case 'playlist':
      return { ...room, seq: event.seq }
  }
}

/** A version's drawings after a batch of changes: stored adds and updates replace, removals go. */
export function applyAnnotationChanges(items: readonly Annotation[], changes: AnnotationChanges): Annotation[] {
  const byId = new Map(items.map((a) => [a.id, a]))
  for (const result of changes.results) {
    if (result.outcome !== 'applied') continue
    if (result.op === 'remove') byId.delete(result.id)
    else if (result.annotation && result.annotation.versionId === changes.versionId) {
      byId.set(result.annotation.id, result.annotation)
    }
  }
  return [...byId.values()]
}

/** The notes with `comment` added once (a note may come both from its post and from the room). */
export function withComment(items: readonly ReviewComment[], comment: ReviewComment): ReviewComment[] {
  if (items.some((c) => c.id === comment.id)) return [...items]
  return [...items, comment].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}
