import { describe, expect, it } from 'vitest'
import { EMPTY_HISTORY, type HistoryEntry, recordEdit, takeRedo, takeUndo } from './edit-history'
import { fillBlock, planCellEdit, planEdits, planPaste } from './paste-plan'
import { applyPatches, shotColumns } from './shot-columns'
import { buildRows, DEFAULT_VIEW, indexTasks } from './table-model'
import { sampleLookups, sampleTable } from './test-table'
import { parseTsv, toTsv } from './tsv'

const lens = { id: 'f1', key: 'lens_mm', name: 'Lens', type: 'number' as const, choices: [], clientVisible: true }
const keyframe = { id: 'key', name: 'Keyframe', shortName: 'KEY', color: '#888888', department: null }
const columns = shotColumns([lens], [keyframe])
const col = (id: string) => columns.findIndex((c) => c.id === id)

describe('clipboard text', () => {
  it('parses a 3×4 block from a spreadsheet, quoted cells included', () => {
    const text = 'a\tb\tc\td\r\n"with\ttab"\t"line\nbreak"\t"say ""hi"""\t\r\n1\t2\t3\t4\r\n'
    expect(parseTsv(text)).toEqual([
      ['a', 'b', 'c', 'd'],
      ['with\ttab', 'line\nbreak', 'say "hi"', ''],
      ['1', '2', '3', '4'],
    ])
  })

  it('round-trips what it writes', () => {
    const rows = [
      ['SH0010', 'a "quoted"\tcell'],
      ['', 'two\nlines'],
    ]
    expect(parseTsv(toTsv(rows))).toEqual(rows)
  })
})

describe('pasting a block', () => {
  const table = sampleTable()
  const rows = buildRows(
    table,
    indexTasks(table),
    { ...DEFAULT_VIEW, groupBy: 'sequence' },
    {
      sequences: ['q1', 'q2'],
      statuses: [],
    },
  )

  it('turns a 3×4 block into one batch edit with its inverse, stepping over group rows', () => {
    // Rows 2..4 of the display: s2, s3, then the q2 header is skipped to s4.
    const block = parseTsv('A\tdesc A\t1001\t1040\nB\tdesc B\t1001\t1050\nC\tdesc C\t1001\t1060\n')
    const plan = planPaste({ block, column: col('code'), row: 2, columns, rows, table, lookups: sampleLookups })
    expect(plan.updates.map((u) => u.shotId)).toEqual(['s2', 's3', 's4'])
    expect(plan.updates[0]?.patch).toEqual({ code: 'A', description: 'desc A', frameOut: 1040 })
    expect(plan.inverse[0]?.patch).toEqual({ code: 'SH0020', description: 'Close', frameOut: 1030 })
    expect(plan.skipped).toEqual([])
  })

  it('skips read-only and task columns and bad values, and reports them', () => {
    const block = [
      ['1', '99', 'review'],
      ['x', '', ''],
    ]
    const plan = planPaste({ block, column: col('duration'), row: 1, columns, rows, table, lookups: sampleLookups })
    expect(plan.updates).toEqual([
      { shotId: 's1', patch: { customFields: { lens_mm: 99 } } },
      { shotId: 's2', patch: { customFields: { lens_mm: null } } },
    ])
    expect(plan.skipped.map((s) => `${s.column}:${s.reason}`)).toEqual([
      'duration:readonly',
      'status:key:readonly',
      'duration:readonly',
      'status:key:readonly',
    ])
  })

  it('resolves sequence codes and rejects unknown ones', () => {
    const plan = planPaste({
      block: [['SQ020'], ['SQ999']],
      column: col('sequence'),
      row: 1,
      columns,
      rows,
      table,
      lookups: sampleLookups,
    })
    expect(plan.updates).toEqual([{ shotId: 's1', patch: { sequenceId: 'q2' } }])
    expect(plan.skipped).toEqual([{ row: 1, column: 'sequence', reason: 'sequence' }])
  })

  it('leaves unchanged cells out of the batch', () => {
    const column = columns[col('description')]
    if (!column) throw new Error('no description column')
    expect(planCellEdit(table, 0, column, 'Wide', sampleLookups).updates).toEqual([])
  })
})

describe('frame ranges', () => {
  const table = sampleTable()
  const rows = buildRows(table, indexTasks(table), DEFAULT_VIEW, { sequences: [], statuses: [] })

  it('refuses a frame out before the shot’s frame in and keeps the row’s other edits', () => {
    const plan = planPaste({
      block: [['new words', '1001', '900']],
      column: col('description'),
      row: 0,
      columns,
      rows,
      table,
      lookups: sampleLookups,
    })
    expect(plan.updates).toEqual([{ shotId: 's1', patch: { description: 'new words' } }])
    expect(plan.skipped).toEqual([{ row: 0, column: 'frameOut', reason: 'outBeforeIn' }])
  })

  it('accepts in and out moved together past the old out', () => {
    const plan = planEdits({
      edits: [
        { column: col('frameIn'), row: 0, text: '2001' },
        { column: col('frameOut'), row: 0, text: '2048' },
      ],
      columns,
      rows,
      table,
      lookups: sampleLookups,
    })
    expect(plan.updates).toEqual([{ shotId: 's1', patch: { frameIn: 2001, frameOut: 2048 } }])
    expect(plan.skipped).toEqual([])
  })

  it('refuses a typo in a frame cell instead of saving 0', () => {
    const plan = planEdits({
      edits: [{ column: col('frameOut'), row: 0, text: '10o1' }],
      columns,
      rows,
      table,
      lookups: sampleLookups,
    })
    expect(plan.updates).toEqual([])
    expect(plan.skipped).toEqual([{ row: 0, column: 'frameOut', reason: 'frame' }])
  })
})

describe('pasting one value into a selected range', () => {
  const table = sampleTable()
  const grouped = buildRows(
    table,
    indexTasks(table),
    { ...DEFAULT_VIEW, groupBy: 'sequence' },
    {
      sequences: ['q1', 'q2'],
      statuses: [],
    },
  )

  it('fills every shot row of the range, stepping over group headers', () => {
    // Display rows 1..5: s1 s2 s3, the q2 header, s4.
    const block = fillBlock([['Storm']], { row: 1, width: 1, height: 5 }, grouped)
    expect(block).toEqual([['Storm'], ['Storm'], ['Storm'], ['Storm']])
    const plan = planPaste({
      block,
      column: col('description'),
      row: 1,
      columns,
      rows: grouped,
      table,
      lookups: sampleLookups,
    })
    expect(plan.updates.map((u) => u.shotId)).toEqual(['s1', 's2', 's3', 's4'])
    expect(plan.inverse.map((u) => u.patch.description)).toEqual(['Wide', 'Close', 'Insert', 'Storm wide'])
  })

  it('repeats a block whose size divides the range, and pastes any other block as it is', () => {
    expect(fillBlock([['a', 'b']], { row: 1, width: 4, height: 2 }, grouped)).toEqual([
      ['a', 'b', 'a', 'b'],
      ['a', 'b', 'a', 'b'],
    ])
    expect(fillBlock([['a'], ['b']], { row: 1, width: 1, height: 3 }, grouped)).toEqual([['a'], ['b']])
    expect(fillBlock([['a']], { row: 1, width: 1, height: 1 }, grouped)).toEqual([['a']])
  })
})

describe('undo and redo of a pasted block', () => {
  it('undo sends the inverse batch, redo the same batch again', () => {
    const table = sampleTable()
    const rows = buildRows(table, indexTasks(table), DEFAULT_VIEW, { sequences: [], statuses: [] })
    const plan = planPaste({
      block: [['one'], ['two']],
      column: col('description'),
      row: 0,
      columns,
      rows,
      table,
      lookups: sampleLookups,
    })
    let history = recordEdit(EMPTY_HISTORY, {
      forward: { kind: 'shots', updates: plan.updates },
      inverse: { kind: 'shots', updates: plan.inverse },
      cells: 2,
    })
    const edited = applyPatches(table, plan.updates)
    expect(edited.shots.description.slice(0, 2)).toEqual(['one', 'two'])

    const undo = takeUndo(history)
    if (!undo) throw new Error('nothing to undo')
    history = undo.history
    const inverse = undo.entry.inverse
    expect(inverse.kind === 'shots' && applyPatches(edited, inverse.updates).shots.description).toEqual(
      table.shots.description,
    )
    expect(takeUndo(history)).toBeNull()

    const redo = takeRedo(history)
    expect(redo?.entry.forward).toEqual({ kind: 'shots', updates: plan.updates })
    expect(redo?.history.past).toHaveLength(1)
  })

  it('a new edit clears what could be redone', () => {
    const entry: HistoryEntry = {
      forward: { kind: 'shots', updates: [{ shotId: 's1', patch: { code: 'X' } }] },
      inverse: { kind: 'shots', updates: [] },
      cells: 1,
    }
    const undone = takeUndo(recordEdit(EMPTY_HISTORY, entry))
    if (!undone) throw new Error('nothing to undo')
    expect(recordEdit(undone.history, entry).future).toEqual([])
  })
})
