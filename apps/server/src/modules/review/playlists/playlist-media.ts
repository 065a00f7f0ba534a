// A playlist's versions and their media for the player. Media is answered as a file on disk
// (so the route streams it and serves byte ranges): the ready review proxy of a video, else
// its original output; or the thumbnail. Only versions the gate finds in the playlist.
import type { ReviewMediaQuery, ReviewVersion } from '@aipipeline/contracts'
import { NotFound } from '@aipipeline/domain'
import type { z } from 'zod'
import type { Principal } from '../../../http/principal'
import { resolveInRoot } from '../../production'
import type { PlaylistContext } from './playlist-context'
import { type PlaylistGateImpl, taskVisibleTo, viewerAccess } from './playlist-gate'
import { reviewVersions } from './playlist-items'

/** A file the route streams. */
export interface MediaFile {
  absolutePath: string
  sizeBytes: number
  mediaType: string
  fileName: string
}

export function createPlaylistMedia(ctx: PlaylistContext, gate: PlaylistGateImpl) {
  const { repos } = ctx

  return {
    /** Every version of the item's task the caller may see, newest first. */
    async versions(principal: Principal, playlistId: string, itemId: string): Promise<{ items: ReviewVersion[] }> {
      const scope = await gate.scope(principal, playlistId)
      const item = (await ctx.playlists.items(playlistId)).find((i) => i.id === itemId)
      const task = item ? await repos.tasks.findById(item.taskId) : undefined
      if (!item || !task) throw new NotFound('item', itemId)
      const assignees = (await repos.tasks.assigneesOf([task.id])).get(task.id) ?? []
      const seen = taskVisibleTo(viewerAccess(scope), task, assignees, await repos.projects.statuses(scope.projectId))
      if (!seen.visible) throw new NotFound('item', itemId)
      // Clients see versions only while the task shows them its status.
      if (!seen.statusVisible) return { items: [] }
      const versions = [...(await repos.tasks.versions([task.id]))].sort((a, b) => b.number - a.number)
      return { items: await reviewVersions(ctx, versions, () => task.approvedVersionId) }
    },

    /** The file the player plays or shows for a version of the playlist. */
    async file(
      principal: Principal,
      playlistId: string,
      versionId: string,
      query: z.output<typeof ReviewMediaQuery>,
    ): Promise<MediaFile> {
      const scope = await gate.scope(principal, playlistId)
      const ref = await gate.versionInPlaylist(scope, versionId)
      if (query.variant === 'proxy' && ref.kind === 'video') {
        const proxy = await ctx.proxies.file(versionId)
        if (proxy) return { ...proxy, mediaType: 'video/mp4', fileName: `${versionId}-proxy.mp4` }
      }
      const files = await repos.tasks.versionFiles([versionId])
      const role = query.variant === 'thumbnail' ? 'thumbnail' : 'output'
      const file = files.find((f) => f.role === role)
      if (!file) throw new NotFound('file', `${versionId}/${query.variant}`)
      return {
        absolutePath: resolveInRoot(ctx.storageRoot, file.path),
        sizeBytes: file.sizeBytes,
        mediaType: file.mediaType,
        fileName: file.name,
      }
    },
  }
}
export type PlaylistMedia = ReturnType<typeof createPlaylistMedia>
