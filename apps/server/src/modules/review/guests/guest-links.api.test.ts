// Guest links end to end, on both engines: a link is made for a client playlist only and its
// token is shown once; a guest's session opens that playlist and nothing else (every other
// route of the studio answers 404, sockets join only the playlist's room); expired and revoked
// links open nothing; a revoke ends open guest sessions at once (HTTP and sockets); the public
// route is rate limited; guests never show up as studio users; the log records what they did.
import {
  admitsGuests,
  apiRoutes,
  CreatedGuestLink,
  GuestLink,
  GuestLogEntry,
  GuestSession,
} from '@aipipeline/contracts'
import { createGuestLinkRepository, newId } from '@aipipeline/db'
import { testEngines } from '@aipipeline/testing'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, liveSeat, type TeamProject, teamProject } from '../../../../test-kits/production/production-test-kit'
import { type FakePlaylist, guestLinksApp } from '../../../../test-kits/review/guest-links-kit'
import { createTestStudio, type TestStudio } from '../../../../test-kits/test-studio'
import { type GuestLinks, hashGuestToken } from '.'

const json = (payload: unknown) => ({
  payload: JSON.stringify(payload),
  headers: { 'content-type': 'application/json' },
})

for (const engine of testEngines('review guest links')) {
  describe(`review guest links [${engine}]`, () => {
    let studio: TestStudio
    let team: TeamProject
    let small: { app: FastifyInstance; guests: GuestLinks }
    const playlists = new Map<string, FakePlaylist>()
    const clientPlaylist = newId()
    const otherClientPlaylist = newId()
    const teamPlaylist = newId()

    beforeAll(async () => {
      studio = await createTestStudio(engine, { config: { loginRateLimitPerAddressPerMinute: 4 } })
      team = await teamProject(studio, 'GUEST')
      playlists.set(clientPlaylist, { id: clientPlaylist, projectId: team.projectId, audience: 'client' })
      playlists.set(otherClientPlaylist, { id: otherClientPlaylist, projectId: team.projectId, audience: 'client' })
      playlists.set(teamPlaylist, { id: teamPlaylist, projectId: team.projectId, audience: 'team' })
      small = await guestLinksApp({
        database: studio.testDb.handle,
        tokens: studio.tokens,
        sessions: studio.sessions,
        playlists,
      })
      await studio.app.listen({ port: 0, host: '127.0.0.1' })
    })
    afterAll(async () => {
      await small?.app.close()
      await studio?.close()
    })

    async function as(token: string | undefined, method: string, url: string, body?: unknown) {
      const res = await small.app.inject({
        method: method as 'GET',
        url,
        ...(body === undefined ? {} : json(body)),
        ...(token === undefined
          ? {}
          : { headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : json(body).headers) } }),
      })
      return { status: res.statusCode, body: (res.body === '' ? undefined : res.json()) as unknown }
    }

    async function createLink(playlistId = clientPlaylist, expiresInHours = 24) {
      const res = await as(team.seats.manager.token, 'POST', `/api/review/playlists/${playlistId}/guest-links`, {
        label: 'Client dailies',
        expiresInHours,
      })
      expect(res.status).toBe(201)
      return CreatedGuestLink.parse(res.body)
    }

    async function startSession(token: string, name = 'Mina') {
      const res = await as(undefined, 'POST', '/api/review/guest-sessions', { token, name })
      return { status: res.status, body: res.body }
    }

    async function guestSession(name = 'Mina') {
      const created = await createLink()
      const started = await startSession(created.token, name)
      expect(started.status).toBe(201)
      return { created, session: GuestSession.parse(started.body) }
    }

    it('makes a link for a client playlist, showing its token once and storing only its hash', async () => {
      const created = await createLink()
      expect(created.url).toBe(`/guest/${created.token}`)
      expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      const list = await as(team.seats.manager.token, 'GET', `/api/review/playlists/${clientPlaylist}/guest-links`)
      expect(list.status).toBe(200)
      expect(JSON.stringify(list.body)).not.toContain(created.token)
      const rows = await studio.testDb.handle.db.selectFrom('reviewGuestLinks').select('tokenHash').execute()
      expect(rows.map((r) => r.tokenHash)).not.toContain(created.token)
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true)
    })

    it('refuses a link for a team playlist, and to those who may not manage guests', async () => {
      const team422 = await as(team.seats.manager.token, 'POST', `/api/review/playlists/${teamPlaylist}/guest-links`, {
        label: 'x',
      })
      expect(team422.status).toBe(422)
      expect(JSON.stringify(team422.body)).toContain('share the playlist with clients first')
      const supervisor = await as(
        team.seats.supervisor.token,
        'POST',
        `/api/review/playlists/${clientPlaylist}/guest-links`,
        { label: 'x' },
      )
      expect(supervisor.status).toBe(403)
    })

    it('gives a guest their playlist and 404 on every route that does not admit guests', async () => {
      const { session } = await guestSession()
      expect(session.playlistId).toBe(clientPlaylist)
      expect(session.projectId).toBe(team.projectId)
      expect(session.guestName).toBe('Mina')
      const own = await as(session.accessToken, 'GET', `/api/review/playlists/${clientPlaylist}`)
      expect(own.status).toBe(200)
      expect(own.body).toMatchObject({ guestName: 'Mina', can: { manageGuests: false } })
      const other = await as(session.accessToken, 'GET', `/api/review/playlists/${otherClientPlaylist}`)
      expect(other.status).toBe(404)
      const links = await as(session.accessToken, 'GET', `/api/review/playlists/${clientPlaylist}/guest-links`)
      expect(links.status).toBe(404)

      // Every route that does not admit guests answers as if it did not exist.
      const forGuests = new Set(
        Object.values(apiRoutes)
          .filter(admitsGuests)
          .map((r) => `${r.method} ${r.path}`),
      )
      const unexpected: string[] = []
      for (const route of studio.app.boundRoutes.filter((r) => !forGuests.has(`${r.method} ${r.path}`))) {
        const url = route.path.replace(/:([a-zA-Z]+)/g, (_, name: string) =>
          name === 'projectId' ? team.projectId : name === 'playlistId' ? clientPlaylist : newId(),
        )
        const res = await studio.app.inject({
          method: route.method as 'GET',
          url,
          headers: { authorization: `Bearer ${session.accessToken}` },
        })
        const body = res.json() as { error?: { code?: string; message?: string } }
        if (res.statusCode !== 404 || body.error?.message !== `no route ${route.method} ${url}`) {
          unexpected.push(`${route.method} ${route.path}: ${res.statusCode}`)
        }
      }
      expect(unexpected).toEqual([])
    })

    it('lets a guest socket join only its playlist room and its own', async () => {
      const { session } = await guestSession()
      const guestUserId = (await studio.tokens.verifyAccess(session.accessToken)).userId
      const { port } = studio.app.server.address() as { port: number }
      const seat = await liveSeat(`http://127.0.0.1:${port}`, {
        token: session.accessToken,
        userId: guestUserId,
        email: '',
      })
      try {
        expect(await seat.join(`review:${clientPlaylist}`)).toBe(true)
        expect(await seat.join(`user:${guestUserId}`)).toBe(true)
        expect(await seat.join(`review:${otherClientPlaylist}`)).toBe(false)
        expect(await seat.join(`project:${team.projectId}`)).toBe(false)
        expect(await seat.join('farm')).toBe(false)
        expect(await seat.join(`user:${team.seats.manager.userId}`)).toBe(false)
      } finally {
        seat.close()
      }
    })

    it('refuses expired and revoked links at session start, with one message', async () => {
      const links = createGuestLinkRepository(studio.testDb.handle.db)
      const expiredToken = 'expired-token-expired-token-expired-token-x'
      await links.insert({
        playlistId: clientPlaylist,
        projectId: team.projectId,
        label: 'old',
        tokenHash: hashGuestToken(expiredToken),
        createdBy: null,
        expiresAt: new Date(Date.now() - 1000).toISOString(),
      })
      const expired = await startSession(expiredToken)
      expect(expired.status).toBe(404)
      expect(expired.body).toMatchObject({ error: { message: 'this review link is not valid (expired or revoked)' } })

      const created = await createLink()
      const revoke = await as(
        team.seats.manager.token,
        'DELETE',
        `/api/review/playlists/${clientPlaylist}/guest-links/${created.link.id}`,
      )
      expect(revoke.status).toBe(204)
      expect((await startSession(created.token)).status).toBe(404)
      expect((await startSession('no-such-token-no-such-token-no-such')).status).toBe(404)
    })

    it('ends open guest sessions at once when the link is revoked, over HTTP and sockets', async () => {
      const { created, session } = await guestSession('Jun')
      const guestUserId = (await studio.tokens.verifyAccess(session.accessToken)).userId
      const { port } = studio.app.server.address() as { port: number }
      const seat = await liveSeat(`http://127.0.0.1:${port}`, {
        token: session.accessToken,
        userId: guestUserId,
        email: '',
      })
      expect(await seat.join(`review:${clientPlaylist}`)).toBe(true)
      const disconnected = new Promise<void>((resolve) => seat.onDisconnect(resolve))
      expect((await as(session.accessToken, 'GET', `/api/review/playlists/${clientPlaylist}`)).status).toBe(200)
      const revoke = await as(
        team.seats.manager.token,
        'DELETE',
        `/api/review/playlists/${clientPlaylist}/guest-links/${created.link.id}`,
      )
      expect(revoke.status).toBe(204)
      expect((await as(session.accessToken, 'GET', `/api/review/playlists/${clientPlaylist}`)).status).toBe(401)
      await disconnected
      const list = await as(team.seats.manager.token, 'GET', `/api/review/playlists/${clientPlaylist}/guest-links`)
      const link = GuestLink.array()
        .parse((list.body as { items: unknown }).items)
        .find((l) => l.id === created.link.id)
      expect(link?.revokedAt).not.toBeNull()
    })

    it('logs what guests do, newest first, and counts their actions on the link', async () => {
      const { created, session } = await guestSession('Hana')
      const principal = await studio.tokens.verifyAccess(session.accessToken)
      await small.guests.activity.record(principal, 'join')
      await small.guests.activity.record(principal, 'comment', 'more contrast on frame 1012')
      // Signed-in users are not logged.
      await small.guests.activity.record({ userId: team.seats.client.userId, role: 'client' }, 'comment', 'x')
      const log = await as(
        team.seats.manager.token,
        'GET',
        `/api/review/playlists/${clientPlaylist}/guest-links/${created.link.id}/log`,
      )
      expect(log.status).toBe(200)
      const items = GuestLogEntry.array().parse((log.body as { items: unknown }).items)
      expect(items.map((e) => [e.action, e.guestName, e.detail])).toEqual([
        ['comment', 'Hana', 'more contrast on frame 1012'],
        ['join', 'Hana', null],
        ['session', 'Hana', null],
      ])
      const list = await as(team.seats.manager.token, 'GET', `/api/review/playlists/${clientPlaylist}/guest-links`)
      const link = GuestLink.array()
        .parse((list.body as { items: unknown }).items)
        .find((l) => l.id === created.link.id)
      expect(link?.actionCount).toBe(2)
      expect(link?.lastUsedAt).not.toBeNull()
    })

    it('never shows guests as studio users, and a guest account cannot sign in', async () => {
      const { session } = await guestSession('Mina Park')
      const principal = await studio.tokens.verifyAccess(session.accessToken)
      const users = await call(studio, team.seats.admin, 'GET', '/api/users')
      expect(users.status).toBe(200)
      expect(JSON.stringify(users.json)).not.toContain(principal.userId)
      expect(JSON.stringify(users.json)).not.toContain('Mina Park')
      const members = await call(studio, team.seats.manager, 'GET', `/api/projects/${team.projectId}/members`)
      expect(JSON.stringify(members.json)).not.toContain(principal.userId)
      const account = await studio.testDb.handle.db
        .selectFrom('users')
        .select(['email', 'role', 'guestLinkId'])
        .where('id', '=', principal.userId)
        .executeTakeFirstOrThrow()
      expect(account.role).toBe('client')
      expect(account.guestLinkId).toBe(principal.guest?.linkId)
      const login = await studio.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        ...json({ email: account.email, password: '!guest' }),
      })
      expect(login.statusCode).toBe(401)
    })

    it('rate limits guest session starts from one address on the studio', async () => {
      const statuses: number[] = []
      for (let i = 0; i < 6; i += 1) {
        const res = await studio.app.inject({
          method: 'POST',
          url: '/api/review/guest-sessions',
          ...json({ token: `guess-${i}-guess-guess-guess-guess`, name: 'x' }),
        })
        statuses.push(res.statusCode)
      }
      expect(statuses.slice(0, 4)).toEqual([404, 404, 404, 404])
      expect(statuses.slice(4)).toEqual([429, 429])
    })
  })
}
