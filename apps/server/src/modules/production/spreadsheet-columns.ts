// The shot sheet's columns: one definition drives export, import and the no-op check, so
// every exported column is re-importable and comparing a row with its shot is exact.
import type {
  CustomFieldRecord,
  CustomFieldValue,
  MemberRecord,
  ShotRecord,
  StatusRecord,
  TaskTypeRecord,
} from '@aipipeline/db'
import { assertNever, type CodeRules } from '@aipipeline/domain'
import type { Cell, ColumnFormat } from './spreadsheet-codec'

export interface SheetContext {
  sequences: Map<string, string>
  /** How this project numbers sequence and shot codes (its naming configuration). */
  codeRules: CodeRules
  statuses: StatusRecord[]
  taskTypes: TaskTypeRecord[]
  fields: CustomFieldRecord[]
  members: MemberRecord[]
}

export type ColumnKind =
  | { kind: 'id' }
  | { kind: 'sequence' }
  | { kind: 'code' }
  | { kind: 'order' }
  | { kind: 'description' }
  | { kind: 'frameIn' }
  | { kind: 'frameOut' }
  | { kind: 'duration' }
  | { kind: 'status'; taskTypeId: string }
  | { kind: 'assignees'; taskTypeId: string }
  | { kind: 'field'; field: CustomFieldRecord }

export interface Column {
  header: string
  def: ColumnKind
  format: ColumnFormat
  /** Derived columns are exported for reading and ignored on import. */
  readOnly: boolean
}

/** The columns for a caller: fixed ones, per task type status and assignees, visible custom fields. */
export function sheetColumns(ctx: SheetContext): Column[] {
  const text = { text: true }
  const num = { text: false }
  return [
    { header: 'ID', def: { kind: 'id' }, format: text, readOnly: false },
    { header: 'Sequence', def: { kind: 'sequence' }, format: text, readOnly: false },
    { header: 'Shot', def: { kind: 'code' }, format: text, readOnly: false },
    { header: 'Order', def: { kind: 'order' }, format: num, readOnly: true },
    { header: 'Description', def: { kind: 'description' }, format: text, readOnly: false },
    { header: 'Frame In', def: { kind: 'frameIn' }, format: num, readOnly: false },
    { header: 'Frame Out', def: { kind: 'frameOut' }, format: num, readOnly: false },
    { header: 'Duration', def: { kind: 'duration' }, format: num, readOnly: true },
    ...ctx.taskTypes.flatMap((t): Column[] => [
      { header: `${t.name} Status`, def: { kind: 'status', taskTypeId: t.id }, format: text, readOnly: false },
      { header: `${t.name} Assignees`, def: { kind: 'assignees', taskTypeId: t.id }, format: text, readOnly: false },
    ]),
    ...ctx.fields.map(
      (f): Column => ({
        header: f.name,
        def: { kind: 'field', field: f },
        format: f.type === 'number' ? num : text,
        readOnly: false,
      }),
    ),
  ]
}

/** A custom value as a sheet cell: tags joined with "; ", persons as email, booleans as text. */
export function fieldCell(ctx: SheetContext, field: CustomFieldRecord, value: CustomFieldValue | undefined): Cell {
  if (value === undefined || value === null) return null
  if (Array.isArray(value)) return value.join('; ')
  if (field.type === 'person' && typeof value === 'string')
    return ctx.members.find((m) => m.userId === value)?.email ?? value
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return value
}

export interface ShotTasks {
  statusId: string | null
  assigneeIds: string[]
}

/** The cells of one shot's row. */
export function shotCells(
  ctx: SheetContext,
  columns: Column[],
  shot: ShotRecord,
  position: number,
  tasks: Map<string, ShotTasks>,
): Cell[] {
  const email = (id: string) => ctx.members.find((m) => m.userId === id)?.email ?? id
  return columns.map((c): Cell => {
    const d = c.def
    switch (d.kind) {
      case 'id':
        return shot.id
      case 'sequence':
        return ctx.sequences.get(shot.sequenceId) ?? ''
      case 'code':
        return shot.code
      case 'order':
        return position
      case 'description':
        return shot.description === '' ? null : shot.description
      case 'frameIn':
        return shot.frameIn
      case 'frameOut':
        return shot.frameOut
      case 'duration':
        return shot.frameIn !== null && shot.frameOut !== null ? shot.frameOut - shot.frameIn + 1 : null
      case 'status': {
        const statusId = tasks.get(d.taskTypeId)?.statusId
        return ctx.statuses.find((s) => s.id === statusId)?.name ?? null
      }
      case 'assignees': {
        const ids = tasks.get(d.taskTypeId)?.assigneeIds ?? []
        return ids.length === 0 ? null : ids.map(email).sort().join('; ')
      }
      case 'field':
        return fieldCell(ctx, d.field, shot.customFields[d.field.key])
      default:
        return assertNever(d, 'column')
    }
  })
}
