import { playlistRoutes as r } from '@aipipeline/contracts'
import type { FastifyInstance } from 'fastify'
import { bindRoute } from '../../../http/route-binder'
import type { TokenService } from '../../auth'
import { bindFileRoute } from '../../production'
import type { PlaylistService } from './playlist.service'
import type { PlaylistMedia } from './playlist-media'
import type { PlaylistNotes } from './playlist-notes'

/** HTTP routes of playlists, their media and notes; each handler is one service call. */
export function registerPlaylistRoutes(
  app: FastifyInstance,
  tokens: TokenService,
  s: { playlists: PlaylistService; notes: PlaylistNotes; media: PlaylistMedia },
): void {
  const { playlists, notes, media } = s
  bindRoute(app, tokens, r.listPlaylists, ({ principal, params }) => playlists.list(principal, params.projectId))
  bindRoute(app, tokens, r.createPlaylist, ({ principal, params, body }) =>
    playlists.create(principal, params.projectId, body),
  )
  bindRoute(app, tokens, r.getPlaylist, ({ principal, params }) => playlists.get(principal, params.playlistId))
  bindRoute(app, tokens, r.updatePlaylist, ({ principal, params, body }) =>
    playlists.update(principal, params.playlistId, body),
  )
  bindRoute(app, tokens, r.deletePlaylist, async ({ principal, params }) => {
    await playlists.remove(principal, params.playlistId)
    return undefined
  })
  bindRoute(app, tokens, r.addPlaylistItems, ({ principal, params, body }) =>
    playlists.addItems(principal, params.playlistId, body),
  )
  bindRoute(app, tokens, r.updatePlaylistItem, ({ principal, params, body }) =>
    playlists.updateItem(principal, params.playlistId, params.itemId, body),
  )
  bindRoute(app, tokens, r.removePlaylistItem, async ({ principal, params }) => {
    await playlists.removeItem(principal, params.playlistId, params.itemId)
    return undefined
  })
  bindRoute(app, tokens, r.reorderPlaylist, ({ principal, params, body }) =>
    playlists.reorder(principal, params.playlistId, body),
  )
  bindRoute(app, tokens, r.listItemVersions, ({ principal, params }) =>
    media.versions(principal, params.playlistId, params.itemId),
  )
  bindFileRoute(app, tokens, r.reviewMedia, async ({ principal, params, query }) => {
    const file = await media.file(principal, params.playlistId, params.versionId, query)
    return {
      data: { absolutePath: file.absolutePath, sizeBytes: file.sizeBytes },
      mediaType: file.mediaType,
      fileName: file.fileName,
      disposition: 'inline',
    }
  })
  bindRoute(app, tokens, r.listItemComments, ({ principal, params }) =>
    notes.list(principal, params.playlistId, params.itemId),
  )
  bindRoute(app, tokens, r.postItemComment, ({ principal, params, body }) =>
    notes.post(principal, params.playlistId, params.itemId, body),
  )
}
