// Review: playlists (playlist.contract.ts), review proxies and shared words
// (review-base.contract.ts), frame-keyed drawings (annotation.contract.ts), guest links
// (guest-link.contract.ts) and live rooms (review-room.contract.ts).
import { annotationRoutes } from './annotation.contract'
import { guestLinkRoutes } from './guest-link.contract'
import { playlistRoutes } from './playlist.contract'
import { reviewProxyRoutes } from './review-base.contract'

export const reviewRoutes = {
  ...playlistRoutes,
  ...annotationRoutes,
  ...reviewProxyRoutes,
  ...guestLinkRoutes,
} as const
