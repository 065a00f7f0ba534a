import { describe, expect, it } from 'vitest'
import { assigneeEdit, EMPTY_HISTORY, recordEdit, statusEdit, takeRedo, takeUndo } from './edit-history'

describe('a batch status change from a selection', () => {
  it('is one undo step that puts every task back in its own earlier status', () => {
    const entry = statusEdit(
      [
        { taskId: 't1', statusId: 'wip' },
        { taskId: 't2', statusId: 'review' },
        { taskId: 't3', statusId: 'wip' },
        { taskId: 't4', statusId: 'approved' },
      ],
      'approved',
    )
    expect(entry.forward).toEqual({ kind: 'statuses', groups: [{ statusId: 'approved', taskIds: ['t1', 't2', 't3'] }] })
    expect(entry.inverse).toEqual({
      kind: 'statuses',
      groups: [
        { statusId: 'wip', taskIds: ['t1', 't3'] },
        { statusId: 'review', taskIds: ['t2'] },
      ],
    })
    const history = recordEdit(EMPTY_HISTORY, entry)
    expect(history.past).toHaveLength(1)
    expect(takeUndo(history)?.entry.inverse).toEqual(entry.inverse)
  })

  it('records nothing when every task already has the status', () => {
    const entry = statusEdit([{ taskId: 't1', statusId: 'wip' }], 'wip')
    expect(recordEdit(EMPTY_HISTORY, entry)).toBe(EMPTY_HISTORY)
  })
})

describe('a batch assignment from a selection', () => {
  it('gives the tasks the people and undo gives each task back its own', () => {
    const entry = assigneeEdit(
      [
        { taskId: 't1', assigneeIds: ['ann'] },
        { taskId: 't2', assigneeIds: [] },
        { taskId: 't3', assigneeIds: ['bob', 'mina'] },
        { taskId: 't4', assigneeIds: ['mina', 'bob'] },
      ],
      ['bob', 'mina'],
    )
    expect(entry.forward).toEqual({ kind: 'assignees', groups: [{ userIds: ['bob', 'mina'], taskIds: ['t1', 't2'] }] })
    expect(entry.inverse).toEqual({
      kind: 'assignees',
      groups: [
        { userIds: ['ann'], taskIds: ['t1'] },
        { userIds: [], taskIds: ['t2'] },
      ],
    })
    const undone = takeUndo(recordEdit(EMPTY_HISTORY, entry))
    expect(undone && takeRedo(undone.history)?.entry.forward).toEqual(entry.forward)
  })
})
