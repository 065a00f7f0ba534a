// A review guest's session: the access token a guest link was exchanged for, kept in memory
// and in this tab's sessionStorage (a reload keeps the guest in; another tab or a closed
// browser does not). It is never the signed-in session: no user, no refresh token. When the
// access token expires the link is exchanged again; when the link no longer opens anything
// (expired or revoked) the session ends and the guest shell says so.
import { GuestSession } from '@aipipeline/contracts'
import { z } from 'zod'
import { ApiError } from './api-error'

export const GUEST_SESSION_KEY = 'aipipeline.guest-session'

const Stored = z.object({ session: GuestSession, linkToken: z.string() })
export type GuestState = z.infer<typeof Stored>

/** What the UI reads: the session, or whether the last one ended because its link did. */
export interface GuestSnapshot {
  state: GuestState | null
  ended: boolean
}

export interface GuestStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

type Start = (body: { token: string; name: string }) => Promise<GuestSession>

export class GuestSessions {
  private snapshot: GuestSnapshot | undefined
  private renewing: Promise<boolean> | undefined
  private readonly listeners = new Set<() => void>()

  constructor(
    private readonly storage: GuestStorage,
    private readonly start: Start,
  ) {}

  /** The guest session of this tab, read from sessionStorage on first use. */
  current(): GuestState | null {
    return this.read().state
  }

  /** A stable snapshot for React (a new object only after a change). */
  read(): GuestSnapshot {
    if (this.snapshot === undefined) this.snapshot = { state: this.stored(), ended: false }
    return this.snapshot
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Exchanges a link's token and the guest's name for a session, and keeps it. */
  async begin(linkToken: string, name: string): Promise<GuestSession> {
    const session = await this.start({ token: linkToken, name })
    this.keep({ session, linkToken }, false)
    return session
  }

  /**
   * A fresh access token from the link after `rejected` was refused. Concurrent callers share
   * one exchange. False (and the session ends) when the link no longer opens anything; throws
   * on transient trouble (network, 429, 5xx).
   */
  renew(rejected?: string): Promise<boolean> {
    const state = this.current()
    if (state === null) return Promise.resolve(false)
    if (rejected !== undefined && state.session.accessToken !== rejected) return Promise.resolve(true)
    this.renewing ??= this.exchange(state).finally(() => {
      this.renewing = undefined
    })
    return this.renewing
  }

  /** The guest leaves (the "Leave" button): nothing is kept. */
  leave(): void {
    this.keep(null, false)
  }

  private async exchange(state: GuestState): Promise<boolean> {
    try {
      const session = await this.start({ token: state.linkToken, name: state.session.guestName })
      this.keep({ session, linkToken: state.linkToken }, false)
      return true
    } catch (error) {
      const status = error instanceof ApiError ? error.status : undefined
      if (status === undefined || status === 429 || status >= 500) throw error
      this.keep(null, true)
      return false
    }
  }

  private keep(state: GuestState | null, ended: boolean): void {
    if (state === null) this.storage.removeItem(GUEST_SESSION_KEY)
    else this.storage.setItem(GUEST_SESSION_KEY, JSON.stringify(state))
    this.snapshot = { state, ended }
    for (const listener of this.listeners) listener()
  }

  private stored(): GuestState | null {
    const text = this.storage.getItem(GUEST_SESSION_KEY)
    if (text === null) return null
    try {
      const parsed = Stored.safeParse(JSON.parse(text))
      return parsed.success ? parsed.data : null
    } catch {
      return null
    }
  }
}
