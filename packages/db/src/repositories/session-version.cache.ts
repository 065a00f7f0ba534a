// A read-through cache of users.session_version. Every request and socket event checks that its access token's session version is still the
// user's current one, so a role change, deactivation, new password or sign-out takes effect at
// once while access tokens stay short-lived JWTs. The versions are cached in memory so the
// check is a map lookup; whoever changes a version tells the cache (and, through listeners,
// the other studio instances), and entries also expire after `ttlMs` as a safety net should
// such a message ever be lost.

import { Unauthenticated } from '@aipipeline/domain'
import type { SessionState } from './user.repository'

/** Whose session, and under which version the token was issued. */
export interface SessionClaim {
  userId: string
  sessionVersion: number
}

/** Told when a user's sessions end, with the new version; `origin` says where it happened. */
export type SessionEndListener = (userId: string, version: number, origin: 'local' | 'remote') => Promise<void> | void

interface Entry {
  state: SessionState | undefined
  loadedAt: number
}

/** Thrown for a token whose session has ended; the client refreshes or signs in again. */
export class SessionEnded extends Unauthenticated {
  constructor() {
    super('session ended; sign in again')
  }
}

export function createSessionVersionCache(opts: {
  /** Reads the user's current version from the database (cache miss). */
  load: (userId: string) => Promise<SessionState | undefined>
  ttlMs?: number
  maxEntries?: number
  now?: () => number
}) {
  const ttlMs = opts.ttlMs ?? 10_000
  const maxEntries = opts.maxEntries ?? 50_000
  const now = opts.now ?? Date.now
  const entries = new Map<string, Entry>()
  // One load per user at a time; a version change drops the pending load so a read that
  // started before the change can never put the old version back into the cache.
  const loading = new Map<string, Promise<SessionState | undefined>>()
  const listeners = new Set<SessionEndListener>()

  function remember(userId: string, state: SessionState | undefined): void {
    entries.delete(userId) // re-insert so Map order is age order
    entries.set(userId, { state, loadedAt: now() })
    if (entries.size > maxEntries) {
      const oldest = entries.keys().next()
      if (!oldest.done) entries.delete(oldest.value)
    }
  }

  async function stateOf(userId: string): Promise<SessionState | undefined> {
    const cached = entries.get(userId)
    if (cached && now() - cached.loadedAt < ttlMs) return cached.state
    let pending = loading.get(userId)
    if (!pending) {
      const load = opts.load(userId).then((state) => {
        if (loading.get(userId) === load) {
          loading.delete(userId)
          remember(userId, state)
        }
        return state
      })
      pending = load
      loading.set(userId, load)
      // A failed load must not stay pending; callers see the error.
      load.catch(() => {
        if (loading.get(userId) === load) loading.delete(userId)
      })
    }
    return pending
  }

  function apply(userId: string, version: number): boolean {
    loading.delete(userId)
    const cached = entries.get(userId)
    // Messages can arrive out of order across instances; never go back to an older version.
    if (cached?.state && cached.state.version >= version) return false
    // The active flag is not in the message: forget the entry and read it again on next use.
    entries.delete(userId)
    return true
  }

  return {
    /** Throws SessionEnded unless the claim's version is the user's current one and the user is active. */
    async assertCurrent(claim: SessionClaim): Promise<void> {
      const state = await stateOf(claim.userId)
      if (!state?.active || state.version !== claim.sessionVersion) throw new SessionEnded()
    },

    /**
     * Records that the user's sessions ended here (the version is already written) and tells
     * every listener, waiting for them: once this resolves, no instance accepts the old tokens.
     */
    async ended(userId: string, version: number): Promise<void> {
      apply(userId, version)
      await Promise.all([...listeners].map((l) => l(userId, version, 'local')))
    },

    /** The same, for a change made on another studio instance. */
    async endedElsewhere(userId: string, version: number): Promise<void> {
      apply(userId, version)
      await Promise.all([...listeners].map((l) => l(userId, version, 'remote')))
    },

    onEnded(listener: SessionEndListener): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },

    /** Entries held (for tests and the benchmark). */
    get size(): number {
      return entries.size
    },
  }
}

export type SessionVersionCache = ReturnType<typeof createSessionVersionCache>
