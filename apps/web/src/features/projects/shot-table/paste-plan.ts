// A pasted block becomes one batch edit: cells map onto the shot rows below the target
// (group header rows are stepped over) and the columns to its right. Cells that cannot be
// written (read-only columns, task columns, bad values) are skipped and reported, the rest
// is sent in one request, and the inverse batch is kept for undo.
import type { ShotTable, UpdateShotRequest } from '@aipipeline/contracts'
import {
  inversePatch,
  isShotField,
  type Lookups,
  mergePatch,
  parseShotFieldText,
  type ShotColumn,
  shotFieldText,
} from './shot-columns'
import type { DisplayRow } from './table-model'

export interface ShotUpdate {
  shotId: string
  patch: UpdateShotRequest
}

export interface SkippedCell {
  row: number
  column: string
  reason: string
}

export interface EditPlan {
  updates: ShotUpdate[]
  inverse: ShotUpdate[]
  skipped: SkippedCell[]
}

/** Plans the batch edit for `block` pasted with its top-left cell at (column, displayRow). */
export function planPaste(input: {
  block: readonly (readonly string[])[]
  column: number
  row: number
  columns: readonly ShotColumn[]
  rows: readonly DisplayRow[]
  table: ShotTable
  lookups: Lookups
}): EditPlan {
  const { block, columns, rows, table, lookups } = input
  const patches = new Map<number, UpdateShotRequest>()
  const skipped: SkippedCell[] = []
  let displayRow = input.row
  for (const cells of block) {
    while (rows[displayRow]?.kind === 'group') displayRow++
    const target = rows[displayRow]
    if (target === undefined) break
    displayRow++
    if (target.kind !== 'shot') continue
    for (const [offset, text] of cells.entries()) {
      const column = columns[input.column + offset]
      if (column === undefined) break
      if (!isShotField(column)) {
        skipped.push({ row: target.shot, column: column.id, reason: 'readonly' })
        continue
      }
      // Unchanged cells stay out of the batch so undo and the activity log show real edits.
      if (shotFieldText(table, target.shot, column, lookups) === text) continue
      const parsed = parseShotFieldText(column, text, lookups)
      if (!parsed.ok) {
        skipped.push({ row: target.shot, column: column.id, reason: parsed.reason })
        continue
      }
      patches.set(target.shot, mergePatch(patches.get(target.shot) ?? {}, parsed.patch))
    }
  }
  return { ...toUpdates(table, patches), skipped }
}

/** Plans a single cell edit the same way (one-update batch). */
export function planCellEdit(table: ShotTable, shot: number, column: ShotColumn, text: string, lookups: Lookups) {
  return planPaste({
    block: [[text]],
    column: 0,
    row: 0,
    columns: [column],
    rows: [{ kind: 'shot', shot }],
    table,
    lookups,
  })
}

function toUpdates(table: ShotTable, patches: Map<number, UpdateShotRequest>) {
  const updates: ShotUpdate[] = []
  const inverse: ShotUpdate[] = []
  for (const [shot, patch] of patches) {
    const shotId = table.shots.id[shot] ?? ''
    updates.push({ shotId, patch })
    inverse.push({ shotId, patch: inversePatch(table, shot, patch) })
  }
  return { updates, inverse }
}

/** Plans edits of single cells made in the grid (typing, clearing a range) as one batch. */
export function planEdits(input: {
  edits: readonly { column: number; row: number; text: string }[]
  columns: readonly ShotColumn[]
  rows: readonly DisplayRow[]
  table: ShotTable
  lookups: Lookups
}): EditPlan {
  const patches = new Map<number, UpdateShotRequest>()
  const skipped: SkippedCell[] = []
  for (const edit of input.edits) {
    const target = input.rows[edit.row]
    const column = input.columns[edit.column]
    if (target?.kind !== 'shot' || !column) continue
    const plan = planPaste({ ...input, block: [[edit.text]], column: edit.column, row: edit.row })
    skipped.push(...plan.skipped)
    for (const u of plan.updates) patches.set(target.shot, mergePatch(patches.get(target.shot) ?? {}, u.patch))
  }
  return { ...toUpdates(input.table, patches), skipped }
}
