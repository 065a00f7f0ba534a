// Review playlists and their items (migration 0115).

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

export interface ReviewTables {
  playlists: PlaylistsTable
  playlistItems: PlaylistItemsTable
}
