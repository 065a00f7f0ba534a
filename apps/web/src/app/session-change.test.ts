import type { User } from '@aipipeline/contracts'
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../api/api-client'
import { sessionChange } from './session-change'

const user: User = {
  id: 'u1',
  email: 'lee@studio.test',
  displayName: 'Lee',
  role: 'admin',
  locale: 'ko',
  active: true,
  createdAt: '2025-01-01T00:00:00.000Z',
}
const signedIn = (patch: Partial<User> = {}, token = 'a'): SignedIn => ({
  accessToken: token,
  user: { ...user, ...patch },
})

describe('session change', () => {
  it('sees a demotion that came with a refreshed token', () => {
    expect(sessionChange(signedIn(), signedIn({ role: 'client' }, 'b'))).toBe('role-changed')
  })

  it('sees the end of the session', () => {
    expect(sessionChange(signedIn(), null)).toBe('signed-out')
  })

  it('ignores a plain token refresh, a new name and a first sign-in', () => {
    expect(sessionChange(signedIn(), signedIn({}, 'b'))).toBe('unchanged')
    expect(sessionChange(signedIn(), signedIn({ displayName: 'Lee Two' }))).toBe('unchanged')
    expect(sessionChange(null, signedIn())).toBe('unchanged')
  })
})
