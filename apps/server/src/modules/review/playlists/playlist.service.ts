// Playlists: made from a source, edited by those who edit the breakdown, read by everyone the
// gate lets in. Every read and write goes through the gate; every change tells the live room.
import type {
  AddPlaylistItemsRequest,
  CreatePlaylistRequest,
  Playlist,
  PlaylistDetail,
  PlaylistItem,
  ReorderPlaylistRequest,
  UpdatePlaylistItemRequest,
  UpdatePlaylistRequest,
  VersionChoice,
} from '@aipipeline/contracts'
import { inPlaylistTransaction, type PlaylistItemRecord, type PlaylistRecord } from '@aipipeline/db'
import {
  assertWritable,
  canEditBreakdown,
  isOutsider,
  keysBetween,
  NotFound,
  RuleViolation,
  requireAccess,
} from '@aipipeline/domain'
import type { z } from 'zod'
import type { Principal } from '../../../http/principal'
import type { PlaylistScope } from '../review-ports'
import type { PlaylistContext } from './playlist-context'
import type { PlaylistGateImpl } from './playlist-gate'
import { itemViews } from './playlist-items'
import { resolveSource } from './playlist-sources'

function playlistView(p: PlaylistRecord, itemCount: number, canEdit: boolean): Playlist {
  const { id, projectId, name, audience, taskTypeId, sequenceId, createdBy, createdAt, updatedAt } = p
  return { id, projectId, name, audience, taskTypeId, sequenceId, itemCount, createdBy, createdAt, updatedAt, canEdit }
}

/** New items at the end of a playlist, one per task, keyed after `lastKey`. */
function appended(
  taskIds: readonly string[],
  lastKey: string | null,
  versionChoice: Exclude<VersionChoice, 'pinned'>,
): Omit<PlaylistItemRecord, 'id' | 'createdAt' | 'playlistId'>[] {
  const keys = keysBetween(lastKey, null, taskIds.length)
  return taskIds.map((taskId, i) => ({ taskId, versionChoice, pinnedVersionId: null, position: keys[i] ?? '' }))
}

export function createPlaylistService(ctx: PlaylistContext, gate: PlaylistGateImpl) {
  const { repos, playlists } = ctx

  /** The caller's scope where they may edit the playlist (Forbidden otherwise; NotFound if unseen). */
  async function editable(principal: Principal, playlistId: string) {
    const opened = await gate.open(principal, playlistId)
    if (opened.scope.access) assertWritable(opened.scope.access)
    requireAccess(opened.scope.can.edit, `edit playlist ${playlistId}`)
    return opened
  }

  async function detail(scope: PlaylistScope, playlist: PlaylistRecord): Promise<PlaylistDetail> {
    const project = await repos.projects.findById(playlist.projectId)
    if (!project) throw new NotFound('playlist', playlist.id)
    const items = await itemViews(ctx, scope, await playlists.items(playlist.id))
    return {
      playlist: playlistView(playlist, items.length, scope.can.edit),
      project: {
        id: project.id,
        code: project.code,
        name: project.name,
        fps: project.fps,
        startFrame: project.startFrame,
        width: project.width,
        height: project.height,
        aspectRatio: project.aspectRatio,
      },
      items,
      can: scope.can,
      guestName: scope.guest?.name ?? null,
    }
  }

  async function changed(playlistId: string): Promise<void> {
    await ctx.broadcast.playlistChanged(playlistId)
  }

  async function itemOf(playlistId: string, itemId: string): Promise<PlaylistItemRecord> {
    const item = (await playlists.items(playlistId)).find((i) => i.id === itemId)
    if (!item) throw new NotFound('item', itemId)
    return item
  }

  return {
    /** The playlists of a project the caller may see (clients and vendors: those shared with clients). */
    async list(principal: Principal, projectId: string): Promise<{ items: Playlist[] }> {
      const a = await ctx.production.access.resolve(principal, projectId)
      const records = await playlists.list(projectId, isOutsider(a) ? 'client' : undefined)
      const counts = await playlists.itemCounts(records.map((r) => r.id))
      const canEdit = canEditBreakdown(a) && a.archived !== true
      return { items: records.map((r) => playlistView(r, counts.get(r.id) ?? 0, canEdit)) }
    },

    async create(
      principal: Principal,
      projectId: string,
      input: z.output<typeof CreatePlaylistRequest>,
    ): Promise<PlaylistDetail> {
      const a = await ctx.production.access.resolve(principal, projectId)
      requireAccess(canEditBreakdown(a), 'make playlists')
      assertWritable(a)
      const source = await resolveSource(repos, a, input.source)
      const record = await playlists.insert(
        {
          projectId,
          name: input.name,
          audience: input.audience,
          taskTypeId: source.taskTypeId,
          sequenceId: source.sequenceId,
          createdBy: principal.userId,
        },
        appended(source.taskIds, null, input.versionChoice),
      )
      const { scope, playlist } = await gate.open(principal, record.id)
      return detail(scope, playlist)
    },

    async get(principal: Principal, playlistId: string): Promise<PlaylistDetail> {
      const { scope, playlist } = await gate.open(principal, playlistId)
      return detail(scope, playlist)
    },

    async update(
      principal: Principal,
      playlistId: string,
      input: z.output<typeof UpdatePlaylistRequest>,
    ): Promise<Playlist> {
      await editable(principal, playlistId)
      await playlists.update(playlistId, {
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.audience === undefined ? {} : { audience: input.audience }),
      })
      await changed(playlistId)
      const { scope, playlist } = await gate.open(principal, playlistId)
      const count = (await playlists.itemCounts([playlistId])).get(playlistId) ?? 0
      return playlistView(playlist, count, scope.can.edit)
    },

    async remove(principal: Principal, playlistId: string): Promise<void> {
      await editable(principal, playlistId)
      await inPlaylistTransaction(ctx.db, (p) => p.remove(playlistId))
      await changed(playlistId)
    },

    /** Appends tasks of the project (tasks already in the playlist are skipped). */
    async addItems(
      principal: Principal,
      playlistId: string,
      input: z.output<typeof AddPlaylistItemsRequest>,
    ): Promise<PlaylistDetail> {
      const { scope } = await editable(principal, playlistId)
      const a = scope.access
      if (!a) throw new NotFound('playlist', playlistId)
      const { taskIds } = await resolveSource(repos, a, { kind: 'tasks', taskIds: input.taskIds })
      await inPlaylistTransaction(ctx.db, async (p) => {
        const items = await p.items(playlistId)
        const present = new Set(items.map((i) => i.taskId))
        const fresh = taskIds.filter((id) => !present.has(id))
        const last = items.at(-1)?.position ?? null
        await p.insertItems(appended(fresh, last, input.versionChoice).map((i) => ({ ...i, playlistId })))
        await p.touch(playlistId)
      })
      await changed(playlistId)
      const { scope: after, playlist } = await gate.open(principal, playlistId)
      return detail(after, playlist)
    },

    /** Chooses the version an item shows; a pinned version must be one of the item's task. */
    async updateItem(
      principal: Principal,
      playlistId: string,
      itemId: string,
      input: z.output<typeof UpdatePlaylistItemRequest>,
    ): Promise<PlaylistItem> {
      const { scope } = await editable(principal, playlistId)
      const item = await itemOf(playlistId, itemId)
      if (input.pinnedVersionId !== null) {
        const version = await repos.tasks.findVersion(input.pinnedVersionId)
        if (!version || version.projectId !== scope.projectId) throw new NotFound('version', input.pinnedVersionId)
        if (version.taskId !== item.taskId)
          throw new RuleViolation('a pinned version must be a version of the item’s task', {
            reason: 'version_of_another_task',
          })
      }
      await playlists.updateItem(itemId, { versionChoice: input.versionChoice, pinnedVersionId: input.pinnedVersionId })
      await playlists.touch(playlistId)
      await changed(playlistId)
      const [view] = await itemViews(ctx, scope, [await itemOf(playlistId, itemId)])
      if (!view) throw new NotFound('item', itemId)
      return view
    },

    async removeItem(principal: Principal, playlistId: string, itemId: string): Promise<void> {
      await editable(principal, playlistId)
      await itemOf(playlistId, itemId)
      await inPlaylistTransaction(ctx.db, async (p) => {
        await p.removeItem(itemId)
        await p.touch(playlistId)
      })
      await changed(playlistId)
    },

    /** Sets the whole order; anything but every item exactly once is refused (422). */
    async reorder(
      principal: Principal,
      playlistId: string,
      input: z.output<typeof ReorderPlaylistRequest>,
    ): Promise<PlaylistDetail> {
      await editable(principal, playlistId)
      await inPlaylistTransaction(ctx.db, async (p) => {
        const items = await p.items(playlistId)
        const ids = new Set(items.map((i) => i.id))
        const exact =
          input.itemIds.length === items.length &&
          new Set(input.itemIds).size === input.itemIds.length &&
          input.itemIds.every((id) => ids.has(id))
        if (!exact)
          throw new RuleViolation('the new order must name every item of the playlist exactly once', {
            reason: 'not_a_permutation',
          })
        const keys = keysBetween(null, null, input.itemIds.length)
        await p.setPositions(input.itemIds.map((id, i) => ({ id, position: keys[i] ?? '' })))
        await p.touch(playlistId)
      })
      await changed(playlistId)
      const { scope, playlist } = await gate.open(principal, playlistId)
      return detail(scope, playlist)
    },
  }
}
export type PlaylistService = ReturnType<typeof createPlaylistService>
