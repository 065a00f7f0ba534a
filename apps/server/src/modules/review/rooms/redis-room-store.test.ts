// The Redis room store, against a real Redis: a commit on a stale seq writes nothing, every
// instance hears every commit in seq order, and an instance that stops is reported dead.
import { randomBytes } from 'node:crypto'
import { redis, requireService, TEST_REDIS_URL } from '@aipipeline/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger } from '../../../observability/logger'
import { createRedisRoomStore } from './redis-room-store'
import { createRoomSequencer, type RoomChange } from './room-sequencer'
import { emptyRoom } from './room-state'
import type { PublishedRoomEvent, RoomStore } from './room-store'

const stores: RoomStore[] = []
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close()
})

function open(prefix: string): RoomStore {
  const store = createRedisRoomStore({ url: TEST_REDIS_URL, prefix, logger: createLogger('error'), heartbeatMs: 200 })
  stores.push(store)
  return store
}

const playlistChanged = (playlistId: string, seq: number): PublishedRoomEvent => ({
  playlistId,
  seq,
  event: 'review:playlist',
  payload: { playlistId, seq },
})

describe.runIf(requireService(redis, 'review rooms in Redis'))('review rooms in Redis', () => {
  it('writes a commit only on top of the seq it was computed from', async () => {
    const store = open(`test-rooms-${randomBytes(4).toString('hex')}`)
    const room = { ...emptyRoom('p1', 'now'), seq: 1 }
    expect(await store.commit(room, playlistChanged('p1', 1))).toBe(true)
    expect(await store.commit(room, playlistChanged('p1', 1))).toBe(false)
    expect((await store.load('p1'))?.seq).toBe(1)
  })

  it('lets two instances commit to one room and both hear every change once, in seq order', async () => {
    const prefix = `test-rooms-${randomBytes(4).toString('hex')}`
    const [a, b] = [open(prefix), open(prefix)] as [RoomStore, RoomStore]
    const heard: Record<string, number[]> = { a: [], b: [] }
    a.onEvent((e) => heard.a?.push(e.seq))
    b.onEvent((e) => heard.b?.push(e.seq))
    const change: RoomChange = (room) => ({
      room,
      event: (seq) => ({ event: 'review:playlist', payload: { playlistId: 'p1', seq } }),
    })
    const [sa, sb] = [createRoomSequencer(a), createRoomSequencer(b)]
    const commits = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? sa : sb).change('p1', change)),
    )
    const seqs = commits.map((r) => r.seq).sort((x, y) => x - y)
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    // A round trip on each subscriber's connection cannot be answered before earlier messages.
    for (let i = 0; i < 100 && (heard.a?.length !== 40 || heard.b?.length !== 40); i++)
      await new Promise((r) => setTimeout(r, 20))
    expect(heard.a).toEqual(seqs)
    expect(heard.b).toEqual(seqs)
  })

  it('reports an instance whose heartbeat stopped as dead', async () => {
    const prefix = `test-rooms-${randomBytes(4).toString('hex')}`
    const [a, b] = [open(prefix), open(prefix)] as [RoomStore, RoomStore]
    await a.load('warm-up')
    await b.load('warm-up')
    expect(await a.deadInstances([b.instanceId])).toEqual([])
    await b.close()
    stores.pop()
    expect(await a.deadInstances([b.instanceId, a.instanceId])).toEqual([b.instanceId])
  })
})
