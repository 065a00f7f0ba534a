// The shot list's two reads: a keyset page of rows with their visible tasks (three flat
// queries whatever the page size) and the compact whole-project table as column arrays
// (three queries, one pass). Both are built straight into the contract's shapes. The board
// also reads each visible task's newest version.
import {
  appendTask,
  emptyShotTable,
  type LatestVersion,
  type ShotListQuery,
  type ShotPage,
  type ShotRow,
  type ShotTable,
  type TaskSummary,
} from '@aipipeline/contracts'
import { countShotsBySequence, type Db, type ProductionRepositories, type ShotListRecord } from '@aipipeline/db'
import { canSeeTask, NotFound, seesOnlyAssigned, ValidationFailed } from '@aipipeline/domain'
import { z } from 'zod'
import { assigneesByTask, shotView, taskView, type Visibility } from './production-visibility'
import type { ProjectView } from './project-view'

const Cursor = z.tuple([z.string(), z.string()])

function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url')
}

function decodeCursor(cursor: string): { value: string; id: string } {
  try {
    const [value, id] = Cursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')))
    return { value, id }
  } catch {
    throw new ValidationFailed('invalid cursor', [{ path: 'query.cursor', message: 'not a cursor from this list' }])
  }
}

/** Shot rows with their visible tasks, from three flat reads. */
export async function shotRows(
  repos: ProductionRepositories,
  v: Visibility,
  shots: readonly ShotListRecord[],
): Promise<ShotRow[]> {
  const projectId = v.access.projectId
  const ids = shots.map((s) => s.id)
  if (ids.length === 0) return []
  const [tasks, pairs] = await Promise.all([repos.lists.tasks(projectId, ids), repos.lists.assignees(projectId, ids)])
  const assignees = assigneesByTask(pairs)
  const byShot = new Map<string, TaskSummary[]>()
  for (const t of tasks) {
    const view = taskView(v, t, assignees.get(t.id) ?? [])
    if (!view) continue
    const list = byShot.get(t.shotId)
    if (list) list.push(view)
    else byShot.set(t.shotId, [view])
  }
  return shots.map((s) => shotView(v, s, byShot.get(s.id) ?? []))
}

/** A page of shots; vendors only see shots with a task assigned to them. */
export async function listShots(
  db: Db,
  repos: ProductionRepositories,
  view: ProjectView,
  q: z.output<typeof ShotListQuery>,
): Promise<z.output<typeof ShotPage>> {
  const projectId = view.access.projectId
  const hidden = (q.statusIds ?? []).filter((id) => !view.v.statusVisible(id))
  if (hidden.length > 0) throw new NotFound('status', hidden[0])
  const scope = seesOnlyAssigned(view.access) ? [view.access.userId] : undefined
  // A vendor filtering by other people's assignments sees nothing: their scope is themselves.
  const outOfScope = scope && q.assigneeIds && q.assigneeIds.length > 0 && !q.assigneeIds.includes(view.access.userId)
  const shots = outOfScope
    ? []
    : await repos.lists.page({
        projectId,
        sequenceIds: q.sequenceIds,
        search: q.search,
        assignedTo: scope ?? q.assigneeIds,
        taskTypeId: q.taskTypeId,
        statusIds: q.statusIds,
        sort: q.sort,
        descending: q.desc,
        limit: q.limit + 1,
        after: q.cursor ? decodeCursor(q.cursor) : undefined,
      })
  const page = shots.slice(0, q.limit)
  const last = page.at(-1)
  const sortValue = (s: ShotListRecord) =>
    q.sort === 'code' ? s.code : q.sort === 'updated' ? s.updatedAt : s.orderKey
  const nextCursor = shots.length > q.limit && last ? encodeCursor(sortValue(last), last.id) : null
  const groups = q.groupBy === 'sequence' ? await countShotsBySequence(db, projectId, scope?.[0]) : undefined
  return { items: await shotRows(repos, view.v, page), nextCursor, ...(groups ? { groups } : {}) }
}

/** Every visible shot and task as column arrays (the grid's compact bulk mode). */
export async function shotTable(repos: ProductionRepositories, view: ProjectView): Promise<ShotTable> {
  const projectId = view.access.projectId
  const { v } = view
  const [allShots, tasks, pairs] = await Promise.all([
    repos.lists.allShots(projectId),
    repos.lists.tasks(projectId),
    repos.lists.assignees(projectId),
  ])
  const assignees = assigneesByTask(pairs)
  // Vendors see a shot only through a task assigned to them.
  const reach = seesOnlyAssigned(view.access)
    ? new Set(tasks.filter((t) => assignees.get(t.id)?.includes(view.access.userId)).map((t) => t.shotId))
    : undefined
  const shots = reach ? allShots.filter((s) => reach.has(s.id)) : allShots
  const fieldKeys = v.fields.map((f) => f.key)
  const { shots: s, tasks: t } = emptyShotTable()
  const index = new Map<string, number>()
  for (const shot of shots) {
    index.set(shot.id, s.id.length)
    s.id.push(shot.id)
    s.sequenceId.push(shot.sequenceId)
    s.code.push(shot.code)
    s.orderKey.push(shot.orderKey)
    s.description.push(shot.description)
    s.frameIn.push(shot.frameIn)
    s.frameOut.push(shot.frameOut)
    s.thumbnailVersionId.push(shot.thumbnailVersionId)
    s.customFields.push(pickFields(shot.customFields, fieldKeys))
  }
  for (const task of tasks) {
    const at = index.get(task.shotId)
    if (at === undefined) continue
    const summary = taskView(v, task, assignees.get(task.id) ?? [])
    if (summary) appendTask(t, at, summary)
  }
  return { shots: s, tasks: t }
}

/**
 * The newest version of each task whose versions the caller may see, by the rule a version
 * read applies: vendors only on tasks assigned to them, clients only while the task shows
 * them a status they may see.
 */
export async function latestVersions(
  repos: ProductionRepositories,
  view: ProjectView,
): Promise<{ items: LatestVersion[] }> {
  const projectId = view.access.projectId
  const [tasks, pairs, latest] = await Promise.all([
    repos.lists.tasks(projectId),
    repos.lists.assignees(projectId),
    repos.lists.latestVersions(projectId),
  ])
  const assignees = assigneesByTask(pairs)
  const visible = new Set(
    tasks
      .filter(
        (t) =>
          view.v.statusVisible(t.statusId) &&
          canSeeTask(view.access, { assigneeIds: assignees.get(t.id) ?? [], department: null }),
      )
      .map((t) => t.id),
  )
  return {
    items: latest
      .filter((v) => visible.has(v.taskId))
      .map((v) => ({
        ...v,
        kind: mediaKind(v.kind),
        approved: v.approved === null ? null : { ...v.approved, kind: mediaKind(v.approved.kind) },
      })),
  }
}

const mediaKind = (kind: string): 'image' | 'video' => (kind === 'video' ? 'video' : 'image')

/** Only the values of fields the caller may see (and that still exist). */
function pickFields(values: ShotListRecord['customFields'], keys: readonly string[]): ShotListRecord['customFields'] {
  const out: ShotListRecord['customFields'] = {}
  for (const k of keys) {
    const value = values[k]
    if (value !== undefined) out[k] = value
  }
  return out
}
