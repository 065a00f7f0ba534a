import { describeEachEngine } from '@aipipeline/testing'
import { expect, it } from 'vitest'
import { createRefreshTokenRepository } from './refresh-token.repository'
import { createUserRepository } from './user.repository'

describeEachEngine('auth repositories', (testDb) => {
  it('stores users with lower-cased emails and hides the hash from plain reads', async () => {
    const users = createUserRepository(testDb().handle.db)
    const created = await users.insert({
      email: 'Ada@Studio.Test',
      displayName: 'Ada',
      role: 'artist',
      locale: 'en',
      passwordHash: 'x',
    })
    expect(created.email).toBe('ada@studio.test')
    expect(created).not.toHaveProperty('passwordHash')
    expect((await users.findByEmailWithHash('ADA@studio.test'))?.passwordHash).toBe('x')
    expect(await users.findById(created.id)).toMatchObject({ active: true, role: 'artist' })
  })

  it('rejects a second user with the same email', async () => {
    const users = createUserRepository(testDb().handle.db)
    const input = {
      email: 'dup@studio.test',
      displayName: 'D',
      role: 'client' as const,
      locale: 'ko',
      passwordHash: 'h',
    }
    await users.insert(input)
    await expect(users.insert(input)).rejects.toThrow()
  })

  it('rotates a refresh token once and revokes the family when a used token comes back', async () => {
    const db = testDb().handle.db
    const user = await createUserRepository(db).insert({
      email: 'rot@studio.test',
      displayName: 'R',
      role: 'manager',
      locale: 'en',
      passwordHash: 'h',
    })
    const tokens = createRefreshTokenRepository(db)
    const expiresAt = new Date(Date.now() + 60_000).toISOString()
    await tokens.insert({ userId: user.id, familyId: 'fam-1', tokenHash: 'hash-a', expiresAt })
    await tokens.insert({ userId: user.id, familyId: 'fam-1', tokenHash: 'hash-b', expiresAt })
    expect(await tokens.consume('hash-a')).toMatchObject({ kind: 'rotated', familyId: 'fam-1' })
    expect(await tokens.consume('hash-a')).toMatchObject({ kind: 'reused' })
    expect(await tokens.consume('hash-b')).toEqual({ kind: 'revoked' })
    expect((await tokens.family('fam-1')).every((t) => t.revokedAt !== null)).toBe(true)
  })

  it('refuses an expired refresh token', async () => {
    const db = testDb().handle.db
    const user = await createUserRepository(db).insert({
      email: 'exp@studio.test',
      displayName: 'E',
      role: 'vendor',
      locale: 'en',
      passwordHash: 'h',
    })
    const tokens = createRefreshTokenRepository(db)
    await tokens.insert({
      userId: user.id,
      familyId: 'fam-2',
      tokenHash: 'hash-old',
      expiresAt: '2000-01-01T00:00:00.000Z',
    })
    expect(await tokens.consume('hash-old')).toEqual({ kind: 'expired' })
  })

  it('keeps per-project role overrides', async () => {
    const users = createUserRepository(testDb().handle.db)
    const u = await users.insert({
      email: 'p@studio.test',
      displayName: 'P',
      role: 'artist',
      locale: 'en',
      passwordHash: 'h',
    })
    expect(await users.projectRole('proj-1', u.id)).toBeUndefined()
    await users.setProjectRole('proj-1', u.id, 'supervisor')
    await users.setProjectRole('proj-1', u.id, 'manager')
    expect(await users.projectRole('proj-1', u.id)).toBe('manager')
  })
})
