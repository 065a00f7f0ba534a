// Undo and redo of shot edits. An entry is one user action (a typed cell, a pasted block)
// with the batch that did it and the batch that reverses it; undo sends the inverse, redo
// the forward batch again. Pure state so React can hold it and tests can drive it.
import type { ShotUpdate } from './paste-plan'

export interface HistoryEntry {
  forward: ShotUpdate[]
  inverse: ShotUpdate[]
  /** Cells changed, for the toolbar's "Undo (12 cells)" hint. */
  cells: number
}

export interface EditHistory {
  past: HistoryEntry[]
  future: HistoryEntry[]
}

export const EMPTY_HISTORY: EditHistory = { past: [], future: [] }
const LIMIT = 100

/** Records a new action; anything that was undone can no longer be redone. */
export function recordEdit(history: EditHistory, entry: HistoryEntry): EditHistory {
  if (entry.forward.length === 0) return history
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
