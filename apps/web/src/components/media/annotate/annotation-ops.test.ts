import { describe, expect, it } from 'vitest'
import { clearMineOps } from './annotation-ops'

describe('clearing my drawings on a frame', () => {
  it('removes only the caller’s drawings on that frame', () => {
    const base = {
      versionId: 'v',
      shape: {
        tool: 'line' as const,
        from: [0, 0] as [number, number],
        to: [1, 1] as [number, number],
        color: '#ffffff',
        width: 0.004,
      },
      authorName: 'x',
      revision: 1,
      createdAt: '',
      updatedAt: '',
    }
    const drawings = [
      { ...base, id: 'mine', frame: 4, authorId: 'me' },
      { ...base, id: 'theirs', frame: 4, authorId: 'them' },
      { ...base, id: 'mine-elsewhere', frame: 5, authorId: 'me' },
    ]
    expect(clearMineOps(drawings, 4, 'me')).toEqual([{ op: 'remove', id: 'mine' }])
  })
})
