// The kanban board's model: columns are the statuses the caller's role sees on the board,
// cards are tasks (from the compact shot table), and a card dropped on a column shows there
// at once while the status comment is on its way (rolled back if the server refuses).
import type { Project, ShotTable } from '@aipipeline/contracts'
import type { Role } from '@aipipeline/domain'

type Status = Project['statuses'][number]

/** The statuses that are columns for `role`, in the project's order. */
export function boardColumns(statuses: readonly Status[], role: Role): Status[] {
  return statuses.filter((s) => s.boardVisibleTo.includes(role))
}

export interface BoardFilter {
  sequenceIds: string[]
  taskTypeId: string | null
  assigneeIds: string[]
}

export interface BoardCard {
  taskId: string
  shotId: string
  shotCode: string
  sequenceId: string
  taskTypeId: string
  statusId: string | null
  assigneeIds: string[]
  orderKey: string
}

/** Cards that pass the filter, in editorial order, with optimistic statuses applied. */
export function boardCards(
  table: ShotTable,
  filter: BoardFilter,
  pending: ReadonlyMap<string, string> = new Map(),
): BoardCard[] {
  const { shots, tasks } = table
  const cards: BoardCard[] = []
  tasks.id.forEach((taskId, t) => {
    const shot = tasks.shot[t] ?? -1
    const sequenceId = shots.sequenceId[shot] ?? ''
    const taskTypeId = tasks.taskTypeId[t] ?? ''
    const assigneeIds = tasks.assigneeIds[t] ?? []
    if (filter.sequenceIds.length > 0 && !filter.sequenceIds.includes(sequenceId)) return
    if (filter.taskTypeId !== null && filter.taskTypeId !== taskTypeId) return
    if (filter.assigneeIds.length > 0 && !assigneeIds.some((id) => filter.assigneeIds.includes(id))) return
    cards.push({
      taskId,
      shotId: shots.id[shot] ?? '',
      shotCode: shots.code[shot] ?? '',
      sequenceId,
      taskTypeId,
      statusId: pending.get(taskId) ?? tasks.statusId[t] ?? null,
      assigneeIds,
      orderKey: shots.orderKey[shot] ?? '',
    })
  })
  return cards.sort((a, b) => (a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : 0))
}

/** Cards per column id; cards whose status is not a column are left out. */
export function cardsByColumn(cards: readonly BoardCard[], columns: readonly Status[]): Map<string, BoardCard[]> {
  const out = new Map(columns.map((c) => [c.id, [] as BoardCard[]]))
  for (const card of cards) if (card.statusId !== null) out.get(card.statusId)?.push(card)
  return out
}

/** Whether a card may be dropped on a column: a real move to a status the caller may set. */
export function canDrop(card: BoardCard, column: Status): boolean {
  return column.canSet && card.statusId !== column.id
}
