// Typed HTTP client built from the route contracts in @aipipeline/contracts: the same
// objects the server binds, so a request body or response that drifts fails loudly here.
//
// Tokens: the access token lives in memory only (a page reload restores the session through
// the refresh token), the refresh token in localStorage. Refresh tokens rotate: each is spent
// by one refresh, and spending one twice revokes the whole family on the server. So every
// refresh goes through one in-flight promise per tab and, where the browser has Web Locks, one
// lock across tabs; the stored token is read at the moment of use, never cached.
import {
  admitsGuests,
  authRoutes,
  guestLinkRoutes,
  type RouteContract,
  type Session,
  type User,
} from '@aipipeline/contracts'
import { z } from 'zod'
import { ApiError, errorFromResponse } from './api-error'
import { GuestSessions } from './guest-session'

export const REFRESH_TOKEN_KEY = 'aipipeline.refresh-token'

export interface TokenStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export interface ApiClientOptions {
  /** Origin prefix for every path; empty means same origin (the server serves the SPA). */
  baseUrl?: string
  fetch?: typeof fetch
  storage?: TokenStorage
  /** Where this tab keeps a review guest's session; defaults to sessionStorage. */
  guestStorage?: TokenStorage
  /** Runs `task` exclusively across tabs; defaults to Web Locks when available. */
  exclusive?: <T>(task: () => Promise<T>) => Promise<T>
}

/** The signed-in state the UI reads. */
export interface SignedIn {
  accessToken: string
  user: User
}

export interface CallInput<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  params?: z.input<P>
  query?: z.input<Q>
  body?: z.input<B>
  signal?: AbortSignal
}

type Listener = (session: SignedIn | null) => void

/** Why the last session ended: the user signed out, or the server refused to renew it. */
export type SessionEndReason = 'signed-out' | 'expired'

export class ApiClient {
  private session: SignedIn | null = null
  private endReason: SessionEndReason = 'signed-out'
  private refreshing: Promise<boolean> | undefined
  /** A call in flight that will hand out a new session (password change, one-time link). */
  private replacing: Promise<boolean> | undefined
  private readonly listeners = new Set<Listener>()
  private readonly baseUrl: string
  private readonly fetchFn: typeof fetch
  private readonly storage: TokenStorage
  private readonly exclusive: <T>(task: () => Promise<T>) => Promise<T>
  /** A review guest's session in this tab; while there is one, calls carry its token. */
  readonly guests: GuestSessions

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? ''
    // Bound so that `window.fetch` keeps its receiver when called as a field.
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
    this.storage = options.storage ?? browserStorage()
    this.exclusive = options.exclusive ?? webLockOrDirect
    this.guests = new GuestSessions(options.guestStorage ?? browserStorage('session'), (body) =>
      this.call(guestLinkRoutes.startGuestSession, { body }),
    )
  }

  /**
   * The token a call carries: a review guest's for routes that admit guests, else the
   * signed-in user's (a signed-in user who opened a guest link in this tab stays signed in
   * everywhere else). The realtime socket is the guest's while there is a guest session.
   */
  accessToken(route?: RouteContract): string | undefined {
    const guest = this.guests.current()
    if (guest !== null && (route === undefined || admitsGuests(route))) return guest.session.accessToken
    return this.session?.accessToken
  }

  /** The current session, or null when signed out. */
  getSession(): SignedIn | null {
    return this.session
  }

  /** Why the most recent session ended (meaningful while signed out). */
  getSessionEndReason(): SessionEndReason {
    return this.endReason
  }

  /** Calls `listener` whenever the session starts, ends, or its user changes. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Signs in; the session is kept and listeners are told. */
  async login(email: string, password: string): Promise<User> {
    const session = await this.call(authRoutes.login, { body: { email, password } })
    this.establish(session)
    return session.user
  }

  /**
   * Performs a route that hands out a new session and keeps it instead of the current one: a
   * password change (which revokes every older token) or a one-time link. The server drops
   * this user's sockets before the call answers; refreshes asked for meanwhile wait for this
   * session rather than spend the token it replaces.
   */
  async replaceSession<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
    route: RouteContract<P, Q, B, typeof Session>,
    input: CallInput<P, Q, B>,
  ): Promise<User> {
    const replaced = this.request(route, input, false).then((session) => {
      this.establish(session)
      return session
    })
    const settled: Promise<boolean> = replaced.then(
      () => true,
      () => false,
    )
    this.replacing = settled
    void settled.then(() => {
      if (this.replacing === settled) this.replacing = undefined
    })
    return (await replaced).user
  }

  /** Revokes the refresh token on the server (best effort) and forgets the session here. */
  async logout(): Promise<void> {
    const refreshToken = this.storage.getItem(REFRESH_TOKEN_KEY)
    this.clear('signed-out')
    if (refreshToken === null) return
    try {
      await this.callNoContent(authRoutes.logout, { body: { refreshToken } })
    } catch {
      // Signing out locally must not depend on the server; an unrevoked token expires on its own.
    }
  }

  /** Restores a session from the stored refresh token (page load); null when there is none. */
  async restore(): Promise<SignedIn | null> {
    if (this.session) return this.session
    if (this.storage.getItem(REFRESH_TOKEN_KEY) === null) return null
    try {
      await this.refreshSession()
    } catch {
      // Server unreachable or busy: stay signed out for now but keep the token for a later try.
    }
    return this.session
  }

  /** Replaces the signed-in user after the server returned a newer copy (e.g. PATCH /api/me). */
  updateUser(user: User): void {
    if (!this.session) return
    this.session = { ...this.session, user }
    this.emit()
  }

  /**
   * Exchanges the refresh token for a new session. Concurrent callers share one request.
   * Resolves false and signs out when the server rejects the token; throws (keeping the
   * token) when the failure is transient: network, 429 or 5xx.
   */
  refreshSession(): Promise<boolean> {
    const replacement = this.replacing
    if (replacement !== undefined) return replacement.then((kept) => kept || this.refreshShared())
    return this.refreshShared()
  }

  /** One refresh per tab (and per browser, with Web Locks) at a time. */
  private refreshShared(): Promise<boolean> {
    this.refreshing ??= this.exclusive(() => this.refreshNow()).finally(() => {
      this.refreshing = undefined
    })
    return this.refreshing
  }

  /** Performs one contract route and parses its response; on a 401 refreshes once and retries. */
  async call<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
    route: RouteContract<P, Q, B, R>,
    input: CallInput<P, Q, B> = {},
  ): Promise<z.output<R>> {
    return this.request(route, input, true)
  }

  /** `call`, where the refresh after a 401 waits for a session replacement or not (the replacing call itself). */
  private async request<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
    route: RouteContract<P, Q, B, R>,
    input: CallInput<P, Q, B>,
    awaitReplacement: boolean,
  ): Promise<z.output<R>> {
    const schema = route.response
    // A programming error, not a runtime condition: 204 routes go through callNoContent.
    if (schema === null) throw new Error(`${route.method} ${route.path} has no response body; use callNoContent`)
    const res = await this.perform(route, input, awaitReplacement)
    const text = await res.text()
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new ApiError({ kind: 'bad-response', message: `${route.method} ${route.path}: response is not JSON` })
    }
    const parsed = schema.safeParse(json)
    if (!parsed.success) {
      throw new ApiError({
        kind: 'bad-response',
        message: `${route.method} ${route.path}: ${z.prettifyError(parsed.error)}`,
      })
    }
    return parsed.data
  }

  /** Performs a route whose contract answers 204 No Content. */
  async callNoContent<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
    route: RouteContract<P, Q, B>,
    input: CallInput<P, Q, B> = {},
  ): Promise<void> {
    await this.perform(route, input)
  }

  private async perform(
    route: RouteContract,
    input: CallInput<z.ZodType, z.ZodType, z.ZodType>,
    awaitReplacement = true,
  ): Promise<Response> {
    const { url, init } = this.prepare(route, input)
    const authenticated = route.access.kind !== 'public'
    const guest = authenticated && admitsGuests(route) && this.guests.current() !== null
    let token = authenticated ? this.accessToken(route) : undefined
    let res = await this.send(url, init, token)
    if (res.status === 401 && authenticated) {
      // Another call may already have refreshed while this one was in flight. A guest has no
      // refresh token: their link is exchanged again (and their session ends if it is gone).
      const renewed = guest
        ? await this.guests.renew(token)
        : this.session !== null && this.session.accessToken !== token
          ? true
          : await (awaitReplacement ? this.refreshSession() : this.refreshShared())
      if (renewed) {
        token = this.accessToken(route)
        res = await this.send(url, init, token)
      }
    }
    if (!res.ok) throw await errorFromResponse(res)
    return res
  }

  private prepare(
    route: RouteContract,
    input: CallInput<z.ZodType, z.ZodType, z.ZodType>,
  ): { url: string; init: RequestInit } {
    const params = route.params ? checkInput(route.params, input.params, 'params') : {}
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
      const value = isRecord(params) ? params[name] : undefined
      return encodeURIComponent(String(value))
    })
    // A query whose fields all have defaults may be left out by the caller: it is parsed from `{}`.
    const query = route.query ? checkInput(route.query, input.query ?? {}, 'query') : undefined
    const search = isRecord(query) ? toSearch(query) : ''
    const init: RequestInit = { method: route.method, headers: { accept: 'application/json' } }
    if (input.signal) init.signal = input.signal
    if (route.body) {
      init.body = JSON.stringify(checkInput(route.body, input.body, 'body'))
      init.headers = { ...init.headers, 'content-type': 'application/json' }
    }
    return { url: `${this.baseUrl}${path}${search}`, init }
  }

  private async send(url: string, init: RequestInit, token: string | undefined): Promise<Response> {
    const headers = new Headers(init.headers)
    if (token !== undefined) headers.set('authorization', `Bearer ${token}`)
    try {
      return await this.fetchFn(url, { ...init, headers })
    } catch (error) {
      throw new ApiError({ kind: 'network', message: error instanceof Error ? error.message : String(error) })
    }
  }

  private async refreshNow(): Promise<boolean> {
    // Read at use: another tab may have rotated the token since this tab last looked.
    const refreshToken = this.storage.getItem(REFRESH_TOKEN_KEY)
    if (refreshToken === null) {
      this.clear('expired')
      return false
    }
    try {
      const session = await this.call(authRoutes.refresh, { body: { refreshToken } })
      this.establish(session)
      return true
    } catch (error) {
      if (error instanceof ApiError && isRejection(error)) {
        // A newer session was kept while this refresh was out (a password change answered
        // first): the refused token was the old one, and this tab is still signed in.
        if (this.session !== null && this.storage.getItem(REFRESH_TOKEN_KEY) !== refreshToken) return true
        this.clear('expired')
        return false
      }
      throw error
    }
  }

  private establish(session: Session): void {
    this.storage.setItem(REFRESH_TOKEN_KEY, session.refreshToken)
    this.session = { accessToken: session.accessToken, user: session.user }
    this.emit()
  }

  private clear(reason: SessionEndReason): void {
    this.storage.removeItem(REFRESH_TOKEN_KEY)
    if (this.session === null) return
    this.endReason = reason
    this.session = null
    this.emit()
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.session)
  }
}

/** A 4xx other than 429 means the refresh token itself is no good (spent, revoked, expired). */
function isRejection(error: ApiError): boolean {
  const f = error.failure
  return (f.kind === 'http' && f.status >= 400 && f.status < 500 && f.status !== 429) || f.kind === 'bad-request'
}

function checkInput(schema: z.ZodType, value: unknown, part: string): unknown {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.map((i) => ({ path: [part, ...i.path.map(String)].join('.'), message: i.message }))
  throw new ApiError({ kind: 'bad-request', message: z.prettifyError(parsed.error), issues })
}

function toSearch(query: Record<string, unknown>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function browserStorage(kind: 'local' | 'session' = 'local'): TokenStorage {
  if (kind === 'session' && typeof sessionStorage !== 'undefined') return sessionStorage
  if (kind === 'local' && typeof localStorage !== 'undefined') return localStorage
  const memory = new Map<string, string>()
  return {
    getItem: (key) => memory.get(key) ?? null,
    setItem: (key, value) => void memory.set(key, value),
    removeItem: (key) => void memory.delete(key),
  }
}

function webLockOrDirect<T>(task: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks) {
    // request() types its result as the callback's return; awaiting flattens the inner promise.
    return navigator.locks.request('aipipeline.refresh', task).then((result) => result)
  }
  return task()
}
