// Notes on a playlist item: comments on the item's task, so they join the task's history.
// Reading applies the task's comment rules (clients see comments shared with clients and
// their own); writing goes through production's comment write path (mentions, notifications,
// activity, the status rules), with the version and frame range the note is about. A note that
// approves makes its version the task's approved one; a retake un-approves it.
import type { PostReviewCommentRequest, ReviewComment } from '@aipipeline/contracts'
import { type CommentRecord, inProductionTransaction, type StatusRecord } from '@aipipeline/db'
import { canSeeComment, canSeeStatus, Forbidden, NotFound, requireAccess } from '@aipipeline/domain'
import type { z } from 'zod'
import type { Principal } from '../../../http/principal'
import { approvedVersionChange } from '../../production'
import type { PlaylistScope } from '../review-ports'
import { isGuestAuthor, type PlaylistContext } from './playlist-context'
import { type PlaylistGateImpl, taskVisibleTo, viewerAccess } from './playlist-gate'

/** The task's approved version after a status note about `versionId`. */
export function approvedAfter(status: StatusRecord | undefined, versionId: string, approved: string | null) {
  if (status?.isDone) return versionId
  if (status?.isRetake && approved === versionId) return null
  return approved
}

export function createPlaylistNotes(ctx: PlaylistContext, gate: PlaylistGateImpl) {
  const { repos } = ctx

  /** The item's task, when the caller may see it (vendors: only their own). */
  async function itemTask(scope: PlaylistScope, itemId: string) {
    const item = (await ctx.playlists.items(scope.playlistId)).find((i) => i.id === itemId)
    const task = item ? await repos.tasks.findById(item.taskId) : undefined
    if (!item || !task) throw new NotFound('item', itemId)
    const assignees = (await repos.tasks.assigneesOf([task.id])).get(task.id) ?? []
    const statuses = await repos.projects.statuses(scope.projectId)
    if (!taskVisibleTo(viewerAccess(scope), task, assignees, statuses).visible) throw new NotFound('item', itemId)
    return { item, task, statuses }
  }

  async function reviewComments(
    scope: PlaylistScope,
    statuses: readonly StatusRecord[],
    comments: readonly CommentRecord[],
  ): Promise<ReviewComment[]> {
    const viewer = viewerAccess(scope)
    const visible = (id: string | null) => {
      const s = id === null ? undefined : statuses.find((x) => x.id === id)
      return s !== undefined && canSeeStatus(viewer.role, s) ? id : null
    }
    const authors = new Map<string, { name: string; guest: boolean }>()
    for (const id of new Set(comments.map((c) => c.authorId))) {
      const user = await ctx.users.findById(id)
      authors.set(id, { name: user?.displayName ?? '', guest: isGuestAuthor(user) })
    }
    return comments.map((c) => ({
      id: c.id,
      taskId: c.taskId,
      authorId: c.authorId,
      authorRole: c.authorRole,
      text: c.text,
      statusId: visible(c.statusId),
      previousStatusId: visible(c.previousStatusId),
      forClient: c.forClient,
      mentions: c.mentions,
      versionIds: c.versionIds,
      frames: c.frames,
      createdAt: c.createdAt,
      authorName: authors.get(c.authorId)?.name ?? '',
      guest: authors.get(c.authorId)?.guest ?? false,
    }))
  }

  return {
    /** The notes on the item's task the caller may see, oldest first. */
    async list(principal: Principal, playlistId: string, itemId: string): Promise<{ items: ReviewComment[] }> {
      const scope = await gate.scope(principal, playlistId)
      const { task, statuses } = await itemTask(scope, itemId)
      const viewer = viewerAccess(scope)
      const comments = (await repos.tasks.comments([task.id])).filter((c) => canSeeComment(viewer, c))
      return { items: await reviewComments(scope, statuses, comments) }
    },

    /** Writes a note about a version of the item's task (and sets a status when asked). */
    async post(
      principal: Principal,
      playlistId: string,
      itemId: string,
      input: z.output<typeof PostReviewCommentRequest>,
    ): Promise<ReviewComment> {
      const scope = await gate.scope(principal, playlistId)
      requireAccess(scope.can.comment, `comment in playlist ${playlistId}`)
      if (scope.guest && input.statusId !== undefined)
        throw new Forbidden('not allowed: a guest may comment but not set a status')
      const { task, statuses } = await itemTask(scope, itemId)
      const ref = await gate.versionInPlaylist(scope, input.versionId)
      if (ref.taskId !== task.id) throw new NotFound('version', input.versionId)
      const comments = ctx.production.comments
      const prepared = await comments.prepare(
        principal,
        scope.projectId,
        {
          text: input.text,
          statusId: input.statusId,
          forClient: input.forClient,
          versionIds: [input.versionId],
          frames: input.frames ?? null,
        },
        // A guest is no member: they write as a client of the project with no membership.
        scope.access ?? viewerAccess(scope),
      )
      const status = statuses.find((s) => s.id === input.statusId)
      const approved = approvedAfter(status, input.versionId, task.approvedVersionId)
      const moved =
        approved === task.approvedVersionId
          ? []
          : [approvedVersionChange(scope.actorId, scope.projectId, task.id, task.shotId)]
      const written = await inProductionTransaction(ctx.db, async (r) => {
        const result = await comments.write(r, prepared, [task.id])
        if (moved.length > 0) {
          await r.tasks.update(task.id, { approvedVersionId: approved })
          await ctx.production.activity.record(r, scope.projectId, scope.actorId, moved)
        }
        return result
      })
      await comments.finish(prepared, written)
      await ctx.production.activity.publish(scope.projectId, moved)
      const [comment] = await reviewComments(scope, statuses, written.comments)
      if (!comment) throw new NotFound('item', itemId)
      await ctx.broadcast.comment(playlistId, itemId, comment)
      return comment
    },
  }
}
export type PlaylistNotes = ReturnType<typeof createPlaylistNotes>
