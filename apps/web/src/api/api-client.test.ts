import { accountRoutes, authRoutes, productionRoutes, systemRoutes } from '@aipipeline/contracts'
import { describe, expect, it } from 'vitest'
import { ApiClient, REFRESH_TOKEN_KEY, type TokenStorage } from './api-client'
import { ApiError } from './api-error'

const user = {
  id: 'u1',
  email: 'admin@demo.local',
  displayName: 'Ada Admin',
  role: 'admin',
  locale: 'en',
  active: true,
  createdAt: '2025-01-01T00:00:00.000Z',
} as const

function session(n: number) {
  return { accessToken: `access-${n}`, expiresIn: 900, refreshToken: `refresh-token-${n}`, user }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })
}

function errorBody(code: string, message: string) {
  return { error: { code, message }, requestId: 'req-1' }
}

class MemoryStorage implements TokenStorage {
  readonly items = new Map<string, string>()
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  setItem(key: string, value: string) {
    this.items.set(key, value)
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
}

interface Seen {
  method: string
  url: string
  authorization: string | null
  body: unknown
}

/** A fake server: `handle` answers each request; every request is recorded. */
function fakeServer(handle: (req: Seen) => Response | Promise<Response>) {
  const seen: Seen[] = []
  const fetchFn: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers)
    const req: Seen = {
      method: init?.method ?? 'GET',
      url: String(input),
      authorization: headers.get('authorization'),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    }
    seen.push(req)
    return handle(req)
  }
  return { seen, fetchFn }
}

describe('ApiClient', () => {
  it('signs in, keeps the refresh token in storage and sends the access token on later calls', async () => {
    const storage = new MemoryStorage()
    const server = fakeServer((req) => (req.url === '/api/auth/login' ? json(200, session(1)) : json(200, user)))
    const api = new ApiClient({ fetch: server.fetchFn, storage })

    const signedIn = await api.login('admin@demo.local', 'demo')
    const me = await api.call(authRoutes.me)

    expect(signedIn.displayName).toBe('Ada Admin')
    expect(me.email).toBe('admin@demo.local')
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-token-1')
    expect(server.seen[0]).toMatchObject({ method: 'POST', body: { email: 'admin@demo.local', password: 'demo' } })
    expect(server.seen[0]?.authorization).toBeNull()
    expect(server.seen[1]?.authorization).toBe('Bearer access-1')
    // The access token is never persisted.
    expect([...storage.items.values()].join()).not.toContain('access-1')
  })

  it('calls a route whose query has only defaults without a query, sending the defaults', async () => {
    const server = fakeServer((req) =>
      req.url === '/api/auth/login' ? json(200, session(1)) : json(200, { items: [] }),
    )
    const api = new ApiClient({ fetch: server.fetchFn, storage: new MemoryStorage() })
    await api.login('admin@demo.local', 'demo')
    expect(await api.call(productionRoutes.listProjects)).toEqual({ items: [] })
    expect(server.seen[1]?.url).toBe('/api/projects?includeArchived=false')
  })

  it('refreshes once on a 401 and retries the call with the new access token', async () => {
    const storage = new MemoryStorage()
    const server = fakeServer((req) => {
      if (req.url === '/api/auth/login') return json(200, session(1))
      if (req.url === '/api/auth/refresh') return json(200, session(2))
      return req.authorization === 'Bearer access-2'
        ? json(200, user)
        : json(401, errorBody('unauthorized', 'token expired'))
    })
    const api = new ApiClient({ fetch: server.fetchFn, storage })
    await api.login('admin@demo.local', 'demo')

    const me = await api.call(authRoutes.me)

    expect(me.id).toBe('u1')
    expect(server.seen.map((r) => r.url)).toEqual(['/api/auth/login', '/api/me', '/api/auth/refresh', '/api/me'])
    expect(server.seen[2]?.body).toEqual({ refreshToken: 'refresh-token-1' })
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-token-2')
    expect(api.getSession()?.accessToken).toBe('access-2')
  })

  it('after a demotion, the 401 refreshes into the new role and tells the listeners', async () => {
    const storage = new MemoryStorage()
    const demoted = { ...session(2), user: { ...user, role: 'client' as const } }
    const server = fakeServer((req) => {
      if (req.url === '/api/auth/login') return json(200, session(1))
      if (req.url === '/api/auth/refresh') return json(200, demoted)
      if (req.authorization !== 'Bearer access-2') return json(401, errorBody('unauthenticated', 'session ended'))
      return json(403, errorBody('forbidden', 'role client may not GET /api/users'))
    })
    const api = new ApiClient({ fetch: server.fetchFn, storage })
    await api.login('admin@demo.local', 'demo')
    const roles: (string | undefined)[] = []
    api.subscribe((s) => roles.push(s?.user.role))

    const error = await api.call(authRoutes.listUsers).catch((e: unknown) => e)

    // The new role's answer (403), not the old token's 401; the session now holds the new role.
    expect(error instanceof ApiError && error.status).toBe(403)
    expect(roles).toEqual(['client'])
    expect(api.getSession()?.user.role).toBe('client')
  })

  it('shares one refresh among concurrent calls that all hit a 401', async () => {
    let refreshes = 0
    let releaseRefresh: () => void = () => {}
    const refreshGate = new Promise<void>((resolve) => {
      releaseRefresh = resolve
    })
    const server = fakeServer(async (req) => {
      if (req.url === '/api/auth/login') return json(200, session(1))
      if (req.url === '/api/auth/refresh') {
        refreshes += 1
        await refreshGate
        return json(200, session(2))
      }
      return req.authorization === 'Bearer access-2' ? json(200, user) : json(401, errorBody('unauthorized', 'expired'))
    })
    const api = new ApiClient({ fetch: server.fetchFn, storage: new MemoryStorage() })
    await api.login('admin@demo.local', 'demo')

    const calls = Promise.all([api.call(authRoutes.me), api.call(authRoutes.me), api.call(authRoutes.me)])
    await new Promise((resolve) => setTimeout(resolve, 10))
    releaseRefresh()
    const results = await calls

    expect(results.map((u) => u.id)).toEqual(['u1', 'u1', 'u1'])
    expect(refreshes).toBe(1)
  })

  it('signs out and reports the 401 when the refresh token is rejected', async () => {
    const storage = new MemoryStorage()
    const server = fakeServer((req) => {
      if (req.url === '/api/auth/login') return json(200, session(1))
      if (req.url === '/api/auth/refresh') return json(401, errorBody('refresh_token_invalid', 'spent'))
      return json(401, errorBody('unauthorized', 'expired'))
    })
    const api = new ApiClient({ fetch: server.fetchFn, storage })
    await api.login('admin@demo.local', 'demo')
    const changes: (string | null)[] = []
    api.subscribe((s) => changes.push(s?.user.id ?? null))

    const error = await api.call(authRoutes.me).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect(error instanceof ApiError && error.status).toBe(401)
    expect(api.getSession()).toBeNull()
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull()
    expect(changes).toEqual([null])
  })

  it('keeps the refresh token when the server cannot be reached during a refresh', async () => {
    const storage = new MemoryStorage()
    storage.setItem(REFRESH_TOKEN_KEY, 'refresh-token-1')
    const api = new ApiClient({
      storage,
      fetch: async () => {
        throw new TypeError('Failed to fetch')
      },
    })

    const restored = await api.restore()

    expect(restored).toBeNull()
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-token-1')
  })

  it('restores a session on page load from the stored refresh token', async () => {
    const storage = new MemoryStorage()
    storage.setItem(REFRESH_TOKEN_KEY, 'refresh-token-7')
    const server = fakeServer(() => json(200, session(8)))
    const api = new ApiClient({ fetch: server.fetchFn, storage })

    const restored = await api.restore()

    expect(restored?.user.email).toBe('admin@demo.local')
    expect(server.seen[0]?.body).toEqual({ refreshToken: 'refresh-token-7' })
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-token-8')
  })

  it('turns an error response into an ApiError with code, message and Retry-After', async () => {
    const server = fakeServer(() =>
      json(429, errorBody('rate_limited', 'Too many login attempts'), { 'retry-after': '42' }),
    )
    const api = new ApiClient({ fetch: server.fetchFn, storage: new MemoryStorage() })

    const error = await api.login('admin@demo.local', 'wrong').catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect(error instanceof ApiError && error.failure).toEqual({
      kind: 'http',
      status: 429,
      code: 'rate_limited',
      message: 'Too many login attempts',
      requestId: 'req-1',
      retryAfterSeconds: 42,
    })
  })

  it('reports a network failure as kind "network"', async () => {
    const api = new ApiClient({
      storage: new MemoryStorage(),
      fetch: async () => {
        throw new TypeError('Failed to fetch')
      },
    })

    const error = await api.call(systemRoutes.health).catch((e: unknown) => e)

    expect(error instanceof ApiError && error.failure.kind).toBe('network')
  })

  it('rejects a success response that does not match the route contract', async () => {
    const server = fakeServer(() => json(200, { status: 'fine' }))
    const api = new ApiClient({ fetch: server.fetchFn, storage: new MemoryStorage() })

    const error = await api.call(systemRoutes.health).catch((e: unknown) => e)

    expect(error instanceof ApiError && error.failure.kind).toBe('bad-response')
  })

  it('does not send a body that fails the route contract', async () => {
    const server = fakeServer(() => json(200, session(1)))
    const api = new ApiClient({ fetch: server.fetchFn, storage: new MemoryStorage() })

    const error = await api.login('not-an-email', 'demo').catch((e: unknown) => e)

    expect(error instanceof ApiError && error.failure.kind).toBe('bad-request')
    expect(server.seen).toHaveLength(0)
  })

  it('forgets the session locally even when the logout request fails', async () => {
    const storage = new MemoryStorage()
    let online = true
    const server = fakeServer(() => {
      if (!online) throw new TypeError('Failed to fetch')
      return json(200, session(1))
    })
    const api = new ApiClient({ fetch: server.fetchFn, storage })
    await api.login('admin@demo.local', 'demo')
    online = false

    await api.logout()

    expect(api.getSession()).toBeNull()
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull()
  })

  it('keeps the session a password change hands out; a refresh asked for meanwhile waits for it', async () => {
    const storage = new MemoryStorage()
    let answerChange: (r: Response) => void = () => {}
    const server = fakeServer((req) => {
      if (req.url === '/api/auth/login') return json(200, session(1))
      if (req.url === '/api/me/password') return new Promise<Response>((resolve) => (answerChange = resolve))
      if (req.url === '/api/auth/refresh') return json(401, errorBody('unauthenticated', 'refresh token revoked'))
      return json(200, user)
    })
    const api = new ApiClient({ fetch: server.fetchFn, storage, exclusive: (task) => task() })
    await api.login('admin@demo.local', 'pw')
    const changed = api.replaceSession(accountRoutes.changeMyPassword, {
      body: { currentPassword: 'pw', newPassword: 'a new password' },
    })
    // The server dropped this user's socket: the app asks for a refresh while the change is out.
    const refreshed = api.refreshSession()
    await new Promise((r) => setTimeout(r, 0))
    answerChange(json(200, session(2)))
    expect(await refreshed).toBe(true)
    // The token the change revoked was never spent on a refresh that would fail.
    expect(server.seen.filter((r) => r.url === '/api/auth/refresh')).toEqual([])
    expect((await changed).id).toBe('u1')
    expect(api.getSession()?.accessToken).toBe('access-2')
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-token-2')
  })

  it('stays signed in when the password change answers before a refresh with the revoked token is refused', async () => {
    const storage = new MemoryStorage()
    let refuseRefresh: (r: Response) => void = () => {}
    const server = fakeServer((req) => {
      if (req.url === '/api/auth/login') return json(200, session(1))
      if (req.url === '/api/me/password') return json(200, session(2))
      if (req.url === '/api/auth/refresh') return new Promise<Response>((resolve) => (refuseRefresh = resolve))
      return json(200, user)
    })
    const api = new ApiClient({ fetch: server.fetchFn, storage, exclusive: (task) => task() })
    await api.login('admin@demo.local', 'pw')
    const refreshed = api.refreshSession()
    await new Promise((r) => setTimeout(r, 0))
    await api.replaceSession(accountRoutes.changeMyPassword, {
      body: { currentPassword: 'pw', newPassword: 'a new password' },
    })
    refuseRefresh(json(401, errorBody('unauthenticated', 'refresh token revoked')))
    expect(await refreshed).toBe(true)
    expect(api.getSession()?.accessToken).toBe('access-2')
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-token-2')
  })
})
