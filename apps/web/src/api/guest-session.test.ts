import { authRoutes, playlistRoutes } from '@aipipeline/contracts'
import { describe, expect, it } from 'vitest'
import { ApiClient, REFRESH_TOKEN_KEY, type TokenStorage } from './api-client'
import { ApiError } from './api-error'
import { GUEST_SESSION_KEY } from './guest-session'

const PLAYLIST = '01900000-0000-7000-8000-000000000001'
const LINK_TOKEN = 'link-token-link-token-link-token-link-token'

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

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

function guestSession(n: number) {
  return {
    accessToken: `guest-access-${n}`,
    expiresIn: 900,
    playlistId: PLAYLIST,
    projectId: 'p1',
    guestId: `guest-user-${n}`,
    guestName: 'Mina',
    linkExpiresAt: '2030-01-01T00:00:00.000Z',
  }
}

const at = '2026-01-01T00:00:00.000Z'
const detail = {
  playlist: {
    id: PLAYLIST,
    projectId: 'p1',
    name: 'Dailies',
    audience: 'client',
    taskTypeId: null,
    sequenceId: null,
    itemCount: 0,
    createdBy: null,
    createdAt: at,
    updatedAt: at,
    canEdit: false,
  },
  project: { id: 'p1', code: 'P', name: 'P', fps: 24, startFrame: 1001, width: null, height: null, aspectRatio: null },
  items: [],
  can: { edit: false, comment: true, draw: true, decide: false, present: false, manageGuests: false },
  guestName: 'Mina',
}

const user = {
  id: 'u1',
  email: 'sup@demo.local',
  displayName: 'Sam',
  role: 'supervisor',
  locale: 'en',
  active: true,
  createdAt: at,
} as const

interface Seen {
  url: string
  authorization: string | null
  body: unknown
}

/** A studio that hands out guest sessions while `linkLive` and accepts only the newest token. */
function fakeStudio() {
  const seen: Seen[] = []
  const state = { issued: 0, linkLive: true, accepted: '' }
  const fetchFn: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers)
    const req = {
      url: String(input),
      authorization: headers.get('authorization'),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    }
    seen.push(req)
    if (req.url === '/api/review/guest-sessions') {
      if (!state.linkLive) {
        return json(404, {
          error: { code: 'not_found', message: 'this review link is not valid (expired or revoked)' },
        })
      }
      state.issued += 1
      state.accepted = `Bearer guest-access-${state.issued}`
      return json(201, guestSession(state.issued))
    }
    if (req.url === '/api/auth/login') {
      return json(200, { accessToken: 'user-access', expiresIn: 900, refreshToken: 'refresh-token-1', user })
    }
    if (req.url === '/api/me') {
      return req.authorization === 'Bearer user-access'
        ? json(200, user)
        : json(404, { error: { code: 'not_found', message: 'no route' } })
    }
    if (req.authorization !== state.accepted) return json(401, { error: { code: 'unauthenticated', message: 'x' } })
    return json(200, detail)
  }
  return { seen, state, fetchFn }
}

describe('guest sessions in the ApiClient', () => {
  it('keeps a guest session in this tab only, apart from any sign-in, and calls with its token', async () => {
    const studio = fakeStudio()
    const storage = new MemoryStorage()
    const guestStorage = new MemoryStorage()
    const api = new ApiClient({ fetch: studio.fetchFn, storage, guestStorage })

    const session = await api.guests.begin(LINK_TOKEN, 'Mina')
    const playlist = await api.call(playlistRoutes.getPlaylist, { params: { playlistId: PLAYLIST } })

    expect(session.playlistId).toBe(PLAYLIST)
    expect(playlist.guestName).toBe('Mina')
    expect(studio.seen[0]).toMatchObject({ authorization: null, body: { token: LINK_TOKEN, name: 'Mina' } })
    expect(studio.seen[1]?.authorization).toBe('Bearer guest-access-1')
    expect(api.getSession()).toBeNull()
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull()
    expect(guestStorage.getItem(GUEST_SESSION_KEY)).toContain('guest-access-1')
    // A reload of the tab keeps the guest in.
    const reloaded = new ApiClient({ fetch: studio.fetchFn, storage, guestStorage })
    expect(reloaded.guests.current()?.session.guestName).toBe('Mina')
  })

  it('exchanges the link again when the guest token expires, never refreshing a sign-in', async () => {
    const studio = fakeStudio()
    const api = new ApiClient({
      fetch: studio.fetchFn,
      storage: new MemoryStorage(),
      guestStorage: new MemoryStorage(),
    })
    await api.guests.begin(LINK_TOKEN, 'Mina')
    studio.state.accepted = 'Bearer something-else' // the first token expired

    const [a, b] = await Promise.all([
      api.call(playlistRoutes.getPlaylist, { params: { playlistId: PLAYLIST } }),
      api.call(playlistRoutes.getPlaylist, { params: { playlistId: PLAYLIST } }),
    ])

    expect(a.playlist.id).toBe(PLAYLIST)
    expect(b.playlist.id).toBe(PLAYLIST)
    const urls = studio.seen.map((r) => r.url)
    expect(urls.filter((u) => u === '/api/review/guest-sessions')).toHaveLength(2) // begin + one shared renewal
    expect(urls).not.toContain('/api/auth/refresh')
    expect(api.guests.current()?.session.accessToken).toBe('guest-access-2')
  })

  it('ends the guest session when the link was revoked or expired, and says so', async () => {
    const studio = fakeStudio()
    const guestStorage = new MemoryStorage()
    const api = new ApiClient({ fetch: studio.fetchFn, storage: new MemoryStorage(), guestStorage })
    await api.guests.begin(LINK_TOKEN, 'Mina')
    const changes: boolean[] = []
    api.guests.subscribe(() => changes.push(api.guests.read().ended))
    studio.state.linkLive = false
    studio.state.accepted = 'Bearer revoked'

    const failed = await api.call(playlistRoutes.getPlaylist, { params: { playlistId: PLAYLIST } }).catch((e) => e)

    expect(failed).toBeInstanceOf(ApiError)
    expect((failed as ApiError).status).toBe(401)
    expect(api.guests.read()).toEqual({ state: null, ended: true })
    expect(changes).toEqual([true])
    expect(guestStorage.getItem(GUEST_SESSION_KEY)).toBeNull()
  })

  it('keeps a signed-in user signed in on other routes when they open a guest link in the same tab', async () => {
    const studio = fakeStudio()
    const api = new ApiClient({
      fetch: studio.fetchFn,
      storage: new MemoryStorage(),
      guestStorage: new MemoryStorage(),
    })
    await api.login('sup@demo.local', 'demo')
    await api.guests.begin(LINK_TOKEN, 'Sam')

    await api.call(playlistRoutes.getPlaylist, { params: { playlistId: PLAYLIST } })
    const me = await api.call(authRoutes.me)

    expect(me.id).toBe('u1')
    const auth = Object.fromEntries(studio.seen.map((r) => [r.url, r.authorization]))
    expect(auth[`/api/review/playlists/${PLAYLIST}`]).toBe('Bearer guest-access-1')
    expect(auth['/api/me']).toBe('Bearer user-access')
  })

  it('forgets the guest session when the guest leaves', async () => {
    const studio = fakeStudio()
    const guestStorage = new MemoryStorage()
    const api = new ApiClient({ fetch: studio.fetchFn, storage: new MemoryStorage(), guestStorage })
    await api.guests.begin(LINK_TOKEN, 'Mina')
    api.guests.leave()
    expect(api.guests.read()).toEqual({ state: null, ended: false })
    expect(guestStorage.items.size).toBe(0)
  })
})
