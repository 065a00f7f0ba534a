import { describe, expect, it } from 'vitest'
import { decisionStatusOf, parentToCompare, previousApproved, togglePick } from './compare-candidates'

const statuses = [
  { id: 'wip', isDone: false, isRetake: false, boardRole: 'wip' as const },
  { id: 'apr', isDone: true, isRetake: false, boardRole: 'approved' as const },
  { id: 'rtk', isDone: false, isRetake: true, boardRole: 'retake' as const },
  { id: 'fin', isDone: true, isRetake: false, boardRole: 'final' as const },
]

describe('compare shortcuts', () => {
  it('compares with the source image, else the first input that still exists', () => {
    const all = new Set(['a', 'b', 'c'])
    expect(
      parentToCompare(
        [
          { versionId: 'b', role: 'mask' },
          { versionId: 'a', role: 'image' },
        ],
        all,
      ),
    ).toBe('a')
    expect(parentToCompare([{ versionId: 'c', role: 'control' }], all)).toBe('c')
    expect(parentToCompare([{ versionId: 'gone', role: 'image' }], all)).toBeNull()
    expect(parentToCompare([], all)).toBeNull()
  })

  it('finds the newest approval of another version that still exists', () => {
    const comments = [
      { statusId: 'apr', versionIds: ['v1'], createdAt: '2026-01-01' },
      { statusId: 'rtk', versionIds: ['v2'], createdAt: '2026-01-02' },
      { statusId: 'fin', versionIds: ['v3'], createdAt: '2026-01-03' },
      { statusId: 'apr', versionIds: ['v4'], createdAt: '2026-01-04' },
      { statusId: null, versionIds: ['v5'], createdAt: '2026-01-05' },
    ]
    const existing = new Set(['v1', 'v2', 'v3', 'v4', 'v5'])
    expect(previousApproved(comments, statuses, 'v5', existing)).toBe('v4')
    expect(previousApproved(comments, statuses, 'v4', existing)).toBe('v3')
    expect(previousApproved(comments, statuses, 'v4', new Set(['v1', 'v4']))).toBe('v1')
    expect(previousApproved(comments, statuses, 'v1', new Set(['v1']))).toBeNull()
  })

  it('reads the decision statuses from the flags in board order', () => {
    expect(decisionStatusOf(statuses, 'approve')?.id).toBe('apr')
    expect(decisionStatusOf(statuses, 'retake')?.id).toBe('rtk')
  })

  it('keeps at most two picks', () => {
    expect(togglePick([], 'a')).toEqual(['a'])
    expect(togglePick(['a', 'b'], 'c')).toEqual(['b', 'c'])
    expect(togglePick(['a', 'b'], 'a')).toEqual(['b'])
  })
})
