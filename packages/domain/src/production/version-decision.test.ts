import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BOARD_ROLES, DEFAULT_STATUSES } from './task-status'
import { canDecideOnVersion, type DecisionStatus, decisionStatus, retakeCommentText } from './version-decision'

const defaults: DecisionStatus[] = DEFAULT_STATUSES.map((s, position) => ({ ...s, id: s.boardRole, position }))
const access = { projectId: 'p', userId: 'u', departments: [] as string[] }

describe('version decisions', () => {
  it('approves with the approved column, not the final one, and retakes with the retake status', () => {
    expect(decisionStatus(defaults, 'approve')?.id).toBe('approved')
    expect(decisionStatus(defaults, 'retake')?.id).toBe('retake')
  })

  it('reads flags, not names: a renamed, reordered set still finds its statuses', () => {
    const renamed = defaults
      .map((s, i) => ({ ...s, name: `status ${i}`, position: defaults.length - i }))
      .filter((s) => s.boardRole !== 'approved')
    // Without an approved column the first done status (in board order) approves.
    expect(decisionStatus(renamed, 'approve')?.id).toBe('final')
    expect(decisionStatus(renamed, 'retake')?.id).toBe('retake')
  })

  it('finds nothing where the project has no such status', () => {
    expect(
      decisionStatus(
        defaults.filter((s) => !s.isDone),
        'approve',
      ),
    ).toBeUndefined()
    expect(
      decisionStatus(
        defaults.filter((s) => !s.isRetake),
        'retake',
      ),
    ).toBeUndefined()
  })

  it('picks a status with the decision flag whenever one exists', () => {
    const status = fc.record({
      id: fc.uuid(),
      boardRole: fc.constantFrom(...BOARD_ROLES),
      position: fc.integer({ min: 0, max: 20 }),
      isDefault: fc.boolean(),
      isWip: fc.boolean(),
      isFeedbackRequest: fc.boolean(),
      isRetake: fc.boolean(),
      isDone: fc.boolean(),
      artistAllowed: fc.boolean(),
      clientAllowed: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(status, { maxLength: 8 }), (set) => {
        const approve = decisionStatus(set, 'approve')
        const retake = decisionStatus(set, 'retake')
        expect(approve === undefined).toBe(!set.some((s) => s.isDone))
        expect(retake === undefined).toBe(!set.some((s) => s.isRetake))
        if (approve) expect(approve.isDone).toBe(true)
        if (retake) expect(retake.isRetake).toBe(true)
      }),
    )
  })

  it('lets supervisors decide, and artists only where the status allows artists', () => {
    const approved = decisionStatus(defaults, 'approve')
    const task = { assigneeIds: ['u'], department: null }
    expect(canDecideOnVersion({ ...access, role: 'supervisor' }, task, approved)).toBe(true)
    expect(canDecideOnVersion({ ...access, role: 'artist' }, task, approved)).toBe(false)
    expect(canDecideOnVersion({ ...access, role: 'client' }, task, approved)).toBe(false)
    expect(canDecideOnVersion({ ...access, role: 'manager', archived: true }, task, approved)).toBe(false)
    expect(canDecideOnVersion({ ...access, role: 'manager' }, task, undefined)).toBe(false)
  })

  it('leads a retake note with its frame for video', () => {
    expect(retakeCommentText('  too dark ', undefined)).toBe('too dark')
    expect(retakeCommentText('hand pops', 42)).toBe('Frame 42: hand pops')
  })
})
