// Reads and writes of review playlists through the typed client. A playlist's detail lives
// under one key that the items panel, the header menu and the review page share, so a change
// made in one shows in the others without a refetch.
import {
  type AddPlaylistItemsRequest,
  type CreatePlaylistRequest,
  type Playlist,
  type PlaylistDetail,
  type PlaylistItem,
  playlistRoutes,
  reviewProxyRoutes,
  type UpdatePlaylistItemRequest,
  type UpdatePlaylistRequest,
} from '@aipipeline/contracts'
import { type Role, roleSatisfies } from '@aipipeline/domain'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { useApi } from '../../../api/api-context'

export const playlistKeys = {
  list: (projectId: string) => ['project', projectId, 'playlists'] as const,
  detail: (playlistId: string) => ['review', 'playlist', playlistId] as const,
  versions: (playlistId: string, itemId: string) => ['review', 'playlist', playlistId, 'versions', itemId] as const,
}

/** Whether a project role may make playlists (the create route's own rule). */
export function makesPlaylists(role: Role | undefined): boolean {
  return roleSatisfies(playlistRoutes.createPlaylist.access, role)
}

/** The project's playlists the caller may see (clients: those shared with clients). */
export function useProjectPlaylists(projectId: string | null) {
  const api = useApi()
  return useQuery({
    queryKey: playlistKeys.list(projectId ?? ''),
    queryFn: async () =>
      (await api.call(playlistRoutes.listPlaylists, { params: { projectId: projectId ?? '' } })).items,
    enabled: projectId !== null,
  })
}

/** One playlist with its items and what the caller may do in it. */
/** Whether a proxy of one of the playlist's videos is still being made (its progress is read again). */
export function proxiesInProgress(detail: PlaylistDetail | undefined): boolean {
  return (
    detail?.items.some((i) => i.version?.proxy?.status === 'queued' || i.version?.proxy?.status === 'running') ?? false
  )
}

export function usePlaylistDetail(playlistId: string) {
  const api = useApi()
  return useQuery({
    queryKey: playlistKeys.detail(playlistId),
    queryFn: () => api.call(playlistRoutes.getPlaylist, { params: { playlistId } }),
    refetchInterval: (query) => (proxiesInProgress(query.state.data) ? 2000 : false),
  })
}

/** Every version of an item's task the caller may see, newest first; asked only when shown. */
export function useItemVersions(playlistId: string, itemId: string, enabled: boolean) {
  const api = useApi()
  return useQuery({
    queryKey: playlistKeys.versions(playlistId, itemId),
    queryFn: async () => (await api.call(playlistRoutes.listItemVersions, { params: { playlistId, itemId } })).items,
    enabled,
  })
}

/** Stores a fresh detail and the list row it summarises. */
function useStoreDetail() {
  const queryClient = useQueryClient()
  return (detail: PlaylistDetail) => {
    queryClient.setQueryData(playlistKeys.detail(detail.playlist.id), detail)
    storeListRow(queryClient, detail.playlist)
  }
}

function storeListRow(queryClient: ReturnType<typeof useQueryClient>, playlist: Playlist) {
  queryClient.setQueryData<Playlist[]>(playlistKeys.list(playlist.projectId), (cur) =>
    cur === undefined
      ? cur
      : [playlist, ...cur.filter((p) => p.id !== playlist.id)].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
  )
}

export function useCreatePlaylist(projectId: string) {
  const api = useApi()
  const store = useStoreDetail()
  return useMutation({
    mutationFn: (body: z.input<typeof CreatePlaylistRequest>) =>
      api.call(playlistRoutes.createPlaylist, { params: { projectId }, body }),
    onSuccess: store,
  })
}

export function useAddPlaylistItems() {
  const api = useApi()
  const store = useStoreDetail()
  return useMutation({
    mutationFn: (v: { playlistId: string; body: z.input<typeof AddPlaylistItemsRequest> }) =>
      api.call(playlistRoutes.addPlaylistItems, { params: { playlistId: v.playlistId }, body: v.body }),
    onSuccess: store,
  })
}

export function useUpdatePlaylist(playlistId: string) {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: z.input<typeof UpdatePlaylistRequest>) =>
      api.call(playlistRoutes.updatePlaylist, { params: { playlistId }, body }),
    onSuccess: (playlist) => {
      queryClient.setQueryData<PlaylistDetail>(playlistKeys.detail(playlistId), (cur) =>
        cur === undefined ? cur : { ...cur, playlist },
      )
      storeListRow(queryClient, playlist)
    },
  })
}

export function useDeletePlaylist(playlist: Playlist) {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => api.call(playlistRoutes.deletePlaylist, { params: { playlistId: playlist.id } }),
    onSuccess: () => {
      queryClient.setQueryData<Playlist[]>(playlistKeys.list(playlist.projectId), (cur) =>
        cur?.filter((p) => p.id !== playlist.id),
      )
      queryClient.removeQueries({ queryKey: playlistKeys.detail(playlist.id) })
    },
  })
}

/** Replaces one item in the stored detail (after its version choice changed). */
function useStoreItem(playlistId: string) {
  const queryClient = useQueryClient()
  return (item: PlaylistItem) =>
    queryClient.setQueryData<PlaylistDetail>(playlistKeys.detail(playlistId), (cur) =>
      cur === undefined ? cur : { ...cur, items: cur.items.map((i) => (i.id === item.id ? item : i)) },
    )
}

export function useUpdatePlaylistItem(playlistId: string) {
  const api = useApi()
  const storeItem = useStoreItem(playlistId)
  return useMutation({
    mutationFn: (v: { itemId: string; body: z.input<typeof UpdatePlaylistItemRequest> }) =>
      api.call(playlistRoutes.updatePlaylistItem, { params: { playlistId, itemId: v.itemId }, body: v.body }),
    onSuccess: storeItem,
  })
}

export function useRemovePlaylistItem(playlistId: string) {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (itemId: string) => api.call(playlistRoutes.removePlaylistItem, { params: { playlistId, itemId } }),
    onSuccess: (_, itemId) =>
      queryClient.setQueryData<PlaylistDetail>(playlistKeys.detail(playlistId), (cur) =>
        cur === undefined
          ? cur
          : {
              ...cur,
              items: cur.items.filter((i) => i.id !== itemId),
              playlist: { ...cur.playlist, itemCount: cur.playlist.itemCount - 1 },
            },
      ),
  })
}

export function useReorderPlaylist(playlistId: string) {
  const api = useApi()
  const store = useStoreDetail()
  return useMutation({
    mutationFn: (itemIds: string[]) =>
      api.call(playlistRoutes.reorderPlaylist, { params: { playlistId }, body: { itemIds } }),
    onSuccess: store,
  })
}

/** Makes a video version's review proxy again (a background job); the playlist shows its progress. */
export function useRemakeProxy(playlistId: string) {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (versionId: string) => api.call(reviewProxyRoutes.makeReviewProxy, { params: { versionId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: playlistKeys.detail(playlistId) }),
  })
}
