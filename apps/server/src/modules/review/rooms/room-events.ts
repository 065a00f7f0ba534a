// The client events of a review room. Each one asks the playlist gate again (access can change
// while a socket is open: a role change, removal from the project, a revoked guest link) and
// requires the sender to have joined the room; what changes the room gets the next seq.
import { access, DomainError, Forbidden, NotFound, RuleViolation, roleSatisfies } from '@aipipeline/domain'
import type { HubConnection, RealtimeHub } from '../../../realtime/realtime-hub'
import type { GuestActivityLog } from '../guests'
import type { AnnotationStore, PlaylistGate, PlaylistScope } from '../review-ports'
import { presenceChange, reviewRoomName } from './room-changes'
import type { RoomSequencer } from './room-sequencer'
import { publicState, type StoredRoom } from './room-state'

/** What the client event handlers use of the rooms. */
export interface RoomsInternals {
  sequencer: RoomSequencer
  enter(from: HubConnection, scope: PlaylistScope): Promise<StoredRoom>
  exit(from: Pick<HubConnection, 'id' | 'leave'>, playlistId: string): Promise<StoredRoom | null>
  isIn(connectionId: string, playlistId: string): boolean
}

interface RoomEventsDeps {
  hub: RealtimeHub
  gate: PlaylistGate
  annotations: AnnotationStore
  rooms: RoomsInternals
  /** Logs what guests do in rooms (a no-op for signed-in users). */
  guestActivity: Pick<GuestActivityLog, 'record'>
}

/** Something the room hides as if it did not exist (its message is the whole answer). */
class Unseen extends DomainError {
  readonly code = 'not_found'
}

/** Taking the seat from someone else, or handing on someone else's, is for supervisors and above. */
function leads(scope: PlaylistScope): boolean {
  return scope.access !== null && roleSatisfies(access.atLeast('supervisor'), scope.access.role)
}

export function answerRoomEvents({ hub, gate, annotations, rooms, guestActivity }: RoomEventsDeps): void {
  const { sequencer } = rooms

  /** The sender's scope now; one the gate no longer admits is also taken out of the room. */
  async function scopeOf(from: HubConnection, playlistId: string): Promise<PlaylistScope> {
    try {
      return await gate.scope(from.principal, playlistId)
    } catch (err) {
      if (!(err instanceof NotFound)) throw err
      await rooms.exit(from, playlistId)
      throw new Unseen('no such playlist')
    }
  }

  /** The scope of a sender who joined the room. */
  async function memberOf(from: HubConnection, playlistId: string): Promise<PlaylistScope> {
    const scope = await scopeOf(from, playlistId)
    if (!rooms.isIn(from.id, playlistId))
      throw new RuleViolation('join the review room first', { reason: 'join_first' })
    return scope
  }

  hub.handle('review:join', async ({ playlistId }, from) => {
    const scope = await scopeOf(from, playlistId)
    const state = publicState(await rooms.enter(from, scope))
    await guestActivity.record(from.principal, 'join')
    return { ok: true, state }
  })

  hub.handle('review:leave', async ({ playlistId }, from) => {
    await memberOf(from, playlistId)
    const room = await rooms.exit(from, playlistId)
    await guestActivity.record(from.principal, 'leave')
    return { ok: true, seq: room?.seq ?? 0 }
  })

  hub.handle('review:sync', async ({ playlistId }, from) => {
    await memberOf(from, playlistId)
    return { ok: true, state: publicState(await sequencer.load(playlistId)) }
  })

  hub.handle('review:playback', async ({ playlistId, playback }, from) => {
    const scope = await memberOf(from, playlistId)
    const room = await sequencer.change(playlistId, (stored) => {
      if (stored.presenterId !== scope.actorId)
        throw new Forbidden('only the presenter may drive playback', { reason: 'not_presenter' })
      return {
        room: { ...stored, playback },
        event: (seq) => ({ event: 'review:playback', payload: { playlistId, seq, by: scope.actorId, playback } }),
      }
    })
    return { ok: true, seq: room.seq }
  })

  hub.handle('review:presenter', async ({ playlistId, action, participantId }, from) => {
    const scope = await memberOf(from, playlistId)
    const room = await sequencer.change(
      playlistId,
      presenceChange((stored) => {
        const seated = stored.presenterId
        if (action === 'take') {
          if (!scope.can.present)
            throw new Forbidden('you may not present in this playlist', { reason: 'may_not_present' })
          if (seated !== null && seated !== scope.actorId && !leads(scope))
            throw new Forbidden('someone else is presenting; only supervisors and above may take the seat', {
              reason: 'presenter_taken',
            })
          return { ...stored, presenterId: scope.actorId }
        }
        if (action === 'give') {
          if (participantId === undefined)
            throw new RuleViolation('say whom to give the seat to', { reason: 'name_participant' })
          if (seated !== scope.actorId && !(scope.can.present && leads(scope)))
            throw new Forbidden('only the presenter may hand on the seat', { reason: 'not_presenter' })
          if (!(participantId in stored.presence))
            throw new RuleViolation('that participant is not in the room', { reason: 'not_in_room' })
          return { ...stored, presenterId: participantId }
        }
        if (seated !== scope.actorId)
          throw new Forbidden('only the presenter may leave the seat', { reason: 'not_presenter' })
        return { ...stored, presenterId: null }
      }),
    )
    return { ok: true, seq: room.seq }
  })

  hub.handle('review:draw', async ({ playlistId, versionId, ops }, from) => {
    const scope = await memberOf(from, playlistId)
    if (!scope.can.draw) throw new Forbidden('you may not draw in this playlist', { reason: 'may_not_draw' })
    await gate.versionInPlaylist(scope, versionId).catch((err: unknown) => {
      throw err instanceof NotFound ? new Unseen('no such version in this playlist') : err
    })
    // Persisted and numbered in one turn of the room's queue: drawings are stored in the order
    // the room hears them.
    return sequencer.serial(playlistId, async () => {
      const changes = await annotations.apply(scope, versionId, ops)
      const room = await sequencer.changeNow(playlistId, (stored) => ({
        room: stored,
        event: (seq) => ({ event: 'review:annotations', payload: { playlistId, seq, by: scope.actorId, changes } }),
      }))
      await guestActivity.record(from.principal, 'draw', versionId)
      return { ok: true as const, seq: room.seq, changes }
    })
  })

  // A laser pointer is not numbered or stored: the newest wins, a lost one is harmless.
  hub.handle('review:pointer', async ({ playlistId, x, y }, from) => {
    const scope = await memberOf(from, playlistId)
    hub.emit(reviewRoomName(playlistId), 'review:pointer', { playlistId, by: scope.actorId, x, y })
    return { ok: true }
  })
}
