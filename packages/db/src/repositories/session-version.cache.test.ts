// The in-memory session cache: a version change is seen at once, a read that raced with the
// change cannot put the old version back, and entries are re-read after their TTL.
import { describe, expect, it } from 'vitest'
import { createSessionVersionCache, SessionEnded } from './session-version.cache'
import type { SessionState } from './user.repository'

function store() {
  const states = new Map<string, SessionState>([['u1', { version: 0, active: true }]])
  let reads = 0
  return {
    states,
    get reads() {
      return reads
    },
    load: async (id: string) => {
      reads += 1
      return states.get(id)
    },
  }
}

describe('session version cache', () => {
  it('reads the database once, then answers from memory', async () => {
    const db = store()
    const cache = createSessionVersionCache({ load: db.load })
    for (let i = 0; i < 5; i++) await cache.assertCurrent({ userId: 'u1', sessionVersion: 0 })
    expect(db.reads).toBe(1)
  })

  it('refuses an old version, an unknown user and a deactivated user', async () => {
    const db = store()
    db.states.set('off', { version: 0, active: false })
    const cache = createSessionVersionCache({ load: db.load })
    await expect(cache.assertCurrent({ userId: 'u1', sessionVersion: 1 })).rejects.toBeInstanceOf(SessionEnded)
    await expect(cache.assertCurrent({ userId: 'nobody', sessionVersion: 0 })).rejects.toBeInstanceOf(SessionEnded)
    await expect(cache.assertCurrent({ userId: 'off', sessionVersion: 0 })).rejects.toBeInstanceOf(SessionEnded)
  })

  it('sees a version change at once and tells its listeners', async () => {
    const db = store()
    const cache = createSessionVersionCache({ load: db.load })
    const heard: string[] = []
    cache.onEnded((userId, version, origin) => {
      heard.push(`${userId}@${version}/${origin}`)
    })
    await cache.assertCurrent({ userId: 'u1', sessionVersion: 0 })
    db.states.set('u1', { version: 1, active: true })
    await cache.ended('u1', 1)
    await expect(cache.assertCurrent({ userId: 'u1', sessionVersion: 0 })).rejects.toBeInstanceOf(SessionEnded)
    await cache.assertCurrent({ userId: 'u1', sessionVersion: 1 })
    db.states.set('u1', { version: 2, active: true })
    await cache.endedElsewhere('u1', 2)
    await expect(cache.assertCurrent({ userId: 'u1', sessionVersion: 1 })).rejects.toBeInstanceOf(SessionEnded)
    expect(heard).toEqual(['u1@1/local', 'u1@2/remote'])
  })

  it('does not let a read that started before a change put the old version back', async () => {
    const states = new Map<string, SessionState>([['u1', { version: 0, active: true }]])
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    let first = true
    const cache = createSessionVersionCache({
      load: async (id) => {
        const seen = states.get(id)
        if (first) {
          first = false
          await gate // the slow read saw version 0
        }
        return seen
      },
    })
    const slow = cache.assertCurrent({ userId: 'u1', sessionVersion: 0 })
    states.set('u1', { version: 1, active: true })
    await cache.ended('u1', 1)
    release()
    await slow // it answers for the moment it read; the cache must not keep its version
    await expect(cache.assertCurrent({ userId: 'u1', sessionVersion: 0 })).rejects.toBeInstanceOf(SessionEnded)
  })

  it('reads again after the TTL, in case a change message was lost', async () => {
    const db = store()
    let now = 0
    const cache = createSessionVersionCache({ load: db.load, ttlMs: 1000, now: () => now })
    await cache.assertCurrent({ userId: 'u1', sessionVersion: 0 })
    db.states.set('u1', { version: 1, active: true })
    now = 999
    await cache.assertCurrent({ userId: 'u1', sessionVersion: 0 })
    now = 1000
    await expect(cache.assertCurrent({ userId: 'u1', sessionVersion: 0 })).rejects.toBeInstanceOf(SessionEnded)
  })
})
