import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RuleViolation } from '../errors/domain-error'
import {
  assertBoardVisibility,
  assertChoicesCoverValues,
  assertCustomFieldDeletable,
  assertKeepsADefault,
  assertStatusDeletable,
  assertTaskTypeDeletable,
  moveToPosition,
} from './project-configuration'

const unused = { tasks: 0, comments: 0, isFolderStatus: false }
const untouched = { comments: 0, versions: 0, assignedTasks: 0, plannedTasks: 0, renderJobs: 0 }

describe('project configuration rules', () => {
  it('deletes a status only when it is not the default, not the folder status and unused', () => {
    expect(() => assertStatusDeletable({ name: 'Hold', isDefault: false }, unused)).not.toThrow()
    expect(() => assertStatusDeletable({ name: 'Pending', isDefault: true }, unused)).toThrow(/default status/)
    expect(() => assertStatusDeletable({ name: 'WIP', isDefault: false }, { ...unused, isFolderStatus: true })).toThrow(
      /folder status/,
    )
    expect(() => assertStatusDeletable({ name: 'WIP', isDefault: false }, { ...unused, tasks: 3 })).toThrow(
      /3 task\(s\) and 0 comment/,
    )
    expect(() => assertStatusDeletable({ name: 'WIP', isDefault: false }, { ...unused, comments: 1 })).toThrow(
      RuleViolation,
    )
  })

  it('deletes a custom field shots hold values of only when asked to drop the values', () => {
    expect(() => assertCustomFieldDeletable({ name: 'Lens' }, 0, false)).not.toThrow()
    expect(() => assertCustomFieldDeletable({ name: 'Lens' }, 3, true)).not.toThrow()
    expect(() => assertCustomFieldDeletable({ name: 'Lens' }, 3, false)).toThrow(
      'field "Lens" holds values on 3 shot(s): clear them first, or delete with dropValues to clear them with the field',
    )
    const refusal = (() => {
      try {
        assertCustomFieldDeletable({ name: 'Lens' }, 2, false)
      } catch (err) {
        return err
      }
    })()
    expect(refusal).toBeInstanceOf(RuleViolation)
    expect(refusal).toMatchObject({ details: { reason: 'custom_field_in_use', shots: 2 } })
  })

  it('never lets the default flag vanish, but lets another status take it', () => {
    expect(() => assertKeepsADefault({ name: 'Pending', isDefault: true }, false)).toThrow(/only default/)
    expect(() => assertKeepsADefault({ name: 'Pending', isDefault: true }, true)).not.toThrow()
    expect(() => assertKeepsADefault({ name: 'WIP', isDefault: false }, false)).not.toThrow()
  })

  it('refuses a client board column for a status clients may not see', () => {
    expect(() => assertBoardVisibility({ clientAllowed: false, boardVisibleTo: ['manager', 'client'] })).toThrow(
      /client-allowed/,
    )
    expect(() => assertBoardVisibility({ clientAllowed: true, boardVisibleTo: ['client'] })).not.toThrow()
  })

  it('deletes a task type only while its tasks are untouched placeholders, naming every use', () => {
    expect(() => assertTaskTypeDeletable({ name: 'Post' }, untouched)).not.toThrow()
    expect(() => assertTaskTypeDeletable({ name: 'Post' }, { ...untouched, comments: 2, renderJobs: 1 })).toThrow(
      'task type "Post" is in use: 2 comment(s), 1 render job(s)',
    )
  })

  it('refuses to drop a choice a shot still holds, and ignores fields without choices', () => {
    const lens = { name: 'Lens', type: 'list' }
    expect(() => assertChoicesCoverValues(lens, ['35mm'], new Set(['35mm', '50mm']))).toThrow(/"50mm"/)
    expect(() => assertChoicesCoverValues(lens, ['35mm', '50mm'], new Set(['35mm']))).not.toThrow()
    expect(() => assertChoicesCoverValues(lens, [], new Set(['anything']))).not.toThrow()
    expect(() => assertChoicesCoverValues({ name: 'Note', type: 'text' }, ['a'], new Set(['b']))).not.toThrow()
  })

  it('moves one item to any position and renumbers densely, keeping the others in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.nat(), fc.integer({ min: 0, max: 20 }), (n, pick, position) => {
        const items = Array.from({ length: n }, (_, i) => ({ id: `t${i}` }))
        const id = `t${pick % n}`
        const moved = moveToPosition(items, id, position)
        expect(moved.map((m) => m.position)).toEqual(items.map((_, i) => i))
        expect(moved.findIndex((m) => m.id === id)).toBe(Math.min(position, n - 1))
        const others = (list: readonly { id: string }[]) => list.filter((m) => m.id !== id).map((m) => m.id)
        expect(others(moved)).toEqual(others(items))
      }),
    )
  })
})
