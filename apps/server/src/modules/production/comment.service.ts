// Comments are the write path for status: one comment may move its task to a new status
// (with the retake cap, date stamps and role rules), attach versions and mention people or
// departments. A batch comment does the same on many tasks in one transaction.
import {
  inProductionTransaction,
  type MemberRecord,
  type NotificationRecord,
  type ProductionRepositories,
  type ProjectRecord,
  type StatusRecord,
  type TaskRow,
} from '@aipipeline/db'
import {
  applyStatusChange,
  assertRetakeAllowed,
  assertWritable,
  canActOnTask,
  canSeeComment,
  canSeeTask,
  canSetStatus,
  findMentions,
  NotFound,
  type ProjectAccess,
  requireAccess,
} from '@aipipeline/domain'
import type { Principal } from '../auth'
import type { ActivityService, Change } from './activity.service'
import type { FolderService } from './folder.service'
import type { NotificationService } from './notification.service'
import type { ProductionAccessService } from './production-access.service'
import type { ProductionContext } from './production-context'
import { loadProjectView, type ProjectView } from './project-view'

export interface PreparedComment {
  principal: Principal
  projectId: string
  input: CommentInput
  view: ProjectView
  status: StatusRecord | undefined
  mentions: { userIds: string[]; departments: string[] }
  recipients: string[]
  members: MemberRecord[]
  project: ProjectRecord
}

export interface CommentInput {
  text: string
  statusId?: string | undefined
  forClient: boolean
  versionIds: string[]
  /** A review note's frame or range in its first version's media. */
  frames?: { start: number; end: number } | null
}

function statusFor(view: ProjectView, statusId: string): StatusRecord {
  const status = view.statuses.find((s) => s.id === statusId)
  // A status the caller may not see does not exist for them.
  if (!status || !view.v.statusVisible(status.id)) throw new NotFound('status', statusId)
  requireAccess(canSetStatus(view.access.role, status), `set status "${status.name}" as ${view.access.role}`)
  return status
}

function checkTask(view: ProjectView, task: TaskRow, assigneeIds: string[], statusChange: boolean): void {
  const department = view.v.taskTypeDepartment.get(task.taskTypeId) ?? null
  const scope = { assigneeIds, department }
  if (task.projectId !== view.access.projectId || !canSeeTask(view.access, scope)) throw new NotFound('task', task.id)
  assertWritable(view.access)
  if (statusChange) requireAccess(canActOnTask(view.access, scope), `change the status of task ${task.id}`)
}

export function createCommentService(
  ctx: ProductionContext,
  access: ProductionAccessService,
  activity: ActivityService,
  notifications: NotificationService,
  folders: FolderService,
) {
  const { repos } = ctx

  async function mentionsIn(projectId: string, text: string) {
    const members = await repos.projects.members(projectId)
    const departments = [...new Set(members.flatMap((m) => m.departments))]
    const found = findMentions(
      text,
      members.map((m) => ({ id: m.userId, names: [m.displayName, m.email.split('@')[0] ?? ''] })),
      departments,
    )
    const viaDepartment = members
      .filter((m) => m.departments.some((d) => found.departments.includes(d)))
      .map((m) => m.userId)
    return { mentions: found, recipients: [...new Set([...found.userIds, ...viaDepartment])], members }
  }

  /** Checks what does not depend on the tasks (status rules, mentions) before any write. */
  async function prepare(
    principal: Principal,
    projectId: string,
    input: CommentInput,
    /** The caller's access when it is not a membership (a review guest writes as a client). */
    resolved?: ProjectAccess,
  ): Promise<PreparedComment> {
    const view = await loadProjectView(repos, access, principal, projectId, resolved)
    const status = input.statusId === undefined ? undefined : statusFor(view, input.statusId)
    const { mentions, recipients, members } = await mentionsIn(projectId, input.text)
    const project = await repos.projects.findById(projectId)
    if (!project) throw new NotFound('project', projectId)
    return { principal, projectId, input, view, status, mentions, recipients, members, project }
  }

  /** Writes one comment per task inside the caller's transaction; throws to roll it all back. */
  async function write(r: ProductionRepositories, prepared: PreparedComment, taskIds: readonly string[]) {
    const { principal, projectId, input, view, status, mentions, recipients, project } = prepared
    // Staff flag a comment for clients; a client's own comment is shared with the other
    // clients only when they flag it (canSeeComment: the author always sees it).
    const forClient = input.forClient
    const tasks = await r.tasks.findByIds(taskIds)
    const byId = new Map(tasks.map((t) => [t.id, t]))
    const assignees = await r.tasks.assigneesOf(taskIds)
    const now = new Date().toISOString()
    const changes: Change[] = []
    const notes: Omit<NotificationRecord, 'id' | 'createdAt' | 'read'>[] = []
    const rows = []
    for (const id of taskIds) {
      const task = byId.get(id)
      if (!task) throw new NotFound('task', id)
      const assigned = assignees.get(id) ?? []
      checkTask(view, task, assigned, status !== undefined)
      if (input.versionIds.length > 0) {
        const versions = await r.tasks.versions([id])
        for (const v of input.versionIds) if (!versions.some((x) => x.id === v)) throw new NotFound('version', v)
      }
      if (status) {
        const from = view.statuses.find((s) => s.id === task.statusId) ?? status
        const enteringRetake = status.isRetake && task.statusId !== status.id
        if (enteringRetake) assertRetakeAllowed(task.retakeCount, project.retakeCap)
        const progress = applyStatusChange(task, from, status, now)
        await r.tasks.update(id, { ...progress, lastCommentAt: now })
      } else {
        await r.tasks.update(id, { lastCommentAt: now })
      }
      rows.push({
        projectId,
        taskId: id,
        authorId: principal.userId,
        authorRole: view.access.role,
        text: input.text,
        statusId: status?.id ?? null,
        previousStatusId: status ? task.statusId : null,
        forClient,
        mentions,
        versionIds: input.versionIds,
        frames: input.frames ?? null,
        createdAt: now,
      })
      for (const userId of new Set([...recipients, ...assigned])) {
        if (userId === principal.userId) continue
        notes.push({
          userId,
          projectId,
          kind: recipients.includes(userId) ? 'mention' : 'comment',
          actorId: principal.userId,
          taskId: id,
          commentId: null,
        })
      }
    }
    const comments = await r.tasks.insertComments(rows)
    for (const c of comments) {
      const task = byId.get(c.taskId)
      if (!task) continue
      changes.push(commentChange(projectId, principal.userId, c.id, task, forClient, now))
      if (status) changes.push(statusChange(projectId, principal.userId, task, status, c.id, now))
    }
    await activity.record(r, projectId, principal.userId, changes)
    // Inside the transaction: a folder that cannot be made undoes the comment and the status.
    if (status && project.folderStatusId === status.id) {
      await folders.createShotFolders(
        r,
        projectId,
        tasks.map((t) => t.shotId),
      )
    }
    const commentOf = new Map(comments.map((c) => [c.taskId, c.id]))
    const saved = await r.activity.notify(
      notes
        .filter((n) => mayRead(prepared, n.userId, assignees.get(n.taskId ?? '') ?? []))
        .map((n) => ({ ...n, commentId: commentOf.get(n.taskId ?? '') ?? null })),
    )
    return { comments, changes, saved, shotIds: tasks.map((t) => t.shotId) }
  }

  /** After commit: events and notifications (nothing here can fail the change). */
  async function finish(prepared: PreparedComment, result: WrittenComments): Promise<void> {
    await activity.publish(prepared.projectId, result.changes)
    notifications.push(result.saved)
  }
  type WrittenComments = Awaited<ReturnType<typeof write>>

  /** Posts one comment per task (same text and status); all or nothing. */
  async function post(principal: Principal, projectId: string, taskIds: readonly string[], input: CommentInput) {
    const prepared = await prepare(principal, projectId, input)
    const result = await inProductionTransaction(ctx.db, (r) => write(r, prepared, taskIds))
    await finish(prepared, result)
    return result.comments
  }

  return {
    /**
     * The comment write path in steps, for callers that write comments inside their own
     * transaction (spreadsheet import): prepare before it, write in it, finish after commit.
     */
    prepare,
    write,
    finish,

    /** Posts a comment on one task (optionally changing its status). */
    async postOne(principal: Principal, taskId: string, input: CommentInput) {
      const task = await repos.tasks.findById(taskId)
      if (!task) throw new NotFound('task', taskId)
      const [comment] = await post(principal, task.projectId, [taskId], input)
      if (!comment) throw new NotFound('task', taskId)
      return comment
    },

    /** The batch comment: the same text and status on many tasks, in one transaction. */
    async postMany(principal: Principal, projectId: string, taskIds: readonly string[], input: CommentInput) {
      return { items: await post(principal, projectId, [...new Set(taskIds)], input) }
    },
  }
}
export type CommentService = ReturnType<typeof createCommentService>

/** Whether a member may read the comment on a task with these assignees (notifications). */
function mayRead(prepared: PreparedComment, userId: string, assigneeIds: string[]): boolean {
  const m = prepared.members.find((x) => x.userId === userId)
  if (!m) return false
  const role = m.globalRole === 'admin' ? 'admin' : (m.projectRole ?? m.globalRole)
  const who: ProjectAccess = { projectId: prepared.projectId, userId, role, departments: m.departments }
  return (
    canSeeComment(who, { forClient: prepared.input.forClient, authorId: prepared.principal.userId }) &&
    canSeeTask(who, { assigneeIds, department: null })
  )
}

function commentChange(
  projectId: string,
  actorId: string,
  commentId: string,
  task: TaskRow,
  forClient: boolean,
  at: string,
): Change {
  return {
    event: 'comment:new',
    payload: { projectId, actorId, at, commentId, taskId: task.id, shotId: task.shotId },
    entityId: commentId,
    shotId: task.shotId,
    taskId: task.id,
    taskIds: [task.id],
    clientVisible: forClient,
    data: { commentId },
  }
}

// `commentId` names the comment that carried the change: its text is the change's note in activity sentences.
function statusChange(
  projectId: string,
  actorId: string,
  task: TaskRow,
  status: StatusRecord,
  commentId: string,
  at: string,
): Change {
  return {
    event: 'task:status-changed',
    payload: {
      projectId,
      actorId,
      at,
      taskId: task.id,
      shotId: task.shotId,
      statusId: status.id,
      previousStatusId: task.statusId,
    },
    entityId: task.id,
    shotId: task.shotId,
    taskId: task.id,
    taskIds: [task.id],
    clientVisible: true,
    data: { statusId: status.id, previousStatusId: task.statusId, commentId },
  }
}
