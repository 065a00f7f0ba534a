// The seams between review's parts. Playlists answer who may see what (PlaylistGate); drawings
// (AnnotationStore), proxies (ReviewProxyReader) and rooms (ReviewRoomBroadcast) are built
// on it; registerReviewModule (index.ts) wires the real implementations together.
import type {
  Annotation,
  AnnotationChanges,
  AnnotationOp,
  PlaylistAudience,
  ReviewComment,
  ReviewProxy,
} from '@aipipeline/contracts'
import type { ProjectAccess } from '@aipipeline/domain'
import type { GuestIdentity, Principal } from '../../http/principal'

/** What review may let the caller do in one playlist. */
export interface PlaylistPermissions {
  edit: boolean
  comment: boolean
  draw: boolean
  decide: boolean
  present: boolean
  manageGuests: boolean
}

/** The caller inside one playlist, resolved once per request or socket event. */
export interface PlaylistScope {
  playlistId: string
  projectId: string
  audience: PlaylistAudience
  /** The caller's access in the project; null for a guest (guests are no project's members). */
  access: ProjectAccess | null
  guest: GuestIdentity | null
  /** Who acts: the user, or the guest's hidden account. */
  actorId: string
  /** How people see the actor: the user's name, or the name the guest gave. */
  actorName: string
  can: PlaylistPermissions
}

/** A version of a task that is in the playlist, as the caller may see it. */
export interface PlaylistVersionRef {
  itemId: string
  taskId: string
  versionId: string
  kind: 'image' | 'video'
}

/** Access to playlists: the one place review asks "may this caller see this?". */
export interface PlaylistGate {
  /**
   * The caller's scope in a playlist. NotFound when it is not theirs to see: non-members,
   * clients and vendors on a team playlist, guests of another playlist or an expired link.
   */
  scope(principal: Principal, playlistId: string): Promise<PlaylistScope>
  /**
   * The item a version belongs to in the playlist: any version of an item's task the caller may
   * see (clients: only while the task shows them its status). NotFound otherwise.
   */
  versionInPlaylist(scope: PlaylistScope, versionId: string): Promise<PlaylistVersionRef>
}

/** Drawings on versions, persisted as ordered deltas. */
export interface AnnotationStore {
  list(scope: PlaylistScope, versionId: string): Promise<{ revision: number; items: Annotation[] }>
  /** Applies the ops in order in one transaction; removed ids never come back. */
  apply(scope: PlaylistScope, versionId: string, ops: readonly AnnotationOp[]): Promise<AnnotationChanges>
}

/** A video version's review proxy and its file. */
export interface ReviewProxyReader {
  get(versionId: string): Promise<ReviewProxy | null>
  /** The ready proxy's file, or null when there is none ready. */
  file(versionId: string): Promise<{ absolutePath: string; sizeBytes: number } | null>
}

/** Tells a playlist's live room what changed outside it (REST writes); each gets the room's next seq. */
export interface ReviewRoomBroadcast {
  annotations(playlistId: string, by: string, changes: AnnotationChanges): Promise<void>
  comment(playlistId: string, itemId: string, comment: ReviewComment): Promise<void>
  playlistChanged(playlistId: string): Promise<void>
}
