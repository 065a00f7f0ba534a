// Every change of a room gets the room's next seq together with its state write: a change is
// computed from the stored room, committed only if nobody committed in between (else computed
// again from the newer room), and published with its seq. Changes from this instance to one
// room run one at a time, so they rarely collide and keep the order they were asked in.
import { Conflict } from '@aipipeline/domain'
import { emptyRoom, type StoredRoom } from './room-state'
import type { PublishedRoomEvent, RoomEventName, RoomStore } from './room-store'

/** A change: the next room and the event that tells the participants, given the new seq. */
export type RoomChange = (room: StoredRoom) => {
  room: StoredRoom
  event: (seq: number) => Omit<PublishedRoomEvent<RoomEventName>, 'seq' | 'playlistId'>
}

/** Commits lost to other instances in a row before giving up (they each made progress). */
const MAX_ATTEMPTS = 50

export function createRoomSequencer(store: RoomStore, now: () => Date = () => new Date()) {
  const queues = new Map<string, Promise<unknown>>()

  /** Runs `work` after the room's earlier work on this instance (persisted drawings keep their order). */
  function serial<T>(playlistId: string, work: () => Promise<T>): Promise<T> {
    const previous = queues.get(playlistId) ?? Promise.resolve()
    const next = previous.then(work, work)
    const tail = next.catch(() => undefined)
    queues.set(playlistId, tail)
    void tail.then(() => {
      if (queues.get(playlistId) === tail) queues.delete(playlistId)
    })
    return next
  }

  // The room as this instance last committed it: a presenter's seeks commit on top of it
  // without reading it back each time; a commit from elsewhere in between makes the write fail
  // and the room is read again.
  const lastWritten = new Map<string, StoredRoom>()

  async function commit(playlistId: string, change: RoomChange): Promise<StoredRoom> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const kept = lastWritten.get(playlistId)
      const stored = kept ?? (await store.load(playlistId)) ?? emptyRoom(playlistId, now().toISOString())
      let changed: ReturnType<RoomChange>
      try {
        changed = change(stored)
      } catch (refusal) {
        // A refusal is only final when it was judged on the stored room, not on a kept copy.
        if (kept === undefined) throw refusal
        lastWritten.delete(playlistId)
        attempt -= 1
        continue
      }
      const { room, event } = changed
      const seq = stored.seq + 1
      const next: StoredRoom = { ...room, seq, updatedAt: now().toISOString() }
      const told = event(seq)
      if (await store.commit(next, { ...told, playlistId, seq } as PublishedRoomEvent)) {
        if (lastWritten.size > 1000) lastWritten.clear()
        lastWritten.set(playlistId, next)
        return next
      }
      lastWritten.delete(playlistId)
    }
    throw new Conflict('the room is too busy; try again')
  }

  return {
    serial,
    load: async (playlistId: string) => (await store.load(playlistId)) ?? emptyRoom(playlistId, now().toISOString()),
    /** Applies a change with the room's next seq; resolves with the committed room. */
    change: (playlistId: string, change: RoomChange) => serial(playlistId, () => commit(playlistId, change)),
    /** For work already inside `serial` (a drawing persisted, then numbered). */
    changeNow: (playlistId: string, change: RoomChange) => commit(playlistId, change),
  }
}
export type RoomSequencer = ReturnType<typeof createRoomSequencer>
