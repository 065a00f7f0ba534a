// The shot table shows, per shot, the picture of its approved version where one task has one
// (the first task in the project's task type order), else the shot's own thumbnail version.
import type { LatestVersion, ShotTable } from '@aipipeline/contracts'

/** The approved version id per shot index (null where no task of the shot has one). */
export function approvedByShot(
  table: ShotTable,
  latest: ReadonlyMap<string, LatestVersion> | undefined,
  taskTypeOrder: readonly string[],
): (string | null)[] {
  const out: (string | null)[] = table.shots.id.map(() => null)
  const rank: number[] = table.shots.id.map(() => Number.POSITIVE_INFINITY)
  if (!latest) return out
  const order = new Map(taskTypeOrder.map((id, i) => [id, i]))
  table.tasks.id.forEach((taskId, t) => {
    const approved = latest.get(taskId)?.approved
    const shot = table.tasks.shot[t]
    if (!approved || shot === undefined) return
    const r = order.get(table.tasks.taskTypeId[t] ?? '') ?? taskTypeOrder.length
    if (r < (rank[shot] ?? Number.POSITIVE_INFINITY)) {
      rank[shot] = r
      out[shot] = approved.versionId
    }
  })
  return out
}
