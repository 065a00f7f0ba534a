// Invitations, admin-issued password resets and the own-password change, over HTTP on both
// engines: a link works once and only until it expires; a new password ends every other session.
import { AccountLink, ErrorBody, Invitation, Session, UserSummary } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { callApi, createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

const Users = z.object({ items: z.array(UserSummary) })

for (const engine of testEngines('account links and passwords')) {
  describe(`invitations, resets and password changes [${engine}]`, () => {
    let studio: TestStudio
    let admin: Session
    beforeAll(async () => {
      studio = await createTestStudio(engine)
      admin = await studio.signIn('admin')
    })
    afterAll(async () => studio.close())

    const post = (url: string, body?: unknown, token?: string) => callApi(studio, 'POST', url, token, body)
    const invite = async (email: string) => {
      const res = await post(
        '/api/users/invitations',
        { email, displayName: 'Jiwoo', role: 'artist' },
        admin.accessToken,
      )
      expect(res.statusCode).toBe(201)
      return Invitation.parse(res.json())
    }
    const usersNow = async () =>
      Users.parse((await callApi(studio, 'GET', '/api/users', admin.accessToken)).json()).items
    const login = (email: string, password: string) => post('/api/auth/login', { email, password })

    it('lists an invitee as invited until they set a password through the link, which then signs them in', async () => {
      const { user, link } = await invite('jiwoo@studio.test')
      expect(user.status).toBe('invited')
      expect(user.pendingLink?.purpose).toBe('invite')
      expect(link.purpose).toBe('invite')
      // Seven days by default.
      const days = (Date.parse(link.expiresAt) - Date.now()) / 86_400_000
      expect(days).toBeGreaterThan(6.9)
      expect(days).toBeLessThanOrEqual(7)
      // The token is never stored in clear.
      const stored = await studio.testDb.handle.db.selectFrom('accountLinks').select('tokenHash').execute()
      expect(stored.map((r) => r.tokenHash)).not.toContain(link.token)

      const info = await post('/api/auth/account-links/inspect', { token: link.token })
      expect(info.json()).toMatchObject({ purpose: 'invite', email: 'jiwoo@studio.test', displayName: 'Jiwoo' })
      expect((await login('jiwoo@studio.test', 'first password')).statusCode).toBe(401)

      const redeemed = await post('/api/auth/account-links/redeem', { token: link.token, password: 'first password' })
      expect(redeemed.statusCode).toBe(200)
      const session = Session.parse(redeemed.json())
      expect(session.user.email).toBe('jiwoo@studio.test')
      expect((await callApi(studio, 'GET', '/api/me', session.accessToken)).statusCode).toBe(200)
      expect((await login('jiwoo@studio.test', 'first password')).statusCode).toBe(200)

      const listed = (await usersNow()).find((u) => u.email === 'jiwoo@studio.test')
      expect(listed).toMatchObject({ status: 'active', pendingLink: null })
      expect(listed?.lastSignedInAt).not.toBeNull()
    })

    it('lets a link be used once only', async () => {
      const { link } = await invite('once@studio.test')
      expect(
        (await post('/api/auth/account-links/redeem', { token: link.token, password: 'password one' })).statusCode,
      ).toBe(200)
      const again = await post('/api/auth/account-links/redeem', { token: link.token, password: 'password two' })
      expect(again.statusCode).toBe(410)
      expect(ErrorBody.parse(again.json()).error).toMatchObject({
        code: 'account_link_invalid',
        details: { reason: 'used' },
      })
      expect((await login('once@studio.test', 'password two')).statusCode).toBe(401)
    })

    it('refuses an expired link and an unknown one, and keeps the minimum password length', async () => {
      const { link } = await invite('late@studio.test')
      const short = await post('/api/auth/account-links/redeem', { token: link.token, password: 'short' })
      expect(short.statusCode).toBe(400)
      await studio.testDb.handle.db
        .updateTable('accountLinks')
        .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
        .where('userId', '=', link.userId)
        .execute()
      const late = await post('/api/auth/account-links/redeem', { token: link.token, password: 'long enough' })
      expect(late.statusCode).toBe(410)
      expect(ErrorBody.parse(late.json()).error.details).toEqual({ reason: 'expired' })
      const unknown = await post('/api/auth/account-links/inspect', { token: 'x'.repeat(43) })
      expect(ErrorBody.parse(unknown.json()).error.details).toEqual({ reason: 'unknown' })
      // An admin can send a fresh invitation; the invitee is still invited.
      const fresh = await post(`/api/users/${link.userId}/account-link`, undefined, admin.accessToken)
      expect(AccountLink.parse(fresh.json()).purpose).toBe('invite')
    })

    it('resets a password by admin link: the old password and every open session stop working', async () => {
      const user = await studio.signIn('supervisor', 'reset-me@studio.test')
      const res = await post(`/api/users/${user.user.id}/account-link`, undefined, admin.accessToken)
      expect(res.statusCode).toBe(201)
      const link = AccountLink.parse(res.json())
      expect(link.purpose).toBe('reset')
      // Issuing another link replaces the first one.
      const second = AccountLink.parse(
        (await post(`/api/users/${user.user.id}/account-link`, undefined, admin.accessToken)).json(),
      )
      expect((await post('/api/auth/account-links/inspect', { token: link.token })).statusCode).toBe(410)

      expect(
        (await post('/api/auth/account-links/redeem', { token: second.token, password: 'brand new pass' })).statusCode,
      ).toBe(200)
      expect((await callApi(studio, 'GET', '/api/me', user.accessToken)).statusCode).toBe(401)
      expect((await post('/api/auth/refresh', { refreshToken: user.refreshToken })).statusCode).toBe(401)
      expect((await login('reset-me@studio.test', 'correct horse')).statusCode).toBe(401)
      expect((await login('reset-me@studio.test', 'brand new pass')).statusCode).toBe(200)
    })

    it('refuses links for a deactivated account', async () => {
      const { link } = await invite('gone@studio.test')
      await callApi(studio, 'PATCH', `/api/users/${link.userId}`, admin.accessToken, { active: false })
      const res = await post('/api/auth/account-links/redeem', { token: link.token, password: 'long enough' })
      expect(res.statusCode).toBe(422)
      expect(ErrorBody.parse(res.json()).error.details).toEqual({ rule: 'account_deactivated' })
      expect((await usersNow()).find((u) => u.id === link.userId)?.status).toBe('deactivated')
    })

    it('changes the own password: other sessions are signed out, this one continues with fresh tokens', async () => {
      const here = await studio.signIn('artist', 'mine@studio.test')
      const elsewhere = Session.parse((await login('mine@studio.test', 'correct horse')).json())
      const wrong = await post(
        '/api/me/password',
        { currentPassword: 'not it', newPassword: 'a better one' },
        here.accessToken,
      )
      expect(wrong.statusCode).toBe(422)
      expect(ErrorBody.parse(wrong.json()).error.details).toEqual({ rule: 'current_password_wrong' })
      const short = await post(
        '/api/me/password',
        { currentPassword: 'correct horse', newPassword: 'short' },
        here.accessToken,
      )
      expect(short.statusCode).toBe(400)

      const changed = await post(
        '/api/me/password',
        { currentPassword: 'correct horse', newPassword: 'a better one' },
        here.accessToken,
      )
      expect(changed.statusCode).toBe(200)
      const fresh = Session.parse(changed.json())
      expect((await callApi(studio, 'GET', '/api/me', fresh.accessToken)).statusCode).toBe(200)
      expect((await post('/api/auth/refresh', { refreshToken: fresh.refreshToken })).statusCode).toBe(200)
      // The other device and the tokens this device held before are done.
      expect((await callApi(studio, 'GET', '/api/me', elsewhere.accessToken)).statusCode).toBe(401)
      expect((await post('/api/auth/refresh', { refreshToken: elsewhere.refreshToken })).statusCode).toBe(401)
      expect((await callApi(studio, 'GET', '/api/me', here.accessToken)).statusCode).toBe(401)
      expect((await login('mine@studio.test', 'a better one')).statusCode).toBe(200)
    })
  })
}

describe('link and password attempts are rate-limited like sign-in', () => {
  let studio: TestStudio
  beforeAll(async () => {
    studio = await createTestStudio('sqlite', { config: { loginRateLimitPerAddressPerMinute: 3 } })
  })
  afterAll(async () => studio.close())

  it('answers 429 once one address has spent its attempts on link tokens', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 5; i++)
      statuses.push(
        (
          await callApi(studio, 'POST', '/api/auth/account-links/inspect', undefined, {
            token: `guess-${i}`.padEnd(43, 'x'),
          })
        ).statusCode,
      )
    expect(statuses.slice(0, 3)).toEqual([410, 410, 410])
    expect(statuses.slice(3)).toEqual([429, 429])
  })
})
