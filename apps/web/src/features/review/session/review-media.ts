// A version's picture or video for the player, fetched with the session's token into blob
// URLs (the media route needs the bearer token, which <video src> cannot send).
import { playlistRoutes, type ReviewVersion, reviewMediaPath } from '@aipipeline/contracts'
import { useAuthedFileUrl } from '../../../api/authed-file'
import type { ReviewMedia } from '../../../components/media/review-player'

export function useReviewMedia(playlistId: string, version: ReviewVersion | null): ReviewMedia | null {
  const video = version?.kind === 'video'
  const src = useAuthedFileUrl(
    version ? reviewMediaPath(playlistId, version.id, video ? 'proxy' : 'original') : null,
    playlistRoutes.reviewMedia,
  )
  const poster = useAuthedFileUrl(
    video && version ? reviewMediaPath(playlistId, version.id, 'thumbnail') : null,
    playlistRoutes.reviewMedia,
  )
  if (!version) return null
  return {
    kind: version.kind,
    src,
    poster,
    width: version.proxy?.width ?? version.width,
    height: version.proxy?.height ?? version.height,
    // A still is one frame; a video's count is known once its proxy is made.
    frameCount: version.kind === 'image' ? 1 : (version.proxy?.frameCount ?? null),
  }
}
