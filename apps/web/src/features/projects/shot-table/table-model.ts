// The shot grid's row model over the compact column arrays of GET /shot-table: which task
// of each task type belongs to which shot, filtering, sorting and grouping into display rows.
// Everything runs in the browser over plain arrays so 10,000 shots stay instant.
import type { ShotTable } from '@aipipeline/contracts'
import { shotDuration } from '@aipipeline/domain'

/** Task lookup: `taskOf.get(taskTypeId)[shotIndex]` is a task index or -1. */
export interface TaskIndex {
  taskOf: Map<string, Int32Array>
}

/** Builds the task lookup for every task type present in the table. */
export function indexTasks(table: ShotTable): TaskIndex {
  const count = table.shots.id.length
  const taskOf = new Map<string, Int32Array>()
  table.tasks.id.forEach((_, t) => {
    const type = table.tasks.taskTypeId[t] ?? ''
    let column = taskOf.get(type)
    if (!column) {
      column = new Int32Array(count).fill(-1)
      taskOf.set(type, column)
    }
    const shot = table.tasks.shot[t] ?? -1
    if (shot >= 0 && shot < count) column[shot] = t
  })
  return { taskOf }
}

/** The task index of `taskTypeId` on shot `shot`, or -1. */
export function taskAt(index: TaskIndex, taskTypeId: string, shot: number): number {
  return index.taskOf.get(taskTypeId)?.[shot] ?? -1
}

export interface ShotFilter {
  /** Substring of code or description, case-insensitive. */
  search: string
  sequenceIds: string[]
  /** The task type that `statusIds` and `assigneeIds` look at; null: any task. */
  taskTypeId: string | null
  statusIds: string[]
  assigneeIds: string[]
  /** Only these shots (the shots behind a dashboard chart's bar); absent: every shot. */
  shotIds?: ReadonlySet<string>
}

export type SortKey = 'order' | 'code' | 'description' | 'frameIn' | 'frameOut' | 'duration' | `field:${string}`
export type GroupBy = 'none' | 'sequence' | `status:${string}`

export interface TableView {
  filter: ShotFilter
  sort: { key: SortKey; desc: boolean }
  groupBy: GroupBy
}

export const EMPTY_FILTER: ShotFilter = {
  search: '',
  sequenceIds: [],
  taskTypeId: null,
  statusIds: [],
  assigneeIds: [],
}
export const DEFAULT_VIEW: TableView = { filter: EMPTY_FILTER, sort: { key: 'order', desc: false }, groupBy: 'none' }

export type DisplayRow = { kind: 'group'; key: string; count: number } | { kind: 'shot'; shot: number }

/** Ordered grouping keys: sequence ids in editorial order, status ids in project order. */
export interface GroupOrder {
  sequences: readonly string[]
  statuses: readonly string[]
}

/** Frames inclusive of both ends, as the server counts them; null without in and out. */
export function durationOf(frameIn: number | null, frameOut: number | null): number | null {
  return shotDuration(frameIn, frameOut)
}

function tasksOfShot(index: TaskIndex, shot: number, taskTypeId: string | null): number[] {
  if (taskTypeId !== null) {
    const t = taskAt(index, taskTypeId, shot)
    return t < 0 ? [] : [t]
  }
  const out: number[] = []
  for (const column of index.taskOf.values()) {
    const t = column[shot] ?? -1
    if (t >= 0) out.push(t)
  }
  return out
}

/** Whether shot `shot` passes the filter. */
export function matchesFilter(table: ShotTable, index: TaskIndex, shot: number, filter: ShotFilter): boolean {
  const s = table.shots
  if (filter.shotIds !== undefined && !filter.shotIds.has(s.id[shot] ?? '')) return false
  if (filter.sequenceIds.length > 0 && !filter.sequenceIds.includes(s.sequenceId[shot] ?? '')) return false
  const needle = filter.search.trim().toLowerCase()
  if (needle !== '') {
    const hay = `${s.code[shot] ?? ''}\n${s.description[shot] ?? ''}`.toLowerCase()
    if (!hay.includes(needle)) return false
  }
  if (filter.statusIds.length === 0 && filter.assigneeIds.length === 0) return true
  const tasks = tasksOfShot(index, shot, filter.taskTypeId)
  const statusOk =
    filter.statusIds.length === 0 || tasks.some((t) => filter.statusIds.includes(table.tasks.statusId[t] ?? ''))
  const assigneeOk =
    filter.assigneeIds.length === 0 ||
    tasks.some((t) => (table.tasks.assigneeIds[t] ?? []).some((id) => filter.assigneeIds.includes(id)))
  return statusOk && assigneeOk
}

type Comparable = string | number | null

function sortValue(table: ShotTable, shot: number, key: SortKey): Comparable {
  const s = table.shots
  switch (key) {
    case 'order':
      return s.orderKey[shot] ?? ''
    case 'code':
      return s.code[shot] ?? ''
    case 'description':
      return s.description[shot] ?? ''
    case 'frameIn':
      return s.frameIn[shot] ?? null
    case 'frameOut':
      return s.frameOut[shot] ?? null
    case 'duration':
      return durationOf(s.frameIn[shot] ?? null, s.frameOut[shot] ?? null)
    default: {
      const value = s.customFields[shot]?.[key.slice('field:'.length)]
      if (value === undefined || value === null) return null
      if (typeof value === 'number') return value
      return Array.isArray(value) ? value.join(', ') : String(value)
    }
  }
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

// Empty values sort last in either direction: a blank lens is never "the smallest lens".
function compare(a: Comparable, b: Comparable, desc: boolean): number {
  if (a === null || a === '') return b === null || b === '' ? 0 : 1
  if (b === null || b === '') return -1
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b))
  return desc ? -order : order
}

// Ordering keys are fractional-index strings ordered by code unit, as the server orders them;
// the numeric collation above would put "i9" before "i10" and scramble a long edit.
function compareCodeUnits(a: Comparable, b: Comparable, desc: boolean): number {
  const x = String(a ?? '')
  const y = String(b ?? '')
  const order = x < y ? -1 : x > y ? 1 : 0
  return desc ? -order : order
}

function groupKeyOf(table: ShotTable, index: TaskIndex, shot: number, groupBy: GroupBy): string {
  if (groupBy === 'sequence') return table.shots.sequenceId[shot] ?? ''
  if (groupBy === 'none') return ''
  const t = taskAt(index, groupBy.slice('status:'.length), shot)
  return t < 0 ? '' : (table.tasks.statusId[t] ?? '')
}

/** Filters, sorts (stable, ties in editorial order) and groups the shots into display rows. */
export function buildRows(table: ShotTable, index: TaskIndex, view: TableView, order: GroupOrder): DisplayRow[] {
  const shots: number[] = []
  for (let i = 0; i < table.shots.id.length; i++) if (matchesFilter(table, index, i, view.filter)) shots.push(i)
  const keys = shots.map((i) => sortValue(table, i, view.sort.key))
  const tie = shots.map((i) => table.shots.orderKey[i] ?? '')
  const positions = shots.map((_, p) => p)
  const byKey = view.sort.key === 'order' ? compareCodeUnits : compare
  positions.sort((a, b) => {
    const first = byKey(keys[a] ?? null, keys[b] ?? null, view.sort.desc)
    if (first !== 0) return first
    const ta = tie[a] ?? ''
    const tb = tie[b] ?? ''
    return ta < tb ? -1 : ta > tb ? 1 : 0
  })
  const sorted = positions.map((p) => shots[p] ?? 0)
  if (view.groupBy === 'none') return sorted.map((shot) => ({ kind: 'shot', shot }))
  const buckets = new Map<string, number[]>()
  for (const shot of sorted) {
    const key = groupKeyOf(table, index, shot, view.groupBy)
    const bucket = buckets.get(key)
    if (bucket) bucket.push(shot)
    else buckets.set(key, [shot])
  }
  const rank = view.groupBy === 'sequence' ? order.sequences : order.statuses
  const groupKeys = [...buckets.keys()].sort((a, b) => rankOf(rank, a) - rankOf(rank, b))
  return groupKeys.flatMap((key): DisplayRow[] => {
    const bucket = buckets.get(key) ?? []
    return [{ kind: 'group', key, count: bucket.length }, ...bucket.map((shot): DisplayRow => ({ kind: 'shot', shot }))]
  })
}

// Unknown keys (no status, a sequence not in the breakdown) go after the known ones.
function rankOf(rank: readonly string[], key: string): number {
  const i = rank.indexOf(key)
  return i < 0 ? rank.length : i
}

/** Whether the rows are in editorial order, where drag reorder means something. */
export function canReorder(view: TableView): boolean {
  return view.sort.key === 'order' && !view.sort.desc && (view.groupBy === 'none' || view.groupBy === 'sequence')
}
