// Reads and writes of the review page through the typed client: the playlist, an item's notes
// and versions, a version's drawings. Live room events write into the same cache entries.
import {
  type Annotation,
  type AnnotationChanges,
  annotationRoutes,
  type PostReviewCommentRequest,
  playlistRoutes,
  type ReviewComment,
} from '@aipipeline/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { z } from 'zod'
import { useApi } from '../../../api/api-context'
import { applyAnnotationChanges, withComment } from './room-events'

export { usePlaylistDetail } from '../playlists/playlist-queries'

export const reviewSessionKeys = {
  playlist: (playlistId: string) => ['review', 'playlist', playlistId] as const,
  comments: (playlistId: string, itemId: string) => ['review', 'playlist', playlistId, 'comments', itemId] as const,
  versions: (playlistId: string, itemId: string) => ['review', 'playlist', playlistId, 'versions', itemId] as const,
  annotations: (playlistId: string, versionId: string) =>
    ['review', 'playlist', playlistId, 'annotations', versionId] as const,
}

export function useItemComments(playlistId: string, itemId: string | null) {
  const api = useApi()
  return useQuery({
    queryKey: reviewSessionKeys.comments(playlistId, itemId ?? ''),
    queryFn: async () =>
      (await api.call(playlistRoutes.listItemComments, { params: { playlistId, itemId: itemId ?? '' } })).items,
    enabled: itemId !== null,
  })
}

/** Every version of the item's task the caller may see, newest first; only for those who compare. */
export function useItemVersions(playlistId: string, itemId: string | null, enabled: boolean) {
  const api = useApi()
  return useQuery({
    queryKey: reviewSessionKeys.versions(playlistId, itemId ?? ''),
    queryFn: async () =>
      (await api.call(playlistRoutes.listItemVersions, { params: { playlistId, itemId: itemId ?? '' } })).items,
    enabled: enabled && itemId !== null,
  })
}

export function useVersionAnnotations(playlistId: string, versionId: string | null) {
  const api = useApi()
  return useQuery({
    queryKey: reviewSessionKeys.annotations(playlistId, versionId ?? ''),
    queryFn: async () =>
      (await api.call(annotationRoutes.listAnnotations, { params: { playlistId, versionId: versionId ?? '' } })).items,
    enabled: versionId !== null,
  })
}

/** Writers for live changes: a note arrived, drawings changed, the playlist changed. */
export function useReviewCacheWriters(playlistId: string) {
  const queryClient = useQueryClient()
  const addComment = useCallback(
    (itemId: string, comment: ReviewComment) => {
      const key = reviewSessionKeys.comments(playlistId, itemId)
      if (queryClient.getQueryData(key) === undefined) return
      queryClient.setQueryData<ReviewComment[]>(key, (items) => withComment(items ?? [], comment))
      // A note that set a status changes the item's status in the playlist.
      if (comment.statusId !== null)
        void queryClient.invalidateQueries({ queryKey: reviewSessionKeys.playlist(playlistId) })
    },
    [queryClient, playlistId],
  )
  const applyDrawings = useCallback(
    (changes: AnnotationChanges) => {
      const key = reviewSessionKeys.annotations(playlistId, changes.versionId)
      if (queryClient.getQueryData(key) === undefined) return
      queryClient.setQueryData<Annotation[]>(key, (items) => applyAnnotationChanges(items ?? [], changes))
    },
    [queryClient, playlistId],
  )
  const playlistChanged = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: reviewSessionKeys.playlist(playlistId) })
  }, [queryClient, playlistId])
  return { addComment, applyDrawings, playlistChanged }
}

export function usePostNote(playlistId: string, itemId: string) {
  const api = useApi()
  const { addComment } = useReviewCacheWriters(playlistId)
  return useMutation({
    mutationFn: (body: z.input<typeof PostReviewCommentRequest>) =>
      api.call(playlistRoutes.postItemComment, { params: { playlistId, itemId }, body }),
    onSuccess: (comment) => addComment(itemId, comment),
  })
}
