import { describe, expect, it } from 'vitest'
import { defaultStatusRole } from './status-name'

describe('status names', () => {
  it('recognises an unchanged default status so it can be shown translated', () => {
    expect(defaultStatusRole({ name: 'WIP', boardRole: 'wip' })).toBe('wip')
    expect(defaultStatusRole({ name: 'Pending', boardRole: 'pending' })).toBe('pending')
  })

  it('keeps names a studio chose', () => {
    expect(defaultStatusRole({ name: 'Layout check', boardRole: 'review' })).toBeNull()
  })
})
