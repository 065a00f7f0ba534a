// Role × route × socket matrix, on both engines: every route of the app has an access rule,
// and every role gets exactly the access its rule grants; on every project-scoped route a
// non-member of each role gets 404 and a member what the role allows; every room join and
// every event delivery follows the same rules. Adding a route without a rule fails here.
import { ROLES, type Role, roleSatisfies } from '@aipipeline/domain'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bodyFor, type MatrixProject, matrixProject, projectInInput } from '../../test-kits/http/access-matrix.fixture'
import { type LiveSeat, liveSeat, type Seat } from '../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../test-kits/test-studio'

// Infrastructure routes outside the API contracts, each with the reason it is open.
const INFRASTRUCTURE_ROUTES: { pattern: RegExp; why: string }[] = [
  { pattern: /^\/metrics$/, why: 'Prometheus scrapes without credentials; restrict at the network edge' },
  { pattern: /^\/api\/docs(\/.*)?$/, why: 'the OpenAPI document and its viewer are public' },
]

for (const engine of testEngines('role × route access matrix')) {
  describe(`role × route access matrix [${engine}]`, () => {
    let studio: TestStudio
    const tokens = new Map<Role, string>()
    beforeAll(async () => {
      studio = await createTestStudio(engine)
      for (const role of ROLES) tokens.set(role, (await studio.signIn(role)).accessToken)
    })
    afterAll(async () => studio.close())

    it('has a rule for every route the app serves', () => {
      const bound = new Set(studio.app.boundRoutes.map((r) => `${r.method} ${r.path}`))
      const unruled = studio.app.allRoutes.filter(
        (r) =>
          r.method !== 'HEAD' &&
          !bound.has(`${r.method} ${r.path}`) &&
          !INFRASTRUCTURE_ROUTES.some((i) => i.pattern.test(r.path)),
      )
      expect(unruled).toEqual([])
      expect(studio.app.boundRoutes.length).toBeGreaterThan(5)
    })

    it('grants each role exactly what the rule says, and refuses anonymous callers on protected routes', async () => {
      const mismatches: string[] = []
      for (const route of studio.app.boundRoutes) {
        const url = route.path.replace(/:([a-zA-Z]+)/g, 'matrix-$1')
        const callers: (Role | undefined)[] = [undefined, ...ROLES]
        for (const role of callers) {
          const token = role ? tokens.get(role) : undefined
          const res = await studio.app.inject({
            method: route.method as 'GET',
            url,
            headers: token ? { authorization: `Bearer ${token}` } : {},
          })
          const allowed = roleSatisfies(route.access, role)
          const refused = res.statusCode === 401 || res.statusCode === 403
          const expected = role === undefined && route.access.kind !== 'public' ? 401 : 403
          if (allowed && refused) mismatches.push(`${role ?? 'anonymous'} refused on ${route.method} ${route.path}`)
          if (!allowed && res.statusCode !== expected) {
            mismatches.push(
              `${role ?? 'anonymous'} got ${res.statusCode} (want ${expected}) on ${route.method} ${route.path}`,
            )
          }
        }
      }
      expect(mismatches).toEqual([])
    })
  })
}

/** Path parameters that address a project or something inside one. */
const PROJECT_SCOPED =
  /:(projectId|shotId|taskId|versionId|fileId|runId|groupId|inputId|playlistId|itemId)\b|^\/api\/farm\/jobs\/:id/

/** A route's URL with the matrix project's ids filled in. */
function urlOf(p: MatrixProject, path: string, query?: string): string {
  const url = path.replace(/:([a-zA-Z]+)/g, (_, name: string) => p.ids[name] ?? `matrix-${name}`)
  return query === undefined ? url : `${url}?${query}`
}

for (const engine of testEngines('project membership matrix')) {
  describe(`project membership × route × socket matrix [${engine}]`, () => {
    let studio: TestStudio
    let p: MatrixProject
    let url = ''
    const sockets: LiveSeat[] = []
    beforeAll(async () => {
      studio = await createTestStudio(engine)
      p = await matrixProject(studio)
      await studio.app.listen({ port: 0, host: '127.0.0.1' })
      const address = studio.app.server.address()
      if (!address || typeof address === 'string') throw new Error('no port')
      url = `http://127.0.0.1:${address.port}`
    })
    afterAll(async () => {
      for (const s of sockets.splice(0)) s.close()
      await studio.close()
    })

    function projectRoutes() {
      return studio.app.boundRoutes.flatMap((route) => {
        const input = projectInInput(p, route)
        if (input === undefined && !PROJECT_SCOPED.test(route.path)) return []
        return [{ ...route, url: urlOf(p, route.path, input?.query), body: input?.body ?? bodyFor(p, route) }]
      })
    }

    async function send(route: ReturnType<typeof projectRoutes>[number], seat: Seat) {
      return studio.app.inject({
        method: route.method as 'GET',
        url: route.url,
        headers: { authorization: `Bearer ${seat.token}` },
        ...(route.body === undefined
          ? {}
          : {
              payload: JSON.stringify(route.body),
              headers: {
                authorization: `Bearer ${seat.token}`,
                'content-type': 'application/json',
              },
            }),
      })
    }

    it('covers every project-scoped route', () => {
      const routes = projectRoutes()
      expect(routes.length).toBeGreaterThan(50)
      expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
        expect.arrayContaining([
          'GET /api/agents/runs/:runId',
          'POST /api/farm/jobs/:id/cancel',
          'PUT /api/llm/budgets',
          'POST /api/projects/:projectId/render-inputs',
          'GET /api/projects/:projectId/render-inputs/:inputId/file',
          'POST /api/versions/:versionId/derive',
          'GET /api/versions/:versionId/control-maps',
          'GET /api/projects/:projectId/reports/:reportId/pdf',
          'PUT /api/projects/:projectId/report-schedule',
          'GET /api/projects/:projectId/characters/:characterId',
          'GET /api/projects/:projectId/assets/:assetId',
          'PUT /api/shots/:shotId/breakdown',
          'GET /api/shots/:shotId/version-lineage',
          'POST /api/versions/:versionId/approve',
          'POST /api/versions/:versionId/retake',
          'GET /api/review/versions/:versionId/proxy',
          'POST /api/review/versions/:versionId/proxy',
          'GET /api/review/playlists/:playlistId/versions/:versionId/media',
          'POST /api/review/playlists/:playlistId/items/:itemId/comments',
          'PUT /api/review/playlists/:playlistId/order',
        ]),
      )
    })

    it('answers 404 to a non-member of every role on every project-scoped route the role may call', async () => {
      const leaks: string[] = []
      for (const route of projectRoutes()) {
        for (const role of ROLES) {
          if (role === 'admin' || !roleSatisfies(route.access, role)) continue
          const res = await send(route, p.outsiders[role])
          if (res.statusCode !== 404) leaks.push(`${role} got ${res.statusCode} on ${route.method} ${route.path}`)
        }
      }
      expect(leaks).toEqual([])
    })

    it('lets members of the studio roles read every project-scoped resource their role may read', async () => {
      const refused: string[] = []
      // A playlist's routes reach something only once the fixture has a playlist to address.
      const reachable = (path: string) => !path.includes(':playlistId') || p.ids.playlistId !== undefined
      for (const route of projectRoutes().filter((r) => r.method === 'GET' && reachable(r.path))) {
        for (const role of ['admin', 'manager', 'supervisor', 'artist'] as const) {
          if (!roleSatisfies(route.access, role)) continue
          const res = await send(route, p.team.seats[role])
          // The stored render output has no file on disk; its job was found (only the file is missing).
          const missingFile = route.path.includes('/outputs/') && res.json().error?.message?.includes('output')
          if ([401, 403, 404, 500].includes(res.statusCode) && !missingFile) {
            refused.push(`${role} got ${res.statusCode} on ${route.method} ${route.path}`)
          }
        }
      }
      expect(refused).toEqual([])
    })

    it('lets each role join only the rooms the access rules grant, member or not', async () => {
      const staff = (r: Role) => r !== 'client' && r !== 'vendor'
      const rooms = (member: boolean, r: Role): Record<string, boolean> => ({
        // Supervisors of the team follow departments and get their copy on their user room.
        [`project:${p.ids.projectId}`]: (member || r === 'admin') && ['admin', 'manager', 'artist'].includes(r),
        [`job:${p.renderJobId}`]: staff(r) && (member || r === 'admin'),
        [`job:${p.agentJobId}`]: ['admin', 'manager', 'supervisor'].includes(r) && (member || r === 'admin'),
        farm: staff(r),
        system: staff(r),
        // No playlist r1 exists: the playlist gate admits nobody.
        'review:r1': false,
        // The fixture's playlist is for the team: its members of the studio roles, and admins.
        [`review:${p.ids.playlistId}`]: staff(r) && (member || r === 'admin'),
        [`user:${p.team.seats.artist.userId}`]: member && r === 'artist',
      })
      const wrong: string[] = []
      for (const member of [true, false]) {
        for (const role of ROLES) {
          const socket = await liveSeat(url, member ? p.team.seats[role] : p.outsiders[role])
          sockets.push(socket)
          for (const [room, want] of Object.entries(rooms(member, role))) {
            const got = await socket.join(room)
            if (got !== want)
              wrong.push(`${member ? 'member' : 'non-member'} ${role} ${got ? 'joined' : 'refused'} ${room}`)
          }
        }
      }
      expect(wrong).toEqual([])
    })

    it("delivers a project's farm job events to those who may see the job, whatever room they joined", async () => {
      const seats: { name: string; seat: Seat; sees: boolean }[] = ROLES.filter(
        (r) => r !== 'client' && r !== 'vendor',
      ).flatMap((r) => [
        { name: `member ${r}`, seat: p.team.seats[r], sees: true },
        { name: `non-member ${r}`, seat: p.outsiders[r], sees: r === 'admin' },
      ])
      const live = await Promise.all(seats.map((s) => liveSeat(url, s.seat)))
      sockets.push(...live)
      for (const s of live) expect(await s.join('farm')).toBe(true)
      studio.hub.emit('farm', 'farm:job', {
        jobId: p.renderJobId,
        state: 'queued',
        priority: 50,
        backendId: null,
        attempt: 0,
        error: null,
        at: new Date().toISOString(),
      })
      await studio.hub.flushed()
      await Promise.all(live.map((s) => s.settled()))
      const wrong = seats.filter((s, i) => live[i]?.received.some((e) => e.event === 'farm:job') !== s.sees)
      expect(wrong.map((s) => s.name)).toEqual([])
    })
  })
}
