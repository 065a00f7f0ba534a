// The first admin of an empty studio, made from the sign-in page: offered only while the studio
// has no users, created once (two racing requests make one admin), signed in at once.
import { testEngines } from '@aipipeline/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

const admin = { email: 'boss@studio.test', displayName: 'Boss', password: 'first-run secret', locale: 'ko' }

for (const engine of testEngines('first-run admin')) {
  describe(`first admin from the sign-in page [${engine}]`, () => {
    let studio: TestStudio | undefined
    afterEach(async () => {
      await studio?.close()
      studio = undefined
    })

    it('is offered on an empty studio, creates an admin with a session, and is refused afterwards', async () => {
      studio = await createTestStudio(engine)
      const state = await studio.app.inject({ method: 'GET', url: '/api/auth/first-run' })
      expect(state.json()).toEqual({ needsAdmin: true })

      const created = await studio.app.inject({ method: 'POST', url: '/api/auth/first-run', payload: admin })
      expect(created.statusCode).toBe(201)
      const session = created.json()
      expect(session.user).toMatchObject({ email: 'boss@studio.test', role: 'admin', locale: 'ko', active: true })
      const me = await studio.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { authorization: `Bearer ${session.accessToken}` },
      })
      expect(me.json()).toMatchObject({ email: 'boss@studio.test', role: 'admin' })

      expect((await studio.app.inject({ method: 'GET', url: '/api/auth/first-run' })).json()).toEqual({
        needsAdmin: false,
      })
      const again = await studio.app.inject({
        method: 'POST',
        url: '/api/auth/first-run',
        payload: { ...admin, email: 'intruder@studio.test' },
      })
      expect(again.statusCode).toBe(409)
      expect(again.json().error.details).toMatchObject({ rule: 'studio_already_set_up' })
    })

    it('makes exactly one admin when two requests race', async () => {
      studio = await createTestStudio(engine)
      const s = studio
      const results = await Promise.all(
        ['a@studio.test', 'b@studio.test', 'c@studio.test'].map((email) =>
          s.app.inject({ method: 'POST', url: '/api/auth/first-run', payload: { ...admin, email } }),
        ),
      )
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409])
      const users = await s.auth.listUsers()
      expect(users).toHaveLength(1)
    })

    it('answers 400 naming the field for a short password, and creates nobody', async () => {
      studio = await createTestStudio(engine)
      const res = await studio.app.inject({
        method: 'POST',
        url: '/api/auth/first-run',
        payload: { ...admin, password: 'short' },
      })
      expect(res.statusCode).toBe(400)
      expect(JSON.stringify(res.json())).toContain('password')
      expect((await studio.app.inject({ method: 'GET', url: '/api/auth/first-run' })).json()).toEqual({
        needsAdmin: true,
      })
    })
  })
}
