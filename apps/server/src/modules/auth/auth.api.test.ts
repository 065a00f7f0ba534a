// The API as a client sees it, on the embedded default (SQLite + local queue) and on the
// scale-out stack (Postgres + Redis): same assertions, both deployments.
import { ErrorBody, Health, Session, User } from '@aipipeline/contracts'
import type { Engine } from '@aipipeline/db'
import { postgres, redis, requireService } from '@aipipeline/testing'
import { SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'
import { deriveKey } from './token.service'

const deployments: { name: string; engine: Engine; redis: boolean }[] = [
  { name: 'embedded (sqlite + local queue)', engine: 'sqlite', redis: false },
]
if (requireService(postgres, 'API tests on PostgreSQL') && requireService(redis, 'API tests with Redis')) {
  deployments.push({ name: 'scale-out (postgres + redis)', engine: 'postgres', redis: true })
}

for (const deployment of deployments) {
  describe(`auth API — ${deployment.name}`, () => {
    let studio: TestStudio
    beforeAll(async () => {
      studio = await createTestStudio(deployment.engine, { redis: deployment.redis })
      await studio.auth.createUser({
        email: 'lee@studio.test',
        displayName: 'Lee',
        role: 'supervisor',
        locale: 'ko',
        password: 'correct horse',
      })
    })
    afterAll(async () => studio.close())

    const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      studio.app.inject({
        method: 'POST',
        url,
        payload: JSON.stringify(payload),
        headers: { 'content-type': 'application/json', ...headers },
      })
    const login = () => post('/api/auth/login', { email: 'LEE@studio.test', password: 'correct horse' })

    it('reports which database and queue it runs on', async () => {
      const res = await studio.app.inject({ method: 'GET', url: '/api/health' })
      expect(res.statusCode).toBe(200)
      const health = Health.parse(res.json())
      expect(health.database).toBe(deployment.engine)
      expect(health.queue).toBe(deployment.redis ? 'bullmq' : 'local')
      expect(res.headers['x-request-id']).toBeTruthy()
    })

    it('signs in and answers /api/me with the user', async () => {
      const res = await login()
      expect(res.statusCode).toBe(200)
      const session = Session.parse(res.json())
      expect(session.user).toMatchObject({ email: 'lee@studio.test', role: 'supervisor', locale: 'ko' })
      const me = await studio.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { authorization: `Bearer ${session.accessToken}` },
      })
      expect(User.parse(me.json()).id).toBe(session.user.id)
    })

    it('rotates refresh tokens and revokes the family when an old one is replayed', async () => {
      const first = Session.parse((await login()).json())
      const second = await post('/api/auth/refresh', { refreshToken: first.refreshToken })
      expect(second.statusCode).toBe(200)
      const rotated = Session.parse(second.json())
      expect(rotated.refreshToken).not.toBe(first.refreshToken)
      const replay = await post('/api/auth/refresh', { refreshToken: first.refreshToken })
      expect(replay.statusCode).toBe(401)
      expect(ErrorBody.parse(replay.json()).error.message).toMatch(/already used/)
      // The thief's replay also kills the legitimate holder's newer token.
      const after = await post('/api/auth/refresh', { refreshToken: rotated.refreshToken })
      expect(after.statusCode).toBe(401)
    })

    it('logs out by revoking the refresh token', async () => {
      const session = Session.parse((await login()).json())
      expect((await post('/api/auth/logout', { refreshToken: session.refreshToken })).statusCode).toBe(204)
      expect((await post('/api/auth/refresh', { refreshToken: session.refreshToken })).statusCode).toBe(401)
    })

    it('refuses a wrong password with 401 and the same message as an unknown email', async () => {
      const wrong = await post('/api/auth/login', { email: 'lee@studio.test', password: 'nope' })
      const unknown = await post('/api/auth/login', { email: 'nobody@studio.test', password: 'nope' })
      expect(wrong.statusCode).toBe(401)
      expect(unknown.statusCode).toBe(401)
      expect(ErrorBody.parse(wrong.json()).error.message).toBe(ErrorBody.parse(unknown.json()).error.message)
    })

    describe('bad input gets the documented status and a JSON error body', () => {
      it('malformed JSON → 400 invalid_json', async () => {
        const res = await studio.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: '{"email":',
          headers: { 'content-type': 'application/json' },
        })
        expect(res.statusCode).toBe(400)
        expect(ErrorBody.parse(res.json()).error.code).toBe('invalid_json')
      })

      it('wrong types and unknown fields → 400 naming each field path', async () => {
        const res = await post('/api/auth/login', { email: 42, password: 'x', remember: true })
        expect(res.statusCode).toBe(400)
        const body = ErrorBody.parse(res.json())
        expect(body.error.code).toBe('validation_failed')
        const paths = body.error.issues?.map((i) => i.path) ?? []
        expect(paths).toContain('body.email')
        expect(body.error.issues?.some((i) => i.message.includes('remember'))).toBe(true)
      })

      it('oversize body → 413', async () => {
        const res = await post('/api/auth/login', {
          email: 'a@b.co',
          password: 'x'.repeat(studio.config.bodyLimitBytes),
        })
        expect(res.statusCode).toBe(413)
        expect(ErrorBody.parse(res.json()).error.code).toBe('payload_too_large')
      })

      it('missing, malformed and forged tokens → 401', async () => {
        expect((await studio.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401)
        const malformed = await studio.app.inject({
          method: 'GET',
          url: '/api/me',
          headers: { authorization: 'Token abc' },
        })
        expect(malformed.statusCode).toBe(401)
        const forged = await new SignJWT({ role: 'admin', typ: 'access' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('someone')
          .setIssuer('aipipeline')
          .setExpirationTime('1h')
          .sign(new Uint8Array(32))
        const res = await studio.app.inject({
          method: 'GET',
          url: '/api/me',
          headers: { authorization: `Bearer ${forged}` },
        })
        expect(res.statusCode).toBe(401)
      })

      it('expired token → 401 saying it expired', async () => {
        const session = Session.parse((await login()).json())
        const expired = await new SignJWT({ role: 'supervisor', typ: 'access' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(session.user.id)
          .setIssuer('aipipeline')
          .setIssuedAt(1_000_000)
          .setExpirationTime(1_000_060)
          .sign(deriveKey(studio.config.secretKey, 'jwt'))
        const res = await studio.app.inject({
          method: 'GET',
          url: '/api/me',
          headers: { authorization: `Bearer ${expired}` },
        })
        expect(res.statusCode).toBe(401)
        expect(ErrorBody.parse(res.json()).error.message).toMatch(/expired/)
      })

      it('unknown route → 404 JSON', async () => {
        const res = await studio.app.inject({ method: 'GET', url: '/api/nothing-here' })
        expect(res.statusCode).toBe(404)
        expect(ErrorBody.parse(res.json()).error.code).toBe('not_found')
      })

      it('duplicate user → 409', async () => {
        const admin = await studio.signIn('admin')
        const res = await post(
          '/api/users',
          { email: 'lee@studio.test', displayName: 'Again', role: 'artist', password: 'long enough pw' },
          { authorization: `Bearer ${admin.accessToken}` },
        )
        expect(res.statusCode).toBe(409)
      })

      it('logs none of these client mistakes at error level', () => {
        const errors = studio.logs.filter((l) => l.level >= 50)
        expect(errors).toEqual([])
      })
    })

    it('never writes a password or token into the log', () => {
      const text = JSON.stringify(studio.logs)
      expect(text).not.toContain('correct horse')
      expect(text).not.toMatch(/eyJhbGciOi/)
    })
  })
}

describe('login rate limit', () => {
  let studio: TestStudio
  beforeAll(async () => {
    studio = await createTestStudio('sqlite', { config: { loginRateLimitPerMinute: 3 } })
  })
  afterAll(async () => studio.close())

  it('answers 429 with Retry-After after too many attempts for one email from one address', async () => {
    const attempt = () =>
      studio.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'target@studio.test', password: 'guess' },
      })
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401)
    const limited = await attempt()
    expect(limited.statusCode).toBe(429)
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect(ErrorBody.parse(limited.json()).error.code).toBe('rate_limited')
  })
})

describe('serving the web app', () => {
  let studio: TestStudio
  beforeAll(async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const dir = mkdtempSync(join(tmpdir(), 'aipipeline-web-'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>AIPipeline</title>')
    studio = await createTestStudio('sqlite', { config: { webDistDir: dir } })
  })
  afterAll(async () => studio.close())

  it('answers browser navigation with the app and API misses with JSON', async () => {
    const page = await studio.app.inject({ method: 'GET', url: '/farm/jobs/123' })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('<title>AIPipeline</title>')
    const api = await studio.app.inject({ method: 'GET', url: '/api/missing' })
    expect(api.statusCode).toBe(404)
    expect(ErrorBody.parse(api.json()).error.code).toBe('not_found')
  })
})
