// The changes rooms share: presence (who is in, who presents) and numbered announcements of
// what happened elsewhere (REST writes).
import type { RoomName } from '@aipipeline/contracts'
import type { RoomChange } from './room-sequencer'
import { participantsOf, type StoredRoom } from './room-state'

export function reviewRoomName(playlistId: string): RoomName {
  return `review:${playlistId}`
}

/** A change that only numbers what happened elsewhere (the state stays). */
export function announce(told: ReturnType<RoomChange>['event']): RoomChange {
  return (room) => ({ room, event: told })
}

/** The participants and presenter after a presence change. */
export function presenceChange(update: (room: StoredRoom) => StoredRoom): RoomChange {
  return (stored) => {
    const room = update(stored)
    return {
      room,
      event: (seq) => ({
        event: 'review:presence',
        payload: {
          playlistId: room.playlistId,
          seq,
          presenterId: room.presenterId,
          participants: participantsOf(room),
        },
      }),
    }
  }
}
