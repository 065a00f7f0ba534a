// The session version: what ends a user's access tokens, written in the same transaction as
// the change that ends them.
import { describeEachEngine } from '@aipipeline/testing'
import { expect, it } from 'vitest'
import { createRefreshTokenRepository } from './refresh-token.repository'
import { createSignInAddressRepository } from './sign-in-address.repository'
import { createUserRepository } from './user.repository'

describeEachEngine('user session versions', (testDb) => {
  const newUser = (email: string) =>
    createUserRepository(testDb().handle.db).insert({
      email,
      displayName: 'S',
      role: 'admin',
      locale: 'en',
      passwordHash: 'h',
    })

  it('starts at 0 and goes up on a role change, deactivation or new password, not on a new name', async () => {
    const users = createUserRepository(testDb().handle.db)
    const user = await newUser('sv@studio.test')
    expect(await users.sessionState(user.id)).toEqual({ version: 0, active: true })

    expect(await users.update(user.id, { displayName: 'Renamed', locale: 'ko' })).toMatchObject({
      sessionEnded: false,
      user: { sessionVersion: 0 },
    })
    // Setting the role it already has changes nothing.
    expect(await users.update(user.id, { role: 'admin' })).toMatchObject({ sessionEnded: false })
    expect(await users.update(user.id, { role: 'client' })).toMatchObject({
      sessionEnded: true,
      user: { role: 'client', sessionVersion: 1 },
    })
    expect(await users.update(user.id, { active: false })).toMatchObject({ sessionEnded: true })
    expect(await users.sessionState(user.id)).toEqual({ version: 2, active: false })
    expect(await users.update(user.id, { passwordHash: 'new' })).toMatchObject({ sessionEnded: true })
    expect(await users.sessionState(user.id)).toEqual({ version: 3, active: false })
    expect(await users.update('no-such-user', { role: 'admin' })).toBeUndefined()
  })

  it('ends sessions on sign-out, naming the owner of the revoked refresh token', async () => {
    const db = testDb().handle.db
    const users = createUserRepository(db)
    const user = await newUser('out@studio.test')
    const tokens = createRefreshTokenRepository(db)
    await tokens.insert({ userId: user.id, familyId: 'fam-out', tokenHash: 'hash-out', expiresAt: '2999-01-01' })
    expect(await tokens.revokeByHash('hash-out')).toEqual({ familyId: 'fam-out', userId: user.id })
    expect(await tokens.revokeByHash('unknown')).toBeUndefined()
    expect(await users.endSessions(user.id)).toBe(1)
    expect(await users.endSessions(user.id)).toBe(2)
    expect(await users.endSessions('no-such-user')).toBeUndefined()
  })
})

describeEachEngine('sign-in addresses', (testDb) => {
  it('knows the addresses an account has signed in from, by email', async () => {
    const db = testDb().handle.db
    const user = await createUserRepository(db).insert({
      email: 'Known@Studio.test',
      displayName: 'K',
      role: 'artist',
      locale: 'en',
      passwordHash: 'h',
    })
    const addresses = createSignInAddressRepository(db)
    expect(await addresses.isKnown('known@studio.test', '198.51.100.7')).toBe(false)
    await addresses.remember(user.id, '198.51.100.7')
    await addresses.remember(user.id, '198.51.100.7') // again: no duplicate-key failure
    expect(await addresses.isKnown('KNOWN@studio.test', '198.51.100.7')).toBe(true)
    expect(await addresses.isKnown('known@studio.test', '203.0.113.9')).toBe(false)
    expect(await addresses.isKnown('other@studio.test', '198.51.100.7')).toBe(false)
  })
})
