// Applies a planned spreadsheet import in ONE transaction: shot fields, new shots with their
// tasks, assignees, and status changes through the comment write path (one batch comment per
// status, so retake caps, role rules and date stamps hold). Anything refused part-way rolls
// all of it back; events and notifications go out only after the commit.
import { inProductionTransaction, type ShotRecord, type TaskRow } from '@aipipeline/db'
import { keysBetween, NotFound } from '@aipipeline/domain'
import type { Principal } from '../auth'
import type { ActivityService, Change } from './activity.service'
import type { CommentService } from './comment.service'
import type { ProductionContext } from './production-context'
import type { ProjectView } from './project-view'
import type { PlannedShot } from './spreadsheet-import'

export interface ImportDeps {
  ctx: ProductionContext
  activity: ActivityService
  comments: CommentService
}

const STATUS_NOTE = 'Status set by spreadsheet import'

/** Writes `work` (planned rows that create or change something) all or nothing. */
export async function applyImport(
  deps: ImportDeps,
  principal: Principal,
  view: ProjectView,
  work: readonly PlannedShot[],
  tasks: readonly Pick<TaskRow, 'id' | 'shotId' | 'taskTypeId' | 'statusId'>[],
): Promise<void> {
  const projectId = view.access.projectId
  const pending = view.statuses.find((s) => s.isDefault)
  if (!pending) throw new NotFound('default status')
  // Status rules that do not depend on the tasks are checked before anything is written.
  const statusIds = [...new Set(work.flatMap((p) => [...p.statuses.values()]))]
  const prepared = new Map<string, Awaited<ReturnType<CommentService['prepare']>>>()
  for (const statusId of statusIds)
    prepared.set(
      statusId,
      await deps.comments.prepare(principal, projectId, {
        text: STATUS_NOTE,
        statusId,
        forClient: false,
        versionIds: [],
      }),
    )

  const result = await inProductionTransaction(deps.ctx.db, async (r) => {
    const creates = work.filter((p) => !p.shot)
    const keys = keysBetween(await r.shots.lastOrderKey(projectId), null, creates.length)
    const created = await r.shots.insertMany(
      creates.map((p, i) => ({
        projectId,
        sequenceId: p.sequenceId,
        code: p.code,
        orderKey: keys[i] ?? '',
        description: p.description,
        frameIn: p.frameIn,
        frameOut: p.frameOut,
        customFields: p.customFields,
      })),
    )
    const newTasks = await r.shots.insertTasks(
      projectId,
      created.flatMap((s) => view.taskTypes.map((t) => ({ shotId: s.id, taskTypeId: t.id }))),
      pending.id,
    )
    // Indexed once: a 10,000-row import must not scan 40,000 tasks per row.
    const taskOf = new Map<string, (typeof tasks)[number]>()
    for (const t of [...tasks, ...newTasks]) taskOf.set(`${t.shotId}/${t.taskTypeId}`, t)
    const shotOf = new Map<PlannedShot, ShotRecord>()
    creates.forEach((p, i) => {
      const shot = created[i]
      if (shot) shotOf.set(p, shot)
    })
    const statusMoves = new Map<string, string[]>()
    for (const p of work) {
      const shot = p.shot ?? shotOf.get(p)
      if (!shot) continue
      if (p.shot)
        await r.shots.update(shot.id, {
          sequenceId: p.sequenceId,
          code: p.code,
          description: p.description,
          frameIn: p.frameIn,
          frameOut: p.frameOut,
          customFields: p.customFields,
        })
      for (const [typeId, userIds] of p.assignees) {
        const task = taskOf.get(`${shot.id}/${typeId}`)
        // A new shot's tasks start with nobody: an empty cell there is no write (40,000 on a big sheet).
        if (task && (p.shot || userIds.length > 0)) await r.tasks.setAssignees(projectId, task.id, userIds)
      }
      for (const [typeId, statusId] of p.statuses) {
        const task = taskOf.get(`${shot.id}/${typeId}`)
        if (task && task.statusId !== statusId)
          statusMoves.set(statusId, [...(statusMoves.get(statusId) ?? []), task.id])
      }
    }
    const changes = importChanges(projectId, principal.userId, created, work)
    await deps.activity.record(r, projectId, principal.userId, changes)
    const written = []
    for (const [statusId, taskIds] of statusMoves) {
      const p = prepared.get(statusId)
      if (!p) throw new NotFound('status', statusId)
      written.push({ prepared: p, result: await deps.comments.write(r, p, taskIds) })
    }
    return { changes, written }
  })
  await deps.activity.publish(projectId, result.changes)
  for (const w of result.written) await deps.comments.finish(w.prepared, w.result)
}

function importChanges(
  projectId: string,
  actorId: string,
  created: readonly ShotRecord[],
  work: readonly PlannedShot[],
): Change[] {
  const at = new Date().toISOString()
  const out: Change[] = []
  if (created.length > 0)
    out.push({
      event: 'shot:new',
      payload: { projectId, actorId, at, shotIds: created.map((s) => s.id) },
      entityId: created[0]?.id ?? projectId,
      shotId: null,
      taskId: null,
      taskIds: [],
      clientVisible: true,
      data: { shotIds: created.map((s) => s.id), source: 'import' },
    })
  const updated = work.flatMap((p) => (p.shot ? [p.shot.id] : []))
  if (updated.length > 0)
    out.push({
      event: 'shot:update',
      payload: { projectId, actorId, at, shotIds: updated, fields: ['import'] },
      entityId: updated[0] ?? projectId,
      shotId: null,
      taskId: null,
      taskIds: [],
      clientVisible: false,
      data: { shotIds: updated, source: 'import' },
    })
  return out
}
