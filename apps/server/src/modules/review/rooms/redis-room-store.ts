// Rooms in Redis for scale-out. One Lua script checks the seq, INCRs it, writes the state and
// PUBLISHes the change on one channel: Redis runs scripts one at a time, so the channel carries
// every room's changes in seq order and every subscribed instance hears the same order.
// Instances refresh a heartbeat key; presence held by an instance whose key expired is dropped.
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import type { Logger } from '../../../observability/logger'
import type { StoredRoom } from './room-state'
import type { PublishedRoomEvent, RoomStore } from './room-store'

/** KEYS: seq, state. ARGV: expected seq, state JSON, channel, message, ttl seconds. */
const COMMIT = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current ~= tonumber(ARGV[1]) then return 0 end
redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[5])
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[5])
redis.call('PUBLISH', ARGV[3], ARGV[4])
return 1
`

/** A room nobody touched for a week is forgotten (playback position, presenter). */
const ROOM_TTL_SECONDS = 7 * 24 * 3600

export interface RedisRoomStoreOptions {
  url: string
  prefix: string
  logger: Logger
  /** How often this instance says it is alive; presence of a silent instance expires after 3×. */
  heartbeatMs?: number
}

export function createRedisRoomStore(opts: RedisRoomStoreOptions): RoomStore {
  const instanceId = randomUUID()
  const heartbeatMs = opts.heartbeatMs ?? 5000
  const redis = new Redis(opts.url, { maxRetriesPerRequest: null })
  // Sent once, then run by its SHA (EVALSHA) on every commit.
  redis.defineCommand('reviewRoomCommit', { numberOfKeys: 2, lua: COMMIT })
  const commitScript = (
    redis as unknown as { reviewRoomCommit(...args: string[]): Promise<number> }
  ).reviewRoomCommit.bind(redis)
  const subscriber = redis.duplicate()
  const channel = `${opts.prefix}:review-rooms`
  const key = (playlistId: string, part: 'seq' | 'state') => `${opts.prefix}:review-room:${playlistId}:${part}`
  const aliveKey = (id: string) => `${opts.prefix}:review-instance:${id}`
  const listeners: ((event: PublishedRoomEvent) => void)[] = []

  subscriber.on('message', (from: string, message: string) => {
    if (from !== channel) return
    let event: PublishedRoomEvent
    try {
      event = JSON.parse(message) as PublishedRoomEvent
    } catch (err) {
      return opts.logger.warn({ err }, 'malformed review room message')
    }
    for (const listener of listeners) listener(event)
  })

  const beat = () =>
    redis.set(aliveKey(instanceId), '1', 'PX', heartbeatMs * 3).catch((err: unknown) => {
      opts.logger.warn({ err }, 'review room heartbeat failed')
    })
  // Nothing is read or written before this instance hears the channel and says it is alive.
  const ready = Promise.all([subscriber.subscribe(channel), beat()])
  const heartbeat = setInterval(beat, heartbeatMs)
  heartbeat.unref()

  return {
    instanceId,
    async load(playlistId) {
      await ready
      const json = await redis.get(key(playlistId, 'state'))
      return json === null ? null : (JSON.parse(json) as StoredRoom)
    },
    async commit(room, event) {
      await ready
      const written = await commitScript(
        key(room.playlistId, 'seq'),
        key(room.playlistId, 'state'),
        String(room.seq - 1),
        JSON.stringify(room),
        channel,
        JSON.stringify(event),
        String(ROOM_TTL_SECONDS),
      )
      return written === 1
    },
    onEvent(listener) {
      listeners.push(listener)
    },
    async deadInstances(ids) {
      if (ids.length === 0) return []
      const alive = await redis.mget(...ids.map(aliveKey))
      return ids.filter((_, i) => alive[i] === null)
    },
    async close() {
      clearInterval(heartbeat)
      await ready.catch(() => undefined)
      await redis.del(aliveKey(instanceId)).catch(() => undefined)
      await Promise.all([redis, subscriber].map((c) => c.quit().catch(() => c.disconnect())))
    },
  }
}
