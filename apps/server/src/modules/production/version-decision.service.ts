// Approving a version or asking for a retake: one status comment on the version's task through
// the comment write path (status rules, retake cap, activity, notifications all follow), and
// the task's approved version, in one transaction.
import type { ApproveVersionRequest, RetakeVersionRequest, VersionDecision } from '@aipipeline/contracts'
import { inProductionTransaction, type VersionRecord } from '@aipipeline/db'
import {
  canSeeTask,
  decisionStatus,
  NotFound,
  RuleViolation,
  retakeCommentText,
  ValidationFailed,
  type VersionDecisionKind,
} from '@aipipeline/domain'
import type { z } from 'zod'
import type { Principal } from '../auth'
import type { ActivityService, Change } from './activity.service'
import type { CommentService } from './comment.service'
import type { ProductionAccessService } from './production-access.service'
import type { ProductionContext } from './production-context'
import { loadProjectView } from './project-view'

type Decision = z.input<typeof VersionDecision>

/** The change a moved approved version records and publishes (the table and board show it). */
export function approvedVersionChange(actorId: string, projectId: string, taskId: string, shotId: string): Change {
  const fields = ['approvedVersionId']
  return {
    event: 'task:update',
    payload: { projectId, actorId, at: new Date().toISOString(), taskIds: [taskId], fields },
    entityId: taskId,
    shotId,
    taskId,
    taskIds: [taskId],
    clientVisible: true,
    data: { fields },
  }
}

export function createVersionDecisionService(
  ctx: ProductionContext,
  access: ProductionAccessService,
  activity: ActivityService,
  comments: CommentService,
) {
  const { repos } = ctx

  /** The version, its task and the decision's status; hidden versions are NotFound. */
  async function load(principal: Principal, versionId: string, kind: VersionDecisionKind) {
    const version = await repos.tasks.findVersion(versionId)
    if (!version) throw new NotFound('version', versionId)
    const hidden = new NotFound('version', versionId)
    const view = await loadProjectView(repos, access, principal, version.projectId).catch((err: unknown) => {
      throw err instanceof NotFound ? hidden : err
    })
    const task = await repos.tasks.findById(version.taskId)
    if (!task) throw hidden
    const assignees = (await repos.tasks.assigneesOf([task.id])).get(task.id) ?? []
    if (!canSeeTask(view.access, { assigneeIds: assignees, department: null }) || !view.v.statusVisible(task.statusId))
      throw hidden
    const status = decisionStatus(
      view.statuses.filter((s) => view.v.statusVisible(s.id)),
      kind,
    )
    if (!status) {
      const flag = kind === 'approve' ? 'done' : 'retake'
      throw new RuleViolation(`the project has no ${flag} status to ${kind} with`, { kind })
    }
    return { version, task, status }
  }

  /** Posts the decision's status comment and moves the task's approved version in one transaction. */
  async function decide(
    principal: Principal,
    versionId: string,
    kind: VersionDecisionKind,
    textOf: (version: VersionRecord) => Promise<string>,
  ): Promise<Decision> {
    const { version, task, status } = await load(principal, versionId, kind)
    const prepared = await comments.prepare(principal, version.projectId, {
      text: await textOf(version),
      statusId: status.id,
      forClient: false,
      versionIds: [version.id],
    })
    const approvedVersionId =
      kind === 'approve' ? version.id : task.approvedVersionId === version.id ? null : task.approvedVersionId
    const moved = approvedVersionId !== task.approvedVersionId
    const { written, change } = await inProductionTransaction(ctx.db, async (r) => {
      const written = await comments.write(r, prepared, [task.id])
      if (!moved) return { written, change: undefined }
      await r.tasks.update(task.id, { approvedVersionId })
      const change = approvedVersionChange(principal.userId, version.projectId, version.taskId, task.shotId)
      await activity.record(r, version.projectId, principal.userId, [change])
      return { written, change }
    })
    await comments.finish(prepared, written)
    if (change) await activity.publish(version.projectId, [change])
    const comment = written.comments[0]
    if (!comment) throw new NotFound('task', task.id)
    return { versionId: version.id, taskId: task.id, commentId: comment.id, statusId: status.id, approvedVersionId }
  }

  return {
    /** Approves a version: the project's approval status on its task, and the task's approved version. */
    approve(principal: Principal, versionId: string, body: z.output<typeof ApproveVersionRequest>) {
      return decide(principal, versionId, 'approve', async () => body.note)
    },

    /**
     * Asks for a retake with a note; for video the frame leads the note as the viewer counts it
     * (the project's start frame + the offset). A retaken approved version is no longer approved.
     */
    retake(principal: Principal, versionId: string, body: z.output<typeof RetakeVersionRequest>) {
      return decide(principal, versionId, 'retake', async (version) => {
        if (body.frame === undefined) return retakeCommentText(body.note, undefined)
        if (version.kind !== 'video')
          throw new ValidationFailed('only a video has frames', [
            { path: 'body.frame', message: 'only a video version has frames' },
          ])
        const project = await repos.projects.findById(version.projectId)
        return retakeCommentText(body.note, (project?.startFrame ?? 0) + body.frame)
      })
    },
  }
}
export type VersionDecisionService = ReturnType<typeof createVersionDecisionService>
