// Playlist items as one caller sees them: each item's task, shot and the version its choice
// resolves to (newest, the task's approved one, or the pinned one). Vendors see only items of
// tasks assigned to them; clients and guests see an item's status and version only while the
// task shows them a status they may see. A few flat reads serve the whole playlist.
import type { PlaylistItem, ReviewVersion } from '@aipipeline/contracts'
import type { PlaylistItemRecord, TaskRow, VersionFileRecord, VersionRecord } from '@aipipeline/db'
import type { PlaylistScope } from '../review-ports'
import type { PlaylistContext } from './playlist-context'
import { taskVisibleTo, viewerAccess } from './playlist-gate'

/** The version an item's choice points at, among its task's versions (oldest first). */
export function chosenVersion(
  item: Pick<PlaylistItemRecord, 'versionChoice' | 'pinnedVersionId'>,
  task: Pick<TaskRow, 'approvedVersionId'>,
  versions: readonly VersionRecord[],
): VersionRecord | undefined {
  switch (item.versionChoice) {
    case 'latest':
      return versions.reduce<VersionRecord | undefined>(
        (a, v) => (a === undefined || v.number > a.number ? v : a),
        undefined,
      )
    case 'approved':
      return versions.find((v) => v.id === task.approvedVersionId)
    case 'pinned':
      return versions.find((v) => v.id === item.pinnedVersionId)
  }
}

/** Versions as review shows them: size from the output file, author's name, proxy state. */
export async function reviewVersions(
  ctx: PlaylistContext,
  versions: readonly VersionRecord[],
  approvedVersionIdOf: (taskId: string) => string | null,
): Promise<ReviewVersion[]> {
  const files = await ctx.repos.tasks.versionFiles(versions.map((v) => v.id))
  const authors = await authorNames(
    ctx,
    versions.flatMap((v) => (v.authorId === null ? [] : [v.authorId])),
  )
  return Promise.all(
    versions.map(async (v) => {
      const output = files.find((f: VersionFileRecord) => f.versionId === v.id && f.role === 'output')
      const kind = v.kind === 'video' ? 'video' : 'image'
      return {
        id: v.id,
        taskId: v.taskId,
        number: v.number,
        kind,
        width: output?.width ?? null,
        height: output?.height ?? null,
        createdAt: v.createdAt,
        authorName: v.authorId === null ? null : (authors.get(v.authorId) ?? null),
        approved: approvedVersionIdOf(v.taskId) === v.id,
        proxy: kind === 'video' ? await ctx.proxies.get(v.id) : null,
      }
    }),
  )
}

/** Display names by user id (unknown users are left out). */
export async function authorNames(ctx: PlaylistContext, userIds: readonly string[]) {
  const names = new Map<string, string>()
  for (const id of new Set(userIds)) {
    const user = await ctx.users.findById(id)
    if (user) names.set(id, user.displayName)
  }
  return names
}

/** The items of a playlist the caller may see, in order. */
export async function itemViews(
  ctx: PlaylistContext,
  scope: PlaylistScope,
  items: readonly PlaylistItemRecord[],
): Promise<PlaylistItem[]> {
  const { repos } = ctx
  const taskIds = items.map((i) => i.taskId)
  const [tasks, assignees, statuses, taskTypes, sequences, versions] = await Promise.all([
    repos.tasks.findByIds(taskIds),
    repos.tasks.assigneesOf(taskIds),
    repos.projects.statuses(scope.projectId),
    repos.projects.taskTypes(scope.projectId),
    repos.projects.sequences(scope.projectId),
    repos.tasks.versions(taskIds),
  ])
  const taskById = new Map(tasks.map((t) => [t.id, t]))
  const shots = new Map((await repos.shots.findByIds([...new Set(tasks.map((t) => t.shotId))])).map((s) => [s.id, s]))
  const viewer = viewerAccess(scope)
  const shown: {
    item: PlaylistItemRecord
    task: TaskRow
    statusVisible: boolean
    version: VersionRecord | undefined
  }[] = []
  for (const item of items) {
    const task = taskById.get(item.taskId)
    if (!task) continue
    const seen = taskVisibleTo(viewer, task, assignees.get(task.id) ?? [], statuses)
    if (!seen.visible) continue
    const own = versions.filter((v) => v.taskId === task.id)
    const version = seen.statusVisible ? chosenVersion(item, task, own) : undefined
    shown.push({ item, task, statusVisible: seen.statusVisible, version })
  }
  const chosen = shown.flatMap((s) => (s.version ? [s.version] : []))
  const views = new Map(
    (await reviewVersions(ctx, chosen, (id) => taskById.get(id)?.approvedVersionId ?? null)).map((v) => [v.id, v]),
  )
  return shown.map(({ item, task, statusVisible, version }) => {
    const shot = shots.get(task.shotId)
    return {
      id: item.id,
      playlistId: item.playlistId,
      taskId: task.id,
      shotId: task.shotId,
      shotCode: shot?.code ?? '',
      sequenceCode: sequences.find((s) => s.id === shot?.sequenceId)?.code ?? null,
      taskTypeId: task.taskTypeId,
      taskTypeName: taskTypes.find((t) => t.id === task.taskTypeId)?.name ?? '',
      statusId: statusVisible ? task.statusId : null,
      versionChoice: item.versionChoice,
      pinnedVersionId: item.pinnedVersionId,
      version: version ? (views.get(version.id) ?? null) : null,
      frameIn: shot?.frameIn ?? null,
      frameOut: shot?.frameOut ?? null,
    }
  })
}
