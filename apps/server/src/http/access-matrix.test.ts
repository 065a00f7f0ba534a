// Role × route matrix: every route of the app has an access rule, and every role gets
// exactly the access its rule grants. Adding a route without a rule fails here.
import { ROLES, type Role, roleSatisfies } from '@aipipeline/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestStudio, type TestStudio } from '../../test-kits/test-studio'

// Infrastructure routes outside the API contracts, each with the reason it is open.
const INFRASTRUCTURE_ROUTES: { pattern: RegExp; why: string }[] = [
  { pattern: /^\/metrics$/, why: 'Prometheus scrapes without credentials; restrict at the network edge' },
  { pattern: /^\/api\/docs(\/.*)?$/, why: 'the OpenAPI document and its viewer are public' },
]

describe('role × route access matrix', () => {
  let studio: TestStudio
  const tokens = new Map<Role, string>()
  beforeAll(async () => {
    studio = await createTestStudio('sqlite')
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
