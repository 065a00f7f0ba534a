import { describe, expect, it } from 'vitest'
import { buildRows, canReorder, DEFAULT_VIEW, EMPTY_FILTER, indexTasks, type TableView } from './table-model'
import { sampleTable } from './test-table'

const table = sampleTable()
const index = indexTasks(table)
const order = { sequences: ['q1', 'q2'], statuses: ['pending', 'wip', 'review'] }
const codes = (view: TableView) =>
  buildRows(table, index, view, order).map((r) =>
    r.kind === 'group' ? `[${r.key}:${r.count}]` : table.shots.id[r.shot],
  )

describe('shot table rows', () => {
  it('lists every shot in editorial order by default', () => {
    expect(codes(DEFAULT_VIEW)).toEqual(['s1', 's2', 's3', 's4', 's5'])
  })

  it('filters by search, sequence, status and assignee of a task type together', () => {
    expect(codes({ ...DEFAULT_VIEW, filter: { ...EMPTY_FILTER, search: 'storm' } })).toEqual(['s4', 's5'])
    expect(codes({ ...DEFAULT_VIEW, filter: { ...EMPTY_FILTER, sequenceIds: ['q1'] } })).toEqual(['s1', 's2', 's3'])
    const wipForAnn = { ...EMPTY_FILTER, taskTypeId: 'key', statusIds: ['wip'], assigneeIds: ['ann'] }
    expect(codes({ ...DEFAULT_VIEW, filter: wipForAnn })).toEqual(['s1'])
  })

  it('keeps editorial order by the ordering keys as the server compares them, not numerically', () => {
    const keys = sampleTable()
    keys.shots.orderKey = ['i9', 'i10', 'i1z', 'j', 'h']
    const rows = buildRows(keys, indexTasks(keys), DEFAULT_VIEW, order)
    expect(rows.map((r) => (r.kind === 'shot' ? keys.shots.orderKey[r.shot] : ''))).toEqual([
      'h',
      'i10',
      'i1z',
      'i9',
      'j',
    ])
  })

  it('sorts numerically with blanks last and ties in editorial order', () => {
    expect(codes({ ...DEFAULT_VIEW, sort: { key: 'duration', desc: false } })).toEqual(['s3', 's2', 's1', 's4', 's5'])
    expect(codes({ ...DEFAULT_VIEW, sort: { key: 'field:lens_mm', desc: true } })).toEqual([
      's5',
      's2',
      's1',
      's4',
      's3',
    ])
    expect(codes({ ...DEFAULT_VIEW, sort: { key: 'code', desc: false } })).toEqual(['s1', 's4', 's2', 's5', 's3'])
  })

  it('groups by sequence or by status with a header row and a count per group', () => {
    expect(codes({ ...DEFAULT_VIEW, groupBy: 'sequence' })).toEqual(['[q1:3]', 's1', 's2', 's3', '[q2:2]', 's4', 's5'])
    expect(codes({ ...DEFAULT_VIEW, groupBy: 'status:key' })).toEqual([
      '[pending:1]',
      's4',
      '[wip:2]',
      's1',
      's3',
      '[review:2]',
      's2',
      's5',
    ])
  })

  it('allows drag reorder only while the rows are in editorial order', () => {
    expect(canReorder(DEFAULT_VIEW)).toBe(true)
    expect(canReorder({ ...DEFAULT_VIEW, groupBy: 'sequence' })).toBe(true)
    expect(canReorder({ ...DEFAULT_VIEW, sort: { key: 'code', desc: false } })).toBe(false)
    expect(canReorder({ ...DEFAULT_VIEW, groupBy: 'status:key' })).toBe(false)
  })
})
