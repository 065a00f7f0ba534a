import { describe, expect, it } from 'vitest'
import { applyStatusChange, assertRetakeAllowed, canSeeStatus, canSetStatus, DEFAULT_STATUSES } from './task-status'

const byRole = (role: string) => {
  const s = DEFAULT_STATUSES.find((d) => d.boardRole === role)
  if (!s) throw new Error(role)
  return { ...s, id: role }
}
const fresh = { statusId: 'pending', retakeCount: 0, realStartDate: null, endDate: null, doneDate: null }

describe('task statuses', () => {
  it('ships six defaults with exactly one default status', () => {
    expect(DEFAULT_STATUSES.map((s) => s.boardRole)).toEqual([
      'pending',
      'wip',
      'review',
      'approved',
      'retake',
      'final',
    ])
    expect(DEFAULT_STATUSES.filter((s) => s.isDefault)).toHaveLength(1)
  })

  it('stamps the real start on the first WIP only, and the end on a feedback request', () => {
    const wip = applyStatusChange(fresh, byRole('pending'), byRole('wip'), 't1')
    expect(wip.realStartDate).toBe('t1')
    const review = applyStatusChange(wip, byRole('wip'), byRole('review'), 't2')
    expect(review).toMatchObject({ realStartDate: 't1', endDate: 't2', doneDate: null })
    const again = applyStatusChange(review, byRole('review'), byRole('wip'), 't3')
    expect(again).toMatchObject({ realStartDate: 't1', endDate: null })
  })

  it('counts each entry into a retake and stamps and clears the done date', () => {
    const retake = applyStatusChange(fresh, byRole('review'), byRole('retake'), 't1')
    expect(retake.retakeCount).toBe(1)
    const done = applyStatusChange(retake, byRole('retake'), byRole('approved'), 't2')
    expect(done).toMatchObject({ retakeCount: 1, doneDate: 't2' })
    expect(applyStatusChange(done, byRole('approved'), byRole('final'), 't3').doneDate).toBe('t2')
    expect(applyStatusChange(done, byRole('approved'), byRole('retake'), 't4')).toMatchObject({
      retakeCount: 2,
      doneDate: null,
    })
  })

  it('refuses a retake beyond the project cap', () => {
    expect(() => assertRetakeAllowed(2, 2)).toThrow(/no more retakes/)
    expect(() => assertRetakeAllowed(1, 2)).not.toThrow()
    expect(() => assertRetakeAllowed(99, null)).not.toThrow()
  })

  it('lets artists set only artist-allowed statuses and clients see only client-allowed ones', () => {
    expect(canSetStatus('artist', byRole('review'))).toBe(true)
    expect(canSetStatus('artist', byRole('approved'))).toBe(false)
    expect(canSetStatus('vendor', byRole('final'))).toBe(false)
    expect(canSetStatus('supervisor', byRole('final'))).toBe(true)
    expect(canSeeStatus('client', byRole('wip'))).toBe(false)
    expect(canSeeStatus('client', byRole('review'))).toBe(true)
    expect(canSeeStatus('artist', byRole('pending'))).toBe(true)
  })
})
