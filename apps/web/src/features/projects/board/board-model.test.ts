import type { Project } from '@aipipeline/contracts'
import { describe, expect, it } from 'vitest'
import { sampleTable } from '../shot-table/test-table'
import { boardCards, boardColumns, canDrop, cardsByColumn } from './board-model'

type Status = Project['statuses'][number]
const status = (id: string, visible: Status['boardVisibleTo'], canSet = true): Status => ({
  id,
  name: id,
  shortName: id,
  color: '#888888',
  boardRole: 'wip',
  boardVisibleTo: visible,
  isDefault: false,
  isWip: false,
  isFeedbackRequest: false,
  isRetake: false,
  isDone: false,
  artistAllowed: true,
  clientAllowed: false,
  canSet,
})
const statuses = [
  status('pending', ['manager', 'artist']),
  status('wip', ['manager', 'artist']),
  status('review', ['manager', 'artist', 'client'], false),
]
const none = { sequenceIds: [], taskTypeId: null, assigneeIds: [] }

describe('kanban board', () => {
  it('shows as columns only the statuses the role may see on the board', () => {
    expect(boardColumns(statuses, 'client').map((s) => s.id)).toEqual(['review'])
    expect(boardColumns(statuses, 'artist').map((s) => s.id)).toEqual(['pending', 'wip', 'review'])
  })

  it('filters cards by sequence, task type and assignee', () => {
    const table = sampleTable()
    expect(boardCards(table, { ...none, sequenceIds: ['q2'] }).map((c) => c.taskId)).toEqual(['t4', 't5'])
    expect(boardCards(table, { ...none, assigneeIds: ['ann'] }).map((c) => c.taskId)).toEqual(['t1', 't4'])
    expect(boardCards(table, { ...none, taskTypeId: 'other' })).toEqual([])
  })

  it('moves a dropped card at once and back when the pending move is dropped', () => {
    const table = sampleTable()
    const moved = cardsByColumn(boardCards(table, none, new Map([['t1', 'review']])), statuses)
    expect(moved.get('review')?.map((c) => c.taskId)).toEqual(['t1', 't2', 't5'])
    const rolledBack = cardsByColumn(boardCards(table, none, new Map()), statuses)
    expect(rolledBack.get('wip')?.map((c) => c.taskId)).toEqual(['t1', 't3'])
  })

  it('accepts drops only on other columns whose status the caller may set', () => {
    const [card] = boardCards(sampleTable(), none)
    if (!card) throw new Error('no card')
    const [pending, wip, review] = statuses
    if (!pending || !wip || !review) throw new Error('statuses')
    expect(canDrop(card, pending)).toBe(true)
    expect(canDrop(card, wip)).toBe(false)
    expect(canDrop(card, review)).toBe(false)
  })
})
