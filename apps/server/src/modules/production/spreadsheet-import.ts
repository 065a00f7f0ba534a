// Turns sheet rows into planned changes: match each row to a shot on a stable key (ID, else
// sequence + shot code), compare every editable column, and report creates, updates and
// conflicts. Nothing is written here.
import type { ImportReport } from '@aipipeline/contracts'
import type { CustomFieldRecord, CustomFieldValue, ShotRecord } from '@aipipeline/db'
import { frameRangeProblem, ValidationFailed } from '@aipipeline/domain'
import { checkFieldValue } from './custom-field-values'
import type { Cell, Sheet } from './spreadsheet-codec'
import { codeUnderRule, type KnownCodes, knownCodes, nextShotCode, takeCode } from './spreadsheet-codes'
import { type Column, type SheetContext, type ShotTasks, shotCells } from './spreadsheet-columns'

export interface PlannedShot {
  row: number
  shot: ShotRecord | undefined
  sequenceId: string
  code: string
  description: string
  frameIn: number | null
  frameOut: number | null
  customFields: Record<string, CustomFieldValue>
  statuses: Map<string, string>
  assignees: Map<string, string[]>
  changed: string[]
}

export interface ImportPlan {
  report: Omit<ImportReport, 'dryRun' | 'applied'>
  planned: PlannedShot[]
}

const text = (c: Cell): string => (c === null ? '' : String(c).trim())

function intCell(c: Cell, header: string): number | null {
  if (c === null || text(c) === '') return null
  const n = typeof c === 'number' ? c : Number(text(c))
  if (!Number.isSafeInteger(n)) throw new ValidationFailed(`${header}: "${text(c)}" is not a whole number`)
  return n
}

function fieldValue(ctx: SheetContext, f: CustomFieldRecord, c: Cell): CustomFieldValue {
  if (c === null || text(c) === '') return null
  switch (f.type) {
    case 'number': {
      const n = typeof c === 'number' ? c : Number(text(c))
      return checkFieldValue(f, Number.isFinite(n) ? n : text(c), f.key)
    }
    case 'boolean': {
      const t = text(c).toLowerCase()
      const b =
        c === true || t === 'true' || t === '1' || t === 'yes'
          ? true
          : c === false || t === 'false' || t === '0' || t === 'no'
            ? false
            : t
      return checkFieldValue(f, b, f.key)
    }
    case 'tags':
      return checkFieldValue(
        f,
        text(c)
          .split(';')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
        f.key,
      )
    case 'person': {
      const m = ctx.members.find((x) => x.email === text(c).toLowerCase() || x.userId === text(c))
      if (!m) throw new ValidationFailed(`${f.name}: "${text(c)}" is not a project member`)
      return m.userId
    }
    default:
      return checkFieldValue(f, text(c), f.key)
  }
}

/** Plans an import against the project's current shots. */
export function planImport(
  sheet: Sheet,
  columns: Column[],
  ctx: SheetContext,
  shots: ShotRecord[],
  tasks: Map<string, Map<string, ShotTasks>>,
): ImportPlan {
  const report: ImportPlan['report'] = { creates: [], updates: [], conflicts: [], unchanged: 0 }
  const at = new Map(columns.map((c) => [c.header.toLowerCase(), c]))
  const missing = ['sequence', 'shot'].filter((h) => !at.has(h))
  if (missing.length > 0) throw new ValidationFailed(`the sheet needs the columns ${missing.join(', ')}`)
  const used = sheet.header.map((h) => at.get(h.toLowerCase()))
  sheet.header.forEach((h, i) => {
    if (!used[i] && h !== '') report.conflicts.push({ row: 1, column: h, message: `unknown column "${h}" is ignored` })
  })
  const byId = new Map(shots.map((s) => [s.id, s]))
  const seqByCode = new Map([...ctx.sequences].map(([id, code]) => [code, id]))
  const byKey = new Map(shots.map((s) => [`${s.sequenceId}/${s.code}`, s]))
  // Codes per sequence, existing and planned, so new shots follow the project's pattern.
  const codesOf = new Map<string, KnownCodes>()
  const codesIn = (sequenceId: string) => {
    const known = codesOf.get(sequenceId) ?? knownCodes(ctx.codeRules.shot)
    codesOf.set(sequenceId, known)
    return known
  }
  for (const s of shots) takeCode(ctx.codeRules.shot, codesIn(s.sequenceId), s.code)
  const sequenceCodes = knownCodes(ctx.codeRules.sequence, seqByCode.keys())
  const seen = new Set<string>()
  const planned: PlannedShot[] = []
  const conflict = (row: number, column: string | null, message: string): undefined => {
    report.conflicts.push({ row, column, message })
    return undefined
  }

  const planOne = (cells: Cell[], i: number): undefined => {
    const row = i + 2
    if (cells.every((c) => c === null || text(c) === '')) return
    const get = (kind: string) => used.findIndex((c) => c?.def.kind === kind)
    const id = text(cells[get('id')] ?? null)
    const seqCode = codeUnderRule(ctx.codeRules.sequence, text(cells[get('sequence')] ?? null), sequenceCodes)
    const sequenceId = seqByCode.get(seqCode)
    if (!sequenceId) return conflict(row, 'Sequence', `unknown sequence "${seqCode}"`)
    const taken = codesIn(sequenceId)
    const written = text(cells[get('code')] ?? null)
    // A new row without a code gets the next one in the project's pattern (SH0010, SH0020…).
    const code =
      written === '' && id === ''
        ? nextShotCode(ctx.codeRules.shot, taken)
        : codeUnderRule(ctx.codeRules.shot, written, taken)
    if (code === '') return conflict(row, 'Shot', 'shot code is empty')
    takeCode(ctx.codeRules.shot, taken, code)
    const shot = id !== '' ? byId.get(id) : byKey.get(`${sequenceId}/${code}`)
    if (id !== '' && !shot) return conflict(row, 'ID', `no shot with ID ${id} in this project`)
    if (!shot && /^\d+$/.test(code)) {
      // Spreadsheets love turning "001" into 1; never create a duplicate because of it.
      const twin = shots.find(
        (s) => s.sequenceId === sequenceId && /^\d+$/.test(s.code) && Number(s.code) === Number(code),
      )
      if (twin)
        return conflict(row, 'Shot', `"${code}" matches no shot, but "${twin.code}" exists: were leading zeros lost?`)
    }
    const key = shot ? shot.id : `${sequenceId}/${code}`
    if (seen.has(key)) return conflict(row, 'Shot', `shot ${seqCode}/${code} appears twice`)
    seen.add(key)
    try {
      planned.push(planRow(row, cells, used, ctx, shot, sequenceId, code, shot ? tasks.get(shot.id) : undefined))
    } catch (err) {
      if (err instanceof ValidationFailed) return conflict(row, null, err.message)
      throw err
    }
  }
  for (const [i, cells] of sheet.rows.entries()) planOne(cells, i)
  for (const p of planned) {
    if (!p.shot) report.creates.push({ row: p.row, sequence: ctx.sequences.get(p.sequenceId) ?? '', code: p.code })
    else if (p.changed.length > 0)
      report.updates.push({ row: p.row, shotId: p.shot.id, code: p.code, fields: p.changed })
    else report.unchanged++
  }
  return { report, planned }
}

function planRow(
  row: number,
  cells: Cell[],
  used: (Column | undefined)[],
  ctx: SheetContext,
  shot: ShotRecord | undefined,
  sequenceId: string,
  code: string,
  tasks: Map<string, ShotTasks> | undefined,
): PlannedShot {
  const p: PlannedShot = {
    row,
    shot,
    sequenceId,
    code,
    description: shot?.description ?? '',
    frameIn: shot?.frameIn ?? null,
    frameOut: shot?.frameOut ?? null,
    customFields: { ...(shot?.customFields ?? {}) },
    statuses: new Map(),
    assignees: new Map(),
    changed: [],
  }
  const current = shot
    ? shotCells(
        ctx,
        used.flatMap((c) => (c ? [c] : [])),
        shot,
        0,
        tasks ?? new Map(),
      )
    : []
  let k = 0
  used.forEach((col, i) => {
    if (!col) return
    const before = current[k++] ?? null
    if (col.readOnly || col.def.kind === 'id') return
    const cell = cells[i] ?? null
    const same = shot !== undefined && text(before) === text(cell)
    const d = col.def
    if (d.kind === 'sequence' || d.kind === 'code') {
      if (shot && !same) p.changed.push(col.header)
      return
    }
    if (same) return
    // An empty status cell leaves the status as it is: no change to report or apply.
    if (d.kind === 'status' && text(cell) === '') return
    if (shot) p.changed.push(col.header)
    if (d.kind === 'description') p.description = text(cell)
    else if (d.kind === 'frameIn') p.frameIn = intCell(cell, col.header)
    else if (d.kind === 'frameOut') p.frameOut = intCell(cell, col.header)
    else if (d.kind === 'field') {
      const v = fieldValue(ctx, d.field, cell)
      if (v === null) delete p.customFields[d.field.key]
      else p.customFields[d.field.key] = v
    } else if (d.kind === 'status') {
      const s = ctx.statuses.find((x) => x.name.toLowerCase() === text(cell).toLowerCase())
      if (!s) throw new ValidationFailed(`${col.header}: unknown status "${text(cell)}"`)
      p.statuses.set(d.taskTypeId, s.id)
    } else if (d.kind === 'assignees') {
      const emails = text(cell)
        .split(';')
        .map((e) => e.trim().toLowerCase())
        .filter((e) => e !== '')
      const ids = emails.map((e) => {
        const m = ctx.members.find((x) => x.email === e)
        if (!m) throw new ValidationFailed(`${col.header}: "${e}" is not a project member`)
        return m.userId
      })
      p.assignees.set(d.taskTypeId, ids)
    }
  })
  if (frameRangeProblem(p.frameIn, p.frameOut) !== null)
    throw new ValidationFailed(`Frame Out: ${p.frameOut} is before Frame In ${p.frameIn}`)
  return p
}
