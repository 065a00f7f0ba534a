// The shot grid's columns, independent of the grid library: what each shows as text (for
// display and copy) and how typed or pasted text becomes a shot patch.
import type { CustomField, ShotTable, TaskType, UpdateShotRequest } from '@aipipeline/contracts'
import type { z } from 'zod'
import { parseDate, parseFrame, parseNumber } from './cell-parsers'
import { durationOf } from './table-model'

type Field = z.infer<typeof CustomField>
type Type = z.infer<typeof TaskType>
type FieldValue = string | number | boolean | string[] | null

export type ShotColumn =
  | { id: 'thumbnail'; kind: 'thumbnail' }
  | { id: 'sequence'; kind: 'sequence' }
  | { id: 'code' | 'description'; kind: 'text' }
  | { id: 'frameIn' | 'frameOut'; kind: 'frame' }
  | { id: 'duration'; kind: 'duration' }
  | { id: `field:${string}`; kind: 'custom'; field: Field }
  | { id: `status:${string}`; kind: 'status'; taskType: Type }
  | { id: `assignees:${string}`; kind: 'assignees'; taskType: Type }

/** Every column, in grid order, for a project's custom fields and task types. */
export function shotColumns(fields: readonly Field[], taskTypes: readonly Type[]): ShotColumn[] {
  return [
    { id: 'thumbnail', kind: 'thumbnail' },
    { id: 'sequence', kind: 'sequence' },
    { id: 'code', kind: 'text' },
    { id: 'description', kind: 'text' },
    { id: 'frameIn', kind: 'frame' },
    { id: 'frameOut', kind: 'frame' },
    { id: 'duration', kind: 'duration' },
    ...fields.map((field): ShotColumn => ({ id: `field:${field.key}`, kind: 'custom', field })),
    ...taskTypes.flatMap((taskType): ShotColumn[] => [
      { id: `status:${taskType.id}`, kind: 'status', taskType },
      { id: `assignees:${taskType.id}`, kind: 'assignees', taskType },
    ]),
  ]
}

/** Whether a column's value is a shot field edited through the batch shot edit. */
export function isShotField(column: ShotColumn): boolean {
  return column.kind === 'sequence' || column.kind === 'text' || column.kind === 'frame' || column.kind === 'custom'
}

/** Names the grid shows for ids: sequences, statuses, people. */
export interface Lookups {
  sequenceCode: (id: string) => string
  sequenceIdByCode: (code: string) => string | undefined
  statusName: (id: string) => string
  personName: (id: string) => string
}

/** A custom field value as spreadsheet text. */
export function fieldText(value: FieldValue | undefined): string {
  if (value === undefined || value === null) return ''
  if (Array.isArray(value)) return value.join(', ')
  return String(value)
}

/** The text of a shot-field cell (what copy puts on the clipboard). */
export function shotFieldText(table: ShotTable, shot: number, column: ShotColumn, lookups: Lookups): string {
  const s = table.shots
  switch (column.kind) {
    case 'sequence':
      return lookups.sequenceCode(s.sequenceId[shot] ?? '')
    case 'text':
      return (column.id === 'code' ? s.code[shot] : s.description[shot]) ?? ''
    case 'frame': {
      const v = column.id === 'frameIn' ? s.frameIn[shot] : s.frameOut[shot]
      return v === null || v === undefined ? '' : String(v)
    }
    case 'duration': {
      const d = durationOf(s.frameIn[shot] ?? null, s.frameOut[shot] ?? null)
      return d === null ? '' : String(d)
    }
    case 'custom':
      return fieldText(s.customFields[shot]?.[column.field.key])
    default:
      return ''
  }
}

export type CellParse = { ok: true; patch: UpdateShotRequest } | { ok: false; reason: string }

const TRUE = new Set(['true', 'yes', 'y', '1', 'x', '✓', '예'])
const FALSE = new Set(['false', 'no', 'n', '0', '', '아니오'])

function parseFieldValue(field: Field, raw: string): { ok: true; value: FieldValue } | { ok: false; reason: string } {
  const text = raw.trim()
  if (text === '' && field.type !== 'boolean') return { ok: true, value: null }
  switch (field.type) {
    case 'number':
      return parseNumber(text)
    case 'date':
      return parseDate(text)
    case 'boolean': {
      const lower = text.toLowerCase()
      if (TRUE.has(lower)) return { ok: true, value: true }
      if (FALSE.has(lower)) return { ok: true, value: false }
      return { ok: false, reason: 'boolean' }
    }
    case 'tags':
      return {
        ok: true,
        value: text
          .split(',')
          .map((t) => t.trim())
          .filter((t) => t !== ''),
      }
    case 'list':
      return field.choices.length === 0 || field.choices.includes(text)
        ? { ok: true, value: text }
        : { ok: false, reason: 'choice' }
    default:
      return { ok: true, value: text }
  }
}

/** Turns text typed or pasted into a shot-field column into a patch, or says why not. */
export function parseShotFieldText(column: ShotColumn, raw: string, lookups: Lookups): CellParse {
  switch (column.kind) {
    case 'sequence': {
      const id = lookups.sequenceIdByCode(raw.trim())
      return id === undefined ? { ok: false, reason: 'sequence' } : { ok: true, patch: { sequenceId: id } }
    }
    case 'text': {
      if (column.id === 'description') return { ok: true, patch: { description: raw } }
      const code = raw.trim()
      return /^[\p{L}\p{N}_-]{1,40}$/u.test(code) ? { ok: true, patch: { code } } : { ok: false, reason: 'code' }
    }
    case 'frame': {
      const parsed = parseFrame(raw)
      return parsed.ok ? { ok: true, patch: { [column.id]: parsed.value } } : parsed
    }
    case 'custom': {
      const parsed = parseFieldValue(column.field, raw)
      return parsed.ok ? { ok: true, patch: { customFields: { [column.field.key]: parsed.value } } } : parsed
    }
    default:
      return { ok: false, reason: 'readonly' }
  }
}

/** The patch that restores the fields `patch` touches to their values on shot `shot` now. */
export function inversePatch(table: ShotTable, shot: number, patch: UpdateShotRequest): UpdateShotRequest {
  const s = table.shots
  const out: UpdateShotRequest = {}
  if (patch.sequenceId !== undefined) out.sequenceId = s.sequenceId[shot] ?? ''
  if (patch.code !== undefined) out.code = s.code[shot] ?? ''
  if (patch.description !== undefined) out.description = s.description[shot] ?? ''
  if (patch.frameIn !== undefined) out.frameIn = s.frameIn[shot] ?? null
  if (patch.frameOut !== undefined) out.frameOut = s.frameOut[shot] ?? null
  if (patch.thumbnailVersionId !== undefined) out.thumbnailVersionId = s.thumbnailVersionId[shot] ?? null
  if (patch.customFields !== undefined) {
    const current = s.customFields[shot] ?? {}
    out.customFields = Object.fromEntries(Object.keys(patch.customFields).map((k) => [k, current[k] ?? null]))
  }
  return out
}

/** Merges two patches of one shot; later fields win, custom fields merge by key. */
export function mergePatch(a: UpdateShotRequest, b: UpdateShotRequest): UpdateShotRequest {
  const merged: UpdateShotRequest = { ...a, ...b }
  if (a.customFields || b.customFields) merged.customFields = { ...a.customFields, ...b.customFields }
  return merged
}

/** Applies a patch to the cached column arrays (optimistic update); returns a new table. */
export function applyPatches(
  table: ShotTable,
  updates: readonly { shotId: string; patch: UpdateShotRequest }[],
): ShotTable {
  const position = new Map(table.shots.id.map((id, i) => [id, i]))
  const s = table.shots
  const next = {
    ...s,
    sequenceId: [...s.sequenceId],
    code: [...s.code],
    description: [...s.description],
    frameIn: [...s.frameIn],
    frameOut: [...s.frameOut],
    thumbnailVersionId: [...s.thumbnailVersionId],
    customFields: [...s.customFields],
  }
  for (const { shotId, patch } of updates) {
    const i = position.get(shotId)
    if (i === undefined) continue
    if (patch.sequenceId !== undefined) next.sequenceId[i] = patch.sequenceId
    if (patch.code !== undefined) next.code[i] = patch.code
    if (patch.description !== undefined) next.description[i] = patch.description
    if (patch.frameIn !== undefined) next.frameIn[i] = patch.frameIn
    if (patch.frameOut !== undefined) next.frameOut[i] = patch.frameOut
    if (patch.thumbnailVersionId !== undefined) next.thumbnailVersionId[i] = patch.thumbnailVersionId
    if (patch.customFields !== undefined) next.customFields[i] = { ...next.customFields[i], ...patch.customFields }
  }
  return { ...table, shots: next }
}
