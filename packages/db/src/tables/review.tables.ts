// Review playlists and their items (migration 0115), and drawings (migration 0120).

export interface PlaylistsTable {
  id: string
  projectId: string
  name: string
  /** team | client */
  audience: string
  /** What it was made for, when made for one task type or sequence. */
  taskTypeId: string | null
  sequenceId: string | null
  createdBy: string | null
  createdAt: string
  updatedAt: string
}

export interface PlaylistItemsTable {
  id: string
  playlistId: string
  taskId: string
  /** latest | approved | pinned */
  versionChoice: string
  /** Set only when `versionChoice` is pinned; null again if that version is deleted. */
  pinnedVersionId: string | null
  /** Fractional ordering key (domain ordering-key). */
  position: string
  createdAt: string
}

// Drawings

export interface AnnotationsTable {
  versionId: string
  /** Made by the drawing browser (uuid). */
  id: string
  /** 0-based media frame index; null only on a tombstone of an id never seen. */
  frame: number | null
  /** JSON AnnotationShape (fractions of the image); null only on such a tombstone. */
  shape: string | null
  authorId: string | null
  /** The name the author had when drawing (a guest's given name). */
  authorName: string | null
  /** The version's annotation revision when the row last changed. */
  revision: number
  createdAt: string
  updatedAt: string
  /** Set once removed; removed ids never come back. */
  removedAt: string | null
}

export interface AnnotationRevisionsTable {
  versionId: string
  revision: number
}

export interface ReviewTables {
  playlists: PlaylistsTable
  playlistItems: PlaylistItemsTable
  annotations: AnnotationsTable
  annotationRevisions: AnnotationRevisionsTable
}
