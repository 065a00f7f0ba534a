// Where a new playlist's items come from, as the ordered tasks of one project: a table
// selection (its order), a saved table view (its filter applied as the shot list applies it,
// then its sort), the tasks waiting for review (editorial order), or the cut (every shot in
// editorial order with its task of one type).
import { type PlaylistSource, ShotTableViewSettings } from '@aipipeline/contracts'
import type { ProductionRepositories, ShotListRecord } from '@aipipeline/db'
import { NotFound, type ProjectAccess } from '@aipipeline/domain'

export interface ResolvedSource {
  taskIds: string[]
  /** What the playlist was made for, when made for one task type or sequence. */
  taskTypeId: string | null
  sequenceId: string | null
}

const PAGE = 1000

/** Every shot the filter keeps, in editorial order (keyset pages through the shot list's query). */
async function filteredShots(
  repos: ProductionRepositories,
  projectId: string,
  filter: ShotTableViewSettings['filter'],
): Promise<ShotListRecord[]> {
  const out: ShotListRecord[] = []
  for (;;) {
    const last = out.at(-1)
    const page = await repos.lists.page({
      projectId,
      sequenceIds: filter.sequenceIds,
      search: filter.search || undefined,
      assignedTo: filter.assigneeIds,
      taskTypeId: filter.taskTypeId ?? undefined,
      statusIds: filter.statusIds,
      sort: 'order',
      descending: false,
      limit: PAGE,
      after: last ? { value: last.orderKey, id: last.id } : undefined,
    })
    out.push(...page)
    if (page.length < PAGE) return out
  }
}

type SortKey = ShotTableViewSettings['sort']['key']

function sortValue(shot: ShotListRecord, key: SortKey): string | number | null {
  switch (key) {
    case 'order':
      return null // editorial order is the order the shots came in
    case 'code':
      return shot.code
    case 'description':
      return shot.description
    case 'frameIn':
      return shot.frameIn
    case 'frameOut':
      return shot.frameOut
    case 'duration':
      return shot.frameIn !== null && shot.frameOut !== null ? shot.frameOut - shot.frameIn + 1 : null
    default: {
      const value = shot.customFields[key.slice('field:'.length)]
      return value === undefined || value === null ? null : typeof value === 'number' ? value : String(value)
    }
  }
}

/** The view's sort over shots already in editorial order (stable: ties keep editorial order; empty last). */
export function sortShots(shots: readonly ShotListRecord[], sort: ShotTableViewSettings['sort']): ShotListRecord[] {
  if (sort.key === 'order') return sort.desc ? [...shots].reverse() : [...shots]
  const sign = sort.desc ? -1 : 1
  return shots
    .map((shot, i) => ({ shot, i, value: sortValue(shot, sort.key) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === b.value ? a.i - b.i : a.value === null ? 1 : -1
      const c =
        typeof a.value === 'number' && typeof b.value === 'number'
          ? a.value - b.value
          : String(a.value).localeCompare(String(b.value))
      return c === 0 ? a.i - b.i : sign * c
    })
    .map((x) => x.shot)
}

/** The task of `taskTypeId` on each shot, in the shots' order (shots without one are skipped). */
async function tasksOfType(
  repos: ProductionRepositories,
  projectId: string,
  shots: readonly ShotListRecord[],
  taskTypeId: string,
): Promise<string[]> {
  const tasks = await repos.lists.tasks(
    projectId,
    shots.map((s) => s.id),
  )
  const byShot = new Map(tasks.filter((t) => t.taskTypeId === taskTypeId).map((t) => [t.shotId, t.id]))
  return shots.flatMap((s) => byShot.get(s.id) ?? [])
}

async function assertTaskType(repos: ProductionRepositories, projectId: string, taskTypeId: string | undefined) {
  if (taskTypeId === undefined) return
  const types = await repos.projects.taskTypes(projectId)
  if (!types.some((t) => t.id === taskTypeId)) throw new NotFound('taskType', taskTypeId)
}

async function assertSequence(repos: ProductionRepositories, projectId: string, sequenceId: string | undefined) {
  if (sequenceId === undefined) return
  const sequences = await repos.projects.sequences(projectId)
  if (!sequences.some((s) => s.id === sequenceId)) throw new NotFound('sequence', sequenceId)
}

/** The ordered tasks a source names, all of the caller's project (anything else is NotFound). */
export async function resolveSource(
  repos: ProductionRepositories,
  access: ProjectAccess,
  source: PlaylistSource,
): Promise<ResolvedSource> {
  const { projectId } = access
  switch (source.kind) {
    case 'empty':
      return { taskIds: [], taskTypeId: null, sequenceId: null }
    case 'tasks': {
      const ids = [...new Set(source.taskIds)]
      const found = new Set(
        (await repos.tasks.findByIds(ids)).filter((t) => t.projectId === projectId).map((t) => t.id),
      )
      const missing = ids.find((id) => !found.has(id))
      if (missing !== undefined) throw new NotFound('task', missing)
      return { taskIds: ids, taskTypeId: null, sequenceId: null }
    }
    case 'view': {
      const record = await repos.tableViews.find(source.viewId)
      const visible = record?.projectId === projectId && (record.shared || record.ownerId === access.userId)
      if (!record || !visible) throw new NotFound('view', source.viewId)
      const settings = ShotTableViewSettings.safeParse(JSON.parse(record.view))
      if (!settings.success) throw new NotFound('view', source.viewId)
      await assertTaskType(repos, projectId, source.taskTypeId)
      const shots = sortShots(await filteredShots(repos, projectId, settings.data.filter), settings.data.sort)
      return {
        taskIds: await tasksOfType(repos, projectId, shots, source.taskTypeId),
        taskTypeId: source.taskTypeId,
        sequenceId: null,
      }
    }
    case 'latestForReview': {
      await assertTaskType(repos, projectId, source.taskTypeId)
      await assertSequence(repos, projectId, source.sequenceId)
      const waiting = new Set(
        (await repos.projects.statuses(projectId)).filter((s) => s.isFeedbackRequest).map((s) => s.id),
      )
      const shots = (await repos.lists.allShots(projectId)).filter(
        (s) => source.sequenceId === undefined || s.sequenceId === source.sequenceId,
      )
      const order = new Map(shots.map((s, i) => [s.id, i]))
      const types = new Map((await repos.projects.taskTypes(projectId)).map((t) => [t.id, t.position]))
      const tasks = (await repos.lists.tasks(projectId))
        .filter((t) => waiting.has(t.statusId) && order.has(t.shotId))
        .filter((t) => source.taskTypeId === undefined || t.taskTypeId === source.taskTypeId)
        .sort(
          (a, b) =>
            (order.get(a.shotId) ?? 0) - (order.get(b.shotId) ?? 0) ||
            (types.get(a.taskTypeId) ?? 0) - (types.get(b.taskTypeId) ?? 0),
        )
      return {
        taskIds: tasks.map((t) => t.id),
        taskTypeId: source.taskTypeId ?? null,
        sequenceId: source.sequenceId ?? null,
      }
    }
    case 'cut': {
      await assertTaskType(repos, projectId, source.taskTypeId)
      await assertSequence(repos, projectId, source.sequenceId)
      const shots = (await repos.lists.allShots(projectId)).filter(
        (s) => source.sequenceId === undefined || s.sequenceId === source.sequenceId,
      )
      return {
        taskIds: await tasksOfType(repos, projectId, shots, source.taskTypeId),
        taskTypeId: source.taskTypeId,
        sequenceId: source.sequenceId ?? null,
      }
    }
  }
}
