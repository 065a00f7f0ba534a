// The sequencer numbers every change once and judges refusals on the stored room, not on the
// copy an instance kept from its own last write.
import { Forbidden } from '@aipipeline/domain'
import { describe, expect, it } from 'vitest'
import { createRoomSequencer, type RoomChange } from './room-sequencer'
import { createMemoryRoomStore, type PublishedRoomEvent } from './room-store'

const seat =
  (presenterId: string | null): RoomChange =>
  (room) => ({
    room: { ...room, presenterId },
    event: (seq) => ({ event: 'review:playlist', payload: { playlistId: room.playlistId, seq } }),
  })
const onlyFor =
  (presenterId: string): RoomChange =>
  (room) => {
    if (room.presenterId !== presenterId) throw new Forbidden('only the presenter may drive playback')
    return { room, event: (seq) => ({ event: 'review:playlist', payload: { playlistId: room.playlistId, seq } }) }
  }

describe('room sequencer', () => {
  it('gives each change the next seq and publishes it in that order', async () => {
    const store = createMemoryRoomStore()
    const heard: PublishedRoomEvent[] = []
    store.onEvent((e) => heard.push(e))
    const sequencer = createRoomSequencer(store)
    const rooms = await Promise.all(Array.from({ length: 25 }, () => sequencer.change('p1', seat(null))))
    expect(rooms.map((r) => r.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1))
    expect(heard.map((e) => e.seq)).toEqual(rooms.map((r) => r.seq))
  })

  it('asks the stored room again before refusing on what it last wrote itself', async () => {
    // Two instances over one store: A wrote "ana presents", then B seated ben.
    const store = createMemoryRoomStore()
    const [a, b] = [createRoomSequencer(store), createRoomSequencer(store)]
    await a.change('p1', seat('ana'))
    await b.change('p1', seat('ben'))
    expect((await a.change('p1', onlyFor('ben'))).seq).toBe(3)
    await expect(a.change('p1', onlyFor('ana'))).rejects.toThrow('only the presenter may drive playback')
  })
})
