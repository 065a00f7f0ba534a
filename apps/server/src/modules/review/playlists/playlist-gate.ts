// The one place review asks "may this caller see this?". Members see team playlists; clients
// and vendors only playlists shared with clients (vendors, in them, only their tasks); a guest
// only the playlist of their link, and only while it is shared with clients. Everything else
// is NotFound, so a playlist nobody may see does not exist for them.
import type { PlaylistRecord, StatusRecord } from '@aipipeline/db'
import {
  canEditBreakdown,
  canSeeStatus,
  canSeeTask,
  isOutsider,
  NotFound,
  type ProjectAccess,
} from '@aipipeline/domain'
import type { Principal } from '../../../http/principal'
import type { PlaylistGate, PlaylistPermissions, PlaylistScope, PlaylistVersionRef } from '../review-ports'
import type { PlaylistContext } from './playlist-context'

/** The access visibility rules apply to: a guest counts as a client of the project with no membership. */
export function viewerAccess(scope: PlaylistScope): ProjectAccess {
  return scope.access ?? { projectId: scope.projectId, userId: scope.actorId, role: 'client', departments: [] }
}

const GUEST_PERMISSIONS: PlaylistPermissions = {
  edit: false,
  comment: true,
  draw: true,
  decide: false,
  present: false,
  manageGuests: false,
}

function memberPermissions(a: ProjectAccess): PlaylistPermissions {
  const staff = !isOutsider(a)
  const writable = a.archived !== true
  return {
    edit: canEditBreakdown(a) && writable,
    comment: writable,
    draw: writable,
    // Per item the task's status rules decide again (canDecideOnVersion and the comment path).
    decide: staff && writable,
    present: staff,
    manageGuests: canEditBreakdown(a) && writable,
  }
}

/** A task of the playlist as the caller may see it: vendors only their own, clients only client statuses. */
export function taskVisibleTo(
  a: ProjectAccess,
  task: { statusId: string },
  assigneeIds: readonly string[],
  statuses: readonly StatusRecord[],
): { visible: boolean; statusVisible: boolean } {
  const visible = canSeeTask(a, { assigneeIds, department: null })
  const status = statuses.find((s) => s.id === task.statusId)
  return { visible, statusVisible: visible && status !== undefined && canSeeStatus(a.role, status) }
}

export function createPlaylistGate(ctx: PlaylistContext): PlaylistGate & {
  /** The scope and the playlist row, for services that need both. */
  open(principal: Principal, playlistId: string): Promise<{ scope: PlaylistScope; playlist: PlaylistRecord }>
} {
  async function open(principal: Principal, playlistId: string) {
    const hidden = new NotFound('playlist', playlistId)
    const playlist = await ctx.playlists.find(playlistId)
    if (!playlist) throw hidden
    const base = { playlistId, projectId: playlist.projectId, audience: playlist.audience, actorId: principal.userId }
    const guest = principal.guest
    if (guest !== undefined) {
      const theirs = guest.playlistId === playlistId && guest.projectId === playlist.projectId
      if (!theirs || playlist.audience !== 'client') throw hidden
      // An archived project stays readable but takes no notes or drawings, from guests either.
      const archived = Boolean((await ctx.repos.projects.findById(playlist.projectId))?.archivedAt)
      const can = archived ? { ...GUEST_PERMISSIONS, comment: false, draw: false } : GUEST_PERMISSIONS
      const scope: PlaylistScope = { ...base, access: null, guest, actorName: guest.name, can }
      return { scope, playlist }
    }
    const access = await ctx.production.access.resolve(principal, playlist.projectId).catch((err: unknown) => {
      throw err instanceof NotFound ? hidden : err
    })
    if (isOutsider(access) && playlist.audience !== 'client') throw hidden
    const user = await ctx.users.findById(principal.userId)
    const scope: PlaylistScope = {
      ...base,
      access,
      guest: null,
      actorName: user?.displayName ?? '',
      can: memberPermissions(access),
    }
    return { scope, playlist }
  }

  return {
    open,

    async scope(principal, playlistId) {
      return (await open(principal, playlistId)).scope
    },

    async versionInPlaylist(scope, versionId): Promise<PlaylistVersionRef> {
      const hidden = new NotFound('version', versionId)
      const version = await ctx.repos.tasks.findVersion(versionId)
      if (!version || version.projectId !== scope.projectId) throw hidden
      const item = (await ctx.playlists.items(scope.playlistId)).find((i) => i.taskId === version.taskId)
      const task = item ? await ctx.repos.tasks.findById(item.taskId) : undefined
      if (!item || !task) throw hidden
      const assignees = (await ctx.repos.tasks.assigneesOf([task.id])).get(task.id) ?? []
      const statuses = await ctx.repos.projects.statuses(scope.projectId)
      if (!taskVisibleTo(viewerAccess(scope), task, assignees, statuses).statusVisible) throw hidden
      return {
        itemId: item.id,
        taskId: task.id,
        versionId: version.id,
        kind: version.kind === 'video' ? 'video' : 'image',
      }
    },
  }
}
export type PlaylistGateImpl = ReturnType<typeof createPlaylistGate>
