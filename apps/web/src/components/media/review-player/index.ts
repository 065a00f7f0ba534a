// The frame-accurate review player (see review-player.tsx) and its API.
export { ReviewPlayer } from './review-player'
export type {
  PlayerPlayback,
  PlayerView,
  ReviewMedia,
  ReviewPlayerHandle,
  ReviewPlayerProps,
} from './review-player.types'
