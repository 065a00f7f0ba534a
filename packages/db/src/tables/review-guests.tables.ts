// Review guest links and what guests did through them (migration 0130).

export interface ReviewGuestLinksTable {
  id: string
  playlistId: string
  /** The playlist's project, kept so a guest session knows it without asking playlists. */
  projectId: string
  label: string
  /** SHA-256 (hex) of the link's secret; the secret itself is shown once and never stored. */
  tokenHash: string
  createdBy: string | null
  createdAt: string
  expiresAt: string
  revokedAt: string | null
  lastUsedAt: string | null
}

export interface ReviewGuestLogTable {
  id: string
  linkId: string
  guestUserId: string
  guestName: string
  /** session | join | comment | draw | leave */
  action: string
  detail: string | null
  at: string
}

export interface ReviewGuestTables {
  reviewGuestLinks: ReviewGuestLinksTable
  reviewGuestLog: ReviewGuestLogTable
}
