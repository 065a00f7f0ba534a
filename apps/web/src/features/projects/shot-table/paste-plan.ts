// A pasted block becomes one batch edit: cells map onto the shot rows below the target
// (group header rows are stepped over) and the columns to its right. Cells that cannot be
// written (read-only columns, task columns, bad values) are skipped and reported, the rest
// is sent in one request, and the inverse batch is kept for undo.
import type { ShotTable, UpdateShotRequest } from '@aipipeline/contracts'
import { frameRangeProblem } from '@aipipeline/domain'
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

interface PasteInput {
  block: readonly (readonly string[])[]
  column: number
  row: number
  columns: readonly ShotColumn[]
  rows: readonly DisplayRow[]
  table: ShotTable
  lookups: Lookups
}

/** Plans the batch edit for `block` pasted with its top-left cell at (column, displayRow). */
export function planPaste(input: PasteInput): EditPlan {
  const { patches, skipped } = collectPatches(input)
  refuseBackwardRanges(input.table, patches, skipped)
  return { ...toUpdates(input.table, patches), skipped }
}

/** Each shot's patch from the parsed cells of a block, and the cells that could not be read. */
function collectPatches(input: PasteInput) {
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
  return { patches, skipped }
}

/**
 * Drops frame edits that would put a shot's out before its in (the server refuses them too),
 * reporting the frame cells written; the shot's other edits still go.
 */
function refuseBackwardRanges(table: ShotTable, patches: Map<number, UpdateShotRequest>, skipped: SkippedCell[]) {
  for (const [shot, patch] of patches) {
    if (patch.frameIn === undefined && patch.frameOut === undefined) continue
    const frameIn = patch.frameIn !== undefined ? patch.frameIn : (table.shots.frameIn[shot] ?? null)
    const frameOut = patch.frameOut !== undefined ? patch.frameOut : (table.shots.frameOut[shot] ?? null)
    if (frameRangeProblem(frameIn, frameOut) === null) continue
    const { frameIn: droppedIn, frameOut: droppedOut, ...rest } = patch
    if (droppedIn !== undefined) skipped.push({ row: shot, column: 'frameIn', reason: 'outBeforeIn' })
    if (droppedOut !== undefined) skipped.push({ row: shot, column: 'frameOut', reason: 'outBeforeIn' })
    if (Object.keys(rest).length === 0) patches.delete(shot)
    else patches.set(shot, rest)
  }
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
    const cell = collectPatches({ ...input, block: [[edit.text]], column: edit.column, row: edit.row })
    skipped.push(...cell.skipped)
    for (const patch of cell.patches.values())
      patches.set(target.shot, mergePatch(patches.get(target.shot) ?? {}, patch))
  }
  refuseBackwardRanges(input.table, patches, skipped)
  return { ...toUpdates(input.table, patches), skipped }
}

/**
 * The block a paste writes into a selected range: a single value (or any block whose size
 * divides the range's) is repeated to fill the range, as spreadsheets do; otherwise the
 * block is pasted as it is from the range's top-left cell. `height` counts display rows,
 * so group header rows inside the range take no values.
 */
export function fillBlock(
  block: readonly (readonly string[])[],
  range: { row: number; width: number; height: number },
  rows: readonly DisplayRow[],
): string[][] {
  const blockHeight = block.length
  const blockWidth = Math.max(0, ...block.map((r) => r.length))
  const shotRows = rows.slice(range.row, range.row + range.height).filter((r) => r.kind === 'shot').length
  const tiles = blockHeight > 0 && blockWidth > 0 && shotRows % blockHeight === 0 && range.width % blockWidth === 0
  if (!tiles || (shotRows <= blockHeight && range.width <= blockWidth)) return block.map((r) => [...r])
  return Array.from({ length: shotRows }, (_, y) =>
    Array.from({ length: range.width }, (_, x) => block[y % blockHeight]?.[x % blockWidth] ?? ''),
  )
}
