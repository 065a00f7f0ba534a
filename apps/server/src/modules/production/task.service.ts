// Tasks: detail with the comments and versions the caller may see, planning edits,
// batch assignment, and the activity log.

import type { ActivityQuery, BatchAssignRequest, TaskDetail, UpdateTaskRequest } from '@aipipeline/contracts'
import { type ActivityRecord, inProductionTransaction, type TaskRow } from '@aipipeline/db'
import {
  assertWritable,
  canActOnTask,
  canEditBreakdown,
  canSeeComment,
  canSeeTask,
  followedDepartments,
  NotFound,
  requireAccess,
  seesOnlyAssigned,
  ValidationFailed,
} from '@aipipeline/domain'
import type { z } from 'zod'
import type { Principal } from '../auth'
import type { ActivityService, Change } from './activity.service'
import type { NotificationService } from './notification.service'
import type { ProductionAccessService } from './production-access.service'
import type { ProductionContext } from './production-context'
import { taskView } from './production-visibility'
import { loadProjectView, type ProjectView } from './project-view'
import { showsGenerationDetails, versionView } from './version.service'

export function createTaskService(
  ctx: ProductionContext,
  access: ProductionAccessService,
  activity: ActivityService,
  notifications: NotificationService,
) {
  const { repos } = ctx

  async function visibleTask(
    principal: Principal,
    taskId: string,
  ): Promise<{ task: TaskRow; view: ProjectView; assignees: string[] }> {
    const task = await repos.tasks.findById(taskId)
    if (!task) throw new NotFound('task', taskId)
    const view = await loadProjectView(repos, access, principal, task.projectId)
    const assignees = (await repos.tasks.assigneesOf([taskId])).get(taskId) ?? []
    if (!canSeeTask(view.access, { assigneeIds: assignees, department: null })) throw new NotFound('task', taskId)
    return { task, view, assignees }
  }

  return {
    async get(principal: Principal, taskId: string): Promise<z.input<typeof TaskDetail>> {
      const { task, view, assignees } = await visibleTask(principal, taskId)
      const summary = taskView(view.v, task, assignees)
      if (!summary) throw new NotFound('task', taskId)
      const comments = (await repos.tasks.comments([taskId])).filter((c) => canSeeComment(view.access, c))
      // Clients see versions only while the task shows them a status they may see.
      const versions = summary.statusId === null ? [] : await repos.tasks.versions([taskId])
      const files = await repos.tasks.versionFiles(versions.map((v) => v.id))
      const generation = await showsGenerationDetails(repos, view.access)
      return {
        ...summary,
        shotId: task.shotId,
        realStartDate: task.realStartDate,
        endDate: task.endDate,
        doneDate: task.doneDate,
        lastCommentAt: task.lastCommentAt,
        estimateMinutes: task.estimateMinutes,
        timeSpentMinutes: task.timeSpentMinutes,
        comments: comments.map((c) => ({
          ...c,
          statusId: c.statusId !== null && view.v.statusVisible(c.statusId) ? c.statusId : null,
          previousStatusId:
            c.previousStatusId !== null && view.v.statusVisible(c.previousStatusId) ? c.previousStatusId : null,
        })),
        versions: versions.map((v) => versionView(v, files, generation)),
      }
    },

    async update(principal: Principal, taskId: string, patch: z.output<typeof UpdateTaskRequest>) {
      const { task, view, assignees } = await visibleTask(principal, taskId)
      // Planning is for supervisors and up; whoever may act on the task logs time on it.
      const onlyLogsTime = Object.keys(patch).every((k) => k === 'timeSpentMinutes')
      const mayLog = onlyLogsTime && canActOnTask(view.access, { assigneeIds: assignees, department: null })
      requireAccess(canEditBreakdown(view.access) || mayLog, 'plan tasks')
      assertWritable(view.access)
      const change: Change = {
        event: 'task:update',
        payload: {
          projectId: task.projectId,
          actorId: principal.userId,
          at: new Date().toISOString(),
          taskIds: [taskId],
          fields: Object.keys(patch),
        },
        entityId: taskId,
        shotId: task.shotId,
        taskId,
        taskIds: [taskId],
        clientVisible: false,
        data: { fields: Object.keys(patch) },
      }
      await inProductionTransaction(ctx.db, async (r) => {
        await r.tasks.update(taskId, patch)
        await activity.record(r, task.projectId, principal.userId, [change])
      })
      await activity.publish(task.projectId, [change])
      return this.get(principal, taskId)
    },

    /** Sets, adds or removes assignees on many tasks in one transaction; assignees must be members. */
    async batchAssign(principal: Principal, projectId: string, input: z.output<typeof BatchAssignRequest>) {
      const view = await loadProjectView(repos, access, principal, projectId)
      requireAccess(canEditBreakdown(view.access), 'assign tasks')
      assertWritable(view.access)
      const members = new Set((await repos.projects.members(projectId)).map((m) => m.userId))
      const stranger = input.userIds.find((u) => !members.has(u))
      if (stranger)
        throw new ValidationFailed(`user ${stranger} is not a member of this project`, [
          { path: 'userIds', message: 'not a member' },
        ])
      const taskIds = [...new Set(input.taskIds)]
      const result = await inProductionTransaction(ctx.db, async (r) => {
        const tasks = await r.tasks.findByIds(taskIds)
        const current = await r.tasks.assigneesOf(taskIds)
        const notes = []
        for (const id of taskIds) {
          const task = tasks.find((t) => t.id === id)
          if (!task || task.projectId !== projectId) throw new NotFound('task', id)
          const department = view.v.taskTypeDepartment.get(task.taskTypeId) ?? null
          requireAccess(canActOnTask(view.access, { assigneeIds: [], department }), `assign task ${id}`)
          const before = current.get(id) ?? []
          const next =
            input.mode === 'set'
              ? input.userIds
              : input.mode === 'add'
                ? [...new Set([...before, ...input.userIds])]
                : before.filter((u) => !input.userIds.includes(u))
          await r.tasks.setAssignees(projectId, id, next)
          current.set(id, next)
          for (const u of next)
            if (!before.includes(u) && u !== principal.userId)
              notes.push({
                userId: u,
                projectId,
                kind: 'assignment',
                actorId: principal.userId,
                taskId: id,
                commentId: null,
              })
        }
        const change: Change = {
          event: 'task:assign',
          payload: { projectId, actorId: principal.userId, at: new Date().toISOString(), taskIds },
          entityId: taskIds[0] ?? projectId,
          shotId: null,
          taskId: taskIds.length === 1 ? (taskIds[0] ?? null) : null,
          taskIds,
          clientVisible: false,
          data: { taskIds, userIds: input.userIds, mode: input.mode },
        }
        await activity.record(r, projectId, principal.userId, [change])
        return { tasks, current, change, saved: await r.activity.notify(notes) }
      })
      await activity.publish(projectId, [result.change])
      notifications.push(result.saved)
      return { items: result.tasks.flatMap((t) => taskView(view.v, t, result.current.get(t.id) ?? []) ?? []) }
    },

    /**
     * The activity log as the caller may see it: clients filtered (plus their own comments),
     * vendors their tasks only, supervisors with departments their departments' tasks.
     */
    async activity(principal: Principal, projectId: string, q: z.output<typeof ActivityQuery>) {
      const view = await loadProjectView(repos, access, principal, projectId)
      const me = view.access.userId
      const followed = followedDepartments(view.access)
      const types = followed && view.taskTypes.filter((t) => t.department !== null && followed.includes(t.department))
      const entries = await repos.activity.list({
        projectId,
        shotId: q.shotId,
        clientVisibleOnly: view.access.role === 'client',
        alsoActorId: view.access.role === 'client' ? me : undefined,
        taskIds: seesOnlyAssigned(view.access) ? await repos.lists.assignedTaskIds(projectId, me) : undefined,
        taskTypeIds: types?.map((t) => t.id),
        before: q.before,
        limit: q.limit,
      })
      const scoped = types ? await departmentEntries(new Set(types.map((t) => t.id)), entries) : entries
      return { items: activity.viewFor(view.v, scoped).map(({ projectId: _p, clientVisible: _c, ...e }) => e) }
    },
  }

  // Entries about several tasks at once (batch assignment) keep only the followed tasks.
  async function departmentEntries(types: Set<string>, entries: ActivityRecord[]): Promise<ActivityRecord[]> {
    const listed = (e: ActivityRecord) =>
      Array.isArray(e.data.taskIds) ? e.data.taskIds.filter((t): t is string => typeof t === 'string') : []
    const ids = [...new Set(entries.flatMap((e) => (e.taskId === null ? listed(e) : [])))]
    if (ids.length === 0) return entries
    const ours = new Set((await repos.tasks.findByIds(ids)).filter((t) => types.has(t.taskTypeId)).map((t) => t.id))
    return entries.flatMap((e) => {
      if (e.taskId !== null || listed(e).length === 0) return [e]
      const taskIds = listed(e).filter((t) => ours.has(t))
      return taskIds.length === 0 ? [] : [{ ...e, data: { ...e.data, taskIds } }]
    })
  }
}
export type TaskService = ReturnType<typeof createTaskService>
