export type { PlayerPlayback, PlayerView, ReviewMedia, ReviewPlayerHandle, ReviewPlayerProps } from './review-player'
export { ReviewPlayer } from './review-player'
