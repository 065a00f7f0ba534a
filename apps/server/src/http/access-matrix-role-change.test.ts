// Role × route matrix, mid-session: after an admin changes someone's role, the token issued
// under the old role opens no protected route at all, and the token from the next refresh
// gets exactly what the new role's rules grant. Kept apart from access-matrix.test.ts, which
// covers a session that never changes.
import { type HttpMethod, Session } from '@aipipeline/contracts'
import { ROLES, type Role, roleSatisfies } from '@aipipeline/domain'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callApi, createTestStudio, type TestStudio } from '../../test-kits/test-studio'

// Each role moves to the next one (vendor wraps round to admin), plus the demotion that
// matters most: an admin to a client. On Postgres the two extremes are enough: the rules are
// the same code, only the storage of the session version differs.
const EXTREMES: [Role, Role][] = [
  ['admin', 'client'],
  ['client', 'admin'],
]
const CHANGES: [Role, Role][] = [
  ...ROLES.map((role, i): [Role, Role] => [role, ROLES[(i + 1) % ROLES.length] ?? 'admin']),
  ['admin', 'client'],
]

for (const engine of testEngines('role change mid-session matrix')) {
  describe(`role × route access matrix, role changed mid-session [${engine}]`, () => {
    let studio: TestStudio
    let adminToken: string
    beforeAll(async () => {
      studio = await createTestStudio(engine)
      adminToken = (await studio.signIn('admin')).accessToken
    })
    afterAll(async () => studio.close())

    // Bound routes carry their contract's method as a plain string.
    const call = (method: string, url: string, token: string, payload?: unknown) =>
      callApi(studio, method as HttpMethod, url, token, payload)

    it.each(engine === 'sqlite' ? CHANGES : EXTREMES)(
      '%s changed to %s: the old token opens nothing, the refreshed one what the new role may',
      async (from, to) => {
        const before = await studio.signIn(from)
        const changed = await call('PATCH', `/api/users/${before.user.id}`, adminToken, { role: to })
        expect(changed.statusCode).toBe(200)
        const after = Session.parse(
          (
            await studio.app.inject({
              method: 'POST',
              url: '/api/auth/refresh',
              payload: { refreshToken: before.refreshToken },
            })
          ).json(),
        )
        expect(after.user.role).toBe(to)

        const mismatches: string[] = []
        for (const route of studio.app.boundRoutes) {
          if (route.access.kind === 'public' || route.access.kind === 'agent') continue
          const url = route.path.replace(/:([a-zA-Z]+)/g, 'matrix-$1')
          const old = await call(route.method, url, before.accessToken)
          if (old.statusCode !== 401)
            mismatches.push(`old ${from} token got ${old.statusCode} on ${route.method} ${route.path}`)
          const now = await call(route.method, url, after.accessToken)
          const refused = now.statusCode === 401 || now.statusCode === 403
          const allowed = roleSatisfies(route.access, to)
          if (allowed && refused) mismatches.push(`${to} refused (${now.statusCode}) on ${route.method} ${route.path}`)
          if (!allowed && now.statusCode !== 403) {
            mismatches.push(`${to} got ${now.statusCode} (want 403) on ${route.method} ${route.path}`)
          }
        }
        expect(mismatches).toEqual([])
      },
    )
  })
}
