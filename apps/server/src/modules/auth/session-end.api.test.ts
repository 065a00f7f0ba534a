// A role change, a deactivation or a sign-out takes effect at once: the old access token is
// refused on the next request and the next socket event, and the user's sockets are dropped.
// Runs on the embedded default and on the scale-out stack; the last suite runs two studio
// instances on one Postgres database and one Redis, as a load-balanced deployment would.
import { ErrorBody, JoinRoomAck, Session, User } from '@aipipeline/contracts'
import type { Engine } from '@aipipeline/db'
import { postgres, redis, requireService } from '@aipipeline/testing'
import { io as connect, type Socket } from 'socket.io-client'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { callApi, createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

const scaleOut =
  requireService(postgres, 'session end on PostgreSQL') && requireService(redis, 'session end over Redis')
const deployments: { name: string; engine: Engine; redis: boolean }[] = [
  { name: 'embedded (sqlite)', engine: 'sqlite', redis: false },
  ...(scaleOut ? [{ name: 'scale-out (postgres + redis)', engine: 'postgres' as const, redis: true }] : []),
]

const sockets: Socket[] = []
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect()
})

async function listen(studio: TestStudio): Promise<string> {
  await studio.app.listen({ port: 0, host: '127.0.0.1' })
  const address = studio.app.server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  return `http://127.0.0.1:${address.port}`
}

/** Opens a socket and resolves once connected, or rejects with the handshake error. */
function openSocket(url: string, token: string): Promise<Socket> {
  const socket = connect(url, { path: '/socket.io', auth: { token }, transports: ['websocket'], reconnection: false })
  sockets.push(socket)
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket))
    socket.once('connect_error', (err) => reject(err))
  })
}

function disconnected(socket: Socket): Promise<string> {
  return new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason)))
}

function api(studio: TestStudio) {
  return {
    call: (method: 'GET' | 'POST' | 'PATCH', url: string, token?: string, payload?: unknown) =>
      callApi(studio, method, url, token, payload),
  }
}

for (const deployment of deployments) {
  describe(`ending sessions — ${deployment.name}`, () => {
    let studio: TestStudio
    let url: string
    let adminToken: string
    beforeAll(async () => {
      studio = await createTestStudio(deployment.engine, { redis: deployment.redis })
      url = await listen(studio)
      adminToken = (await studio.signIn('admin')).accessToken
    })
    afterAll(async () => studio.close())

    const setRole = (userId: string, patch: Record<string, unknown>) =>
      api(studio).call('PATCH', `/api/users/${userId}`, adminToken, patch)

    it('a demoted admin cannot create an admin with the old token, and refreshes into the new role', async () => {
      const demoted = await studio.signIn('admin')
      const newAdmin = (n: number) => ({
        email: `made-${n}-${demoted.user.id}@studio.test`,
        displayName: 'Made',
        role: 'admin',
        password: 'long enough pw',
      })
      expect((await api(studio).call('POST', '/api/users', demoted.accessToken, newAdmin(1))).statusCode).toBe(201)

      expect((await setRole(demoted.user.id, { role: 'client' })).statusCode).toBe(200)

      const refused = await api(studio).call('POST', '/api/users', demoted.accessToken, newAdmin(2))
      expect(refused.statusCode).toBe(401)
      // A code the web app acts on (refresh, then sign-in) rather than text it must show.
      expect(ErrorBody.parse(refused.json()).error.code).toBe('unauthenticated')
      expect((await api(studio).call('GET', '/api/me', demoted.accessToken)).statusCode).toBe(401)

      const renewed = await api(studio).call('POST', '/api/auth/refresh', undefined, {
        refreshToken: demoted.refreshToken,
      })
      expect(renewed.statusCode).toBe(200)
      const session = Session.parse(renewed.json())
      expect(session.user.role).toBe('client')
      expect((await api(studio).call('POST', '/api/users', session.accessToken, newAdmin(3))).statusCode).toBe(403)
      const me = await api(studio).call('GET', '/api/me', session.accessToken)
      expect(User.parse(me.json()).role).toBe('client')
    })

    it('changing only the name keeps the session', async () => {
      const artist = await studio.signIn('artist')
      expect((await setRole(artist.user.id, { displayName: 'Renamed', role: 'artist' })).statusCode).toBe(200)
      expect((await api(studio).call('GET', '/api/me', artist.accessToken)).statusCode).toBe(200)
    })

    it('a deactivated user gets 401 at once and cannot refresh', async () => {
      const artist = await studio.signIn('artist')
      expect((await api(studio).call('GET', '/api/me', artist.accessToken)).statusCode).toBe(200)
      expect((await setRole(artist.user.id, { active: false })).statusCode).toBe(200)
      expect((await api(studio).call('GET', '/api/me', artist.accessToken)).statusCode).toBe(401)
      const refresh = await api(studio).call('POST', '/api/auth/refresh', undefined, {
        refreshToken: artist.refreshToken,
      })
      expect(refresh.statusCode).toBe(401)
    })

    it('a signed-out access token gets 401; the user’s other devices refresh and carry on', async () => {
      const here = await studio.signIn('supervisor')
      const elsewhere = await studio.auth.login({
        email: here.user.email,
        password: 'correct horse',
        clientAddress: '127.0.0.1',
      })
      expect((await api(studio).call('GET', '/api/me', here.accessToken)).statusCode).toBe(200)
      const out = await api(studio).call('POST', '/api/auth/logout', undefined, { refreshToken: here.refreshToken })
      expect(out.statusCode).toBe(204)
      expect((await api(studio).call('GET', '/api/me', here.accessToken)).statusCode).toBe(401)
      expect((await api(studio).call('GET', '/api/me', elsewhere.accessToken)).statusCode).toBe(401)
      const renewed = await api(studio).call('POST', '/api/auth/refresh', undefined, {
        refreshToken: elsewhere.refreshToken,
      })
      expect(renewed.statusCode).toBe(200)
      const token = Session.parse(renewed.json()).accessToken
      expect((await api(studio).call('GET', '/api/me', token)).statusCode).toBe(200)
    })

    it('drops a demoted user’s socket at once; the old token cannot reconnect, the new one gets the new role’s rooms', async () => {
      const staff = await studio.signIn('manager')
      const socket = await openSocket(url, staff.accessToken)
      expect(JoinRoomAck.parse(await socket.emitWithAck('room:join', { room: 'farm' }))).toEqual({
        ok: true,
        room: 'farm',
      })
      const dropped = disconnected(socket)
      expect((await setRole(staff.user.id, { role: 'client' })).statusCode).toBe(200)
      expect(await dropped).toBe('io server disconnect')

      await expect(openSocket(url, staff.accessToken)).rejects.toThrow(/unauthenticated/)
      const renewed = await api(studio).call('POST', '/api/auth/refresh', undefined, {
        refreshToken: staff.refreshToken,
      })
      const again = await openSocket(url, Session.parse(renewed.json()).accessToken)
      expect(JoinRoomAck.parse(await again.emitWithAck('room:join', { room: 'farm' }))).toMatchObject({ ok: false })
    })

    it('drops the sockets of a deactivated or signed-out user', async () => {
      const leaving = await studio.signIn('artist')
      const socketA = await openSocket(url, leaving.accessToken)
      const droppedA = disconnected(socketA)
      await setRole(leaving.user.id, { active: false })
      expect(await droppedA).toBe('io server disconnect')

      const signingOut = await studio.signIn('vendor')
      const socketB = await openSocket(url, signingOut.accessToken)
      const droppedB = disconnected(socketB)
      await api(studio).call('POST', '/api/auth/logout', undefined, { refreshToken: signingOut.refreshToken })
      expect(await droppedB).toBe('io server disconnect')
    })
  })
}

describe.runIf(scaleOut)('ending sessions across two studio instances (postgres + redis)', () => {
  let first: TestStudio
  let second: TestStudio
  let secondUrl: string
  beforeAll(async () => {
    // Its own Redis prefix: studios of other test files must not be counted as instances.
    const redisPrefix = `test-sessions-${process.pid}-${Date.now().toString(36)}`
    first = await createTestStudio('postgres', { redis: true, config: { redisPrefix } })
    second = await createTestStudio('postgres', {
      redis: true,
      database: first.testDb,
      config: { secretKey: first.config.secretKey, redisPrefix },
    })
    await listen(first)
    secondUrl = await listen(second)
  })
  afterAll(async () => {
    await second.close()
    await first.close()
  })

  it('a role change made on one instance is enforced by the other before the change is answered', async () => {
    const admin = await first.signIn('admin')
    const demoted = await first.signIn('admin')
    // The second instance has checked (and cached) the token's session: it must drop that entry.
    expect((await api(second).call('GET', '/api/me', demoted.accessToken)).statusCode).toBe(200)
    const socket = await openSocket(secondUrl, demoted.accessToken)
    const dropped = disconnected(socket)

    const change = await api(first).call('PATCH', `/api/users/${demoted.user.id}`, admin.accessToken, {
      role: 'client',
    })
    expect(change.statusCode).toBe(200)

    const createAdmin = await api(second).call('POST', '/api/users', demoted.accessToken, {
      email: `via-second-${demoted.user.id}@studio.test`,
      displayName: 'Via second',
      role: 'admin',
      password: 'long enough pw',
    })
    expect(createAdmin.statusCode).toBe(401)
    expect(await dropped).toBe('io server disconnect')
  })
})
