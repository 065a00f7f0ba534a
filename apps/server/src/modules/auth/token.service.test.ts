// Guest access tokens: they carry the guest's playlist scope, never outlive their link, and a
// long-lived socket checked with assertCurrent stops at the token's end.
import { randomBytes } from 'node:crypto'
import { Unauthenticated } from '@aipipeline/domain'
import { describe, expect, it } from 'vitest'
import { createTokenService } from './token.service'

const guest = { linkId: 'l1', playlistId: 'p1', projectId: 'j1', name: 'Mina' }

describe('guest access tokens', () => {
  const tokens = createTokenService({ masterKey: randomBytes(32), accessTtlSeconds: 900 })

  it('carry the guest scope and end with their link, whichever comes first', async () => {
    const now = Math.floor(Date.now() / 1000)
    const token = await tokens.issueAccess({ userId: 'u1', role: 'client', sessionVersion: 0, guest }, now, now + 60)
    const claims = await tokens.verifyAccess(token)
    expect(claims.guest).toEqual(guest)
    expect(claims.expiresAt).toBe(now + 60)
  })

  it('are refused once their link has ended, at verification and on a live socket', async () => {
    const now = Math.floor(Date.now() / 1000)
    const ended = await tokens.issueAccess(
      { userId: 'u1', role: 'client', sessionVersion: 0, guest },
      now - 120,
      now - 1,
    )
    await expect(tokens.verifyAccess(ended)).rejects.toBeInstanceOf(Unauthenticated)
    const live = await tokens.verifyAccess(
      await tokens.issueAccess({ userId: 'u1', role: 'client', sessionVersion: 0, guest }, now, now + 60),
    )
    await expect(tokens.assertCurrent(live, now + 30)).resolves.toBeUndefined()
    await expect(tokens.assertCurrent(live, now + 60)).rejects.toBeInstanceOf(Unauthenticated)
  })

  it('leave signed-in users as they were: no guest scope, no socket end', async () => {
    const claims = await tokens.verifyAccess(
      await tokens.issueAccess({ userId: 'u2', role: 'artist', sessionVersion: 3 }),
    )
    expect(claims).toEqual({ userId: 'u2', role: 'artist', sessionVersion: 3 })
  })
})
