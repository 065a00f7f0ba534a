// What each cell of the shot grid shows, from the cached table and the row model.
import type { Project, ShotTable } from '@aipipeline/contracts'
import { type Lookups, type ShotColumn, shotFieldText } from './shot-columns'
import type { GridCellView } from './shot-grid'
import { type DisplayRow, durationOf, type TaskIndex, taskAt } from './table-model'

export interface GridModel {
  table: ShotTable
  index: TaskIndex
  rows: readonly DisplayRow[]
  columns: readonly ShotColumn[]
  lookups: Lookups
  statuses: Project['statuses']
  canEdit: boolean
  /** Blob URL of a shot's thumbnail once loaded. */
  thumbnail: (versionId: string) => string | null
  /** The approved version shown for a shot instead of its thumbnail version, if any. */
  approvedVersion?: (shot: number) => string | null
  groupLabel: (key: string, count: number) => string
  /** Opens a shot's page (its code is a link). */
  openShot: (shot: number) => void
}

/** The view of one cell. */
export function cellView(model: GridModel, col: number, row: number): GridCellView {
  const display = model.rows[row]
  const column = model.columns[col]
  if (!display || !column) return { kind: 'text', text: '', editable: false }
  if (display.kind === 'group')
    return { kind: 'group', text: col === 0 ? model.groupLabel(display.key, display.count) : '' }
  const shot = display.shot
  const { table, canEdit } = model
  switch (column.kind) {
    case 'thumbnail': {
      const approved = model.approvedVersion?.(shot) ?? null
      const version = approved ?? table.shots.thumbnailVersionId[shot] ?? null
      return { kind: 'image', url: version === null ? null : model.thumbnail(version), approved: approved !== null }
    }
    case 'frame': {
      const v = column.id === 'frameIn' ? table.shots.frameIn[shot] : table.shots.frameOut[shot]
      return { kind: 'number', value: v ?? null, editable: canEdit }
    }
    case 'duration':
      return {
        kind: 'number',
        value: durationOf(table.shots.frameIn[shot] ?? null, table.shots.frameOut[shot] ?? null),
        editable: false,
      }
    case 'custom': {
      const value = table.shots.customFields[shot]?.[column.field.key]
      if (column.field.type === 'number')
        return { kind: 'number', value: typeof value === 'number' ? value : null, editable: canEdit }
      if (column.field.type === 'boolean') return { kind: 'boolean', value: value === true, editable: canEdit }
      const text = shotFieldText(table, shot, column, model.lookups)
      return { kind: 'text', text, editable: canEdit, checked: column.field.type !== 'text' }
    }
    case 'status': {
      const t = taskAt(model.index, column.taskType.id, shot)
      const statusId = t < 0 ? null : (table.tasks.statusId[t] ?? null)
      const status = model.statuses.find((s) => s.id === statusId)
      return { kind: 'picker', text: status?.name ?? '', color: status?.color ?? null, editable: t >= 0 }
    }
    case 'assignees': {
      const t = taskAt(model.index, column.taskType.id, shot)
      const names = t < 0 ? [] : (table.tasks.assigneeIds[t] ?? []).map(model.lookups.personName)
      return { kind: 'picker', text: names.join(', '), chips: names, editable: t >= 0 && canEdit }
    }
    case 'text':
      if (column.id === 'code')
        return {
          kind: 'text',
          text: shotFieldText(table, shot, column, model.lookups),
          editable: canEdit,
          checked: true,
          open: () => model.openShot(shot),
        }
      return { kind: 'text', text: shotFieldText(table, shot, column, model.lookups), editable: canEdit }
    default:
      return { kind: 'text', text: shotFieldText(table, shot, column, model.lookups), editable: canEdit, checked: true }
  }
}

/** The clipboard text of one cell. */
export function cellCopyText(model: GridModel, col: number, row: number): string {
  const view = cellView(model, col, row)
  switch (view.kind) {
    case 'text':
    case 'picker':
      return view.text
    case 'number':
      return view.value === null ? '' : String(view.value)
    case 'boolean':
      return view.value ? 'true' : 'false'
    default:
      return ''
  }
}
