// Undo and redo of shot table edits. An entry is one user action (a typed cell, a pasted
// block, a batch status change or assignment from a selection) with the change that did it
// and the change that reverses it; undo sends the inverse, redo the forward change again.
// Pure state so React can hold it and tests can drive it.
import type { ShotUpdate } from './paste-plan'

/** What one action sent, as the server's batch routes take it. */
export type TableChange =
  /** Shot fields (batch shot edit). */
  | { kind: 'shots'; updates: ShotUpdate[] }
  /** Task statuses, posted as one status comment per target status (batch comment). */
  | { kind: 'statuses'; groups: { statusId: string; taskIds: string[] }[] }
  /** Task assignees, set per group of tasks that get the same people (batch assign). */
  | { kind: 'assignees'; groups: { userIds: string[]; taskIds: string[] }[] }

export interface HistoryEntry {
  forward: TableChange
  inverse: TableChange
  /** Cells changed, for the toolbar's "Undo (12 cells)" hint. */
  cells: number
}

export interface EditHistory {
  past: HistoryEntry[]
  future: HistoryEntry[]
}

export const EMPTY_HISTORY: EditHistory = { past: [], future: [] }
const LIMIT = 100

/** Whether a change sends nothing. */
export function isEmptyChange(change: TableChange): boolean {
  return change.kind === 'shots' ? change.updates.length === 0 : change.groups.length === 0
}

/** Records a new action; anything that was undone can no longer be redone. */
export function recordEdit(history: EditHistory, entry: HistoryEntry): EditHistory {
  if (isEmptyChange(entry.forward)) return history
  return { past: [...history.past, entry].slice(-LIMIT), future: [] }
}

/** The entry to undo and the history after undoing it; null when there is nothing to undo. */
export function takeUndo(history: EditHistory): { entry: HistoryEntry; history: EditHistory } | null {
  const entry = history.past.at(-1)
  if (!entry) return null
  return { entry, history: { past: history.past.slice(0, -1), future: [entry, ...history.future] } }
}

/** The entry to redo and the history after redoing it; null when there is nothing to redo. */
export function takeRedo(history: EditHistory): { entry: HistoryEntry; history: EditHistory } | null {
  const [entry, ...rest] = history.future
  if (!entry) return null
  return { entry, history: { past: [...history.past, entry], future: rest } }
}

/** Groups tasks by a key of their value, in first-seen order (one request per group). */
function groupBy<V>(items: readonly { taskId: string; value: V }[], key: (v: V) => string) {
  const groups = new Map<string, { value: V; taskIds: string[] }>()
  for (const { taskId, value } of items) {
    const k = key(value)
    const group = groups.get(k)
    if (group) group.taskIds.push(taskId)
    else groups.set(k, { value, taskIds: [taskId] })
  }
  return [...groups.values()]
}

/**
 * The entry for setting `statusId` on tasks whose statuses are now `before`: tasks already
 * there are left out, and undo puts each task back in its own earlier status.
 */
export function statusEdit(
  tasks: readonly { taskId: string; statusId: string | null }[],
  statusId: string,
): HistoryEntry {
  // A status the caller cannot see (null) cannot be put back, so such tasks are not touched.
  const changed = tasks.flatMap((t) =>
    t.statusId !== null && t.statusId !== statusId ? [{ taskId: t.taskId, value: t.statusId }] : [],
  )
  const taskIds = changed.map((t) => t.taskId)
  return {
    forward: { kind: 'statuses', groups: taskIds.length === 0 ? [] : [{ statusId, taskIds }] },
    inverse: {
      kind: 'statuses',
      groups: groupBy(changed, (s) => s).map((g) => ({ statusId: g.value, taskIds: g.taskIds })),
    },
    cells: taskIds.length,
  }
}

/** The entry for giving tasks the people `userIds`; undo gives each task back its own people. */
export function assigneeEdit(
  tasks: readonly { taskId: string; assigneeIds: string[] }[],
  userIds: string[],
): HistoryEntry {
  const same = (a: readonly string[]) => [...a].sort().join(',') === [...userIds].sort().join(',')
  const changed = tasks.flatMap((t) => (same(t.assigneeIds) ? [] : [{ taskId: t.taskId, value: t.assigneeIds }]))
  const taskIds = changed.map((t) => t.taskId)
  return {
    forward: { kind: 'assignees', groups: taskIds.length === 0 ? [] : [{ userIds, taskIds }] },
    inverse: {
      kind: 'assignees',
      groups: groupBy(changed, (ids) => [...ids].sort().join(',')).map((g) => ({
        userIds: g.value,
        taskIds: g.taskIds,
      })),
    },
    cells: taskIds.length,
  }
}
