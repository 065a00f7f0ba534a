// Where rooms live. In one process, memory; in scale-out, Redis (redis-room-store.ts), so
// participants on different instances share one room. A commit writes the state with the
// room's next seq atomically and publishes the change; every instance hears every room's
// changes in seq order and delivers them to its own sockets.
import type { ServerEvent, ServerEventName } from '@aipipeline/contracts'
import type { StoredRoom } from './room-state'

export type RoomEventName = Extract<
  ServerEventName,
  'review:state' | 'review:playback' | 'review:presence' | 'review:annotations' | 'review:comment' | 'review:playlist'
>

/** A numbered change of a room, as published to every instance. */
export interface PublishedRoomEvent<N extends RoomEventName = RoomEventName> {
  playlistId: string
  seq: number
  event: N
  payload: ServerEvent<N>
}

export interface RoomStore {
  /** This instance, as presence entries name it. */
  readonly instanceId: string
  load(playlistId: string): Promise<StoredRoom | null>
  /**
   * Writes `room` (whose seq is the stored seq + 1) and publishes `event`, unless another
   * commit came first: then nothing is written and the answer is false (load and try again).
   */
  commit(room: StoredRoom, event: PublishedRoomEvent): Promise<boolean>
  /** Every committed change of every room, in commit order. */
  onEvent(listener: (event: PublishedRoomEvent) => void): void
  /** Those of `instanceIds` that stopped refreshing their heartbeat. */
  deadInstances(instanceIds: readonly string[]): Promise<string[]>
  close(): Promise<void>
}

/** One process: a map, and listeners called in commit order. */
export function createMemoryRoomStore(instanceId = 'local'): RoomStore {
  const rooms = new Map<string, StoredRoom>()
  const listeners: ((event: PublishedRoomEvent) => void)[] = []
  return {
    instanceId,
    async load(playlistId) {
      return rooms.get(playlistId) ?? null
    },
    async commit(room, event) {
      if (room.seq !== (rooms.get(room.playlistId)?.seq ?? 0) + 1) return false
      rooms.set(room.playlistId, room)
      for (const listener of listeners) listener(event)
      return true
    },
    onEvent(listener) {
      listeners.push(listener)
    },
    async deadInstances() {
      return []
    },
    async close() {},
  }
}
