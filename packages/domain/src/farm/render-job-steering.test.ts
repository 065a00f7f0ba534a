import { describe, expect, it } from 'vitest'
import { ROLES } from '../auth/role'
import { canSteerRenderJob } from './render-job-steering'

describe('who may steer a render job', () => {
  it('lets the submitter, managers and admins steer it, and no other role', () => {
    const job = { submittedBy: 'u-artist' }
    const others = ROLES.filter((role) => !canSteerRenderJob({ role, userId: 'someone-else' }, job))
    expect(others).toEqual(['supervisor', 'artist', 'client', 'vendor'])
    expect(canSteerRenderJob({ role: 'artist', userId: 'u-artist' }, job)).toBe(true)
    expect(canSteerRenderJob({ role: 'artist', userId: 'u-artist' }, { submittedBy: null })).toBe(false)
  })
})
