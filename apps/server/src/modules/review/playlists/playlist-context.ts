// What every part of playlists works with: the repositories, production's services (access
// and the comment write path), and the ports other parts of review fill in.
import type { Db, PlaylistRepository, ProductionRepositories, UserRecord, UserRepository } from '@aipipeline/db'
import type { ProductionServices } from '../../production'
import type { ReviewProxyReader, ReviewRoomBroadcast } from '../review-ports'

export interface PlaylistContext {
  db: Db
  repos: ProductionRepositories
  playlists: PlaylistRepository
  users: UserRepository
  production: Pick<ProductionServices, 'access' | 'comments' | 'activity'>
  proxies: ReviewProxyReader
  broadcast: ReviewRoomBroadcast
  /** Absolute folder version files are stored under (their paths are relative to it). */
  storageRoot: string
}

/** A proxy reader for a studio that makes no proxies (yet): every video plays its original. */
export const NO_REVIEW_PROXIES: ReviewProxyReader = {
  get: async () => null,
  file: async () => null,
}

/** A broadcast for a studio without live review rooms. */
export const SILENT_REVIEW_ROOMS: ReviewRoomBroadcast = {
  annotations: async () => {},
  comment: async () => {},
  playlistChanged: async () => {},
}

/** Whether a comment's author is a guest's hidden account (a user made by a guest link). */
export function isGuestAuthor(user: UserRecord | undefined): boolean {
  return user?.guest === true
}
