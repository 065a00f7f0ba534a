// The live review rooms of playlists: who is in which room (per connection, across instances),
// delivery of every numbered change to this instance's sockets, the broadcast REST writes use,
// and the client events (room-events.ts).
import { serverEvents } from '@aipipeline/contracts'
import { NotFound } from '@aipipeline/domain'
import type { Principal } from '../../../http/principal'
import type { Logger } from '../../../observability/logger'
import type { HubConnection, RealtimeHub } from '../../../realtime/realtime-hub'
import type { GuestActivityLog } from '../guests'
import type { AnnotationStore, PlaylistGate, PlaylistScope, ReviewRoomBroadcast } from '../review-ports'
import { announce, presenceChange, reviewRoomName } from './room-changes'
import { answerRoomEvents, type RoomsInternals } from './room-events'
import { createRoomSequencer } from './room-sequencer'
import { arrive, depart, otherInstances, type StoredRoom, withoutInstances } from './room-state'
import type { RoomStore } from './room-store'

export interface ReviewRoomsDeps {
  hub: RealtimeHub
  store: RoomStore
  gate: PlaylistGate
  annotations: AnnotationStore
  /** Logs what guests do in rooms (joins, leaves, drawings). */
  guestActivity?: Pick<GuestActivityLog, 'record'>
  logger: Logger
  now?: () => Date
  /** How often rooms with sockets here drop presence of instances that stopped. */
  pruneEveryMs?: number
}

/** Rooms without a guest log (tests that have no guests). */
const NO_GUEST_LOG: Pick<GuestActivityLog, 'record'> = { record: async () => {} }

export function createReviewRooms(deps: ReviewRoomsDeps) {
  const { hub, store, logger } = deps
  const sequencer = createRoomSequencer(store, deps.now)
  /** Connection id → the playlists it joined, each with the participant it joined as. */
  const joined = new Map<string, Map<string, string>>()

  store.onEvent((e) => {
    if (!(e.event in serverEvents)) return logger.warn({ event: e.event }, 'unknown room event')
    try {
      hub.emitLocal(reviewRoomName(e.playlistId), e.event, e.payload)
    } catch (err) {
      logger.warn({ err, playlistId: e.playlistId, seq: e.seq }, 'review room event breaks its contract')
    }
  })

  async function enter(from: HubConnection, scope: PlaylistScope): Promise<StoredRoom> {
    const mine = joined.get(from.id) ?? new Map<string, string>()
    // A second join from the same socket is a sync, not another connection.
    if (mine.has(scope.playlistId)) return sequencer.load(scope.playlistId)
    mine.set(scope.playlistId, scope.actorId)
    joined.set(from.id, mine)
    await from.join(reviewRoomName(scope.playlistId))
    const arrival = {
      participantId: scope.actorId,
      name: scope.actorName,
      role: scope.access?.role ?? 'guest',
      guest: scope.guest !== null,
      instanceId: store.instanceId,
    }
    return sequencer.change(
      scope.playlistId,
      presenceChange((room) => arrive(room, arrival)),
    )
  }

  async function exit(from: Pick<HubConnection, 'id' | 'leave'>, playlistId: string): Promise<StoredRoom | null> {
    const mine = joined.get(from.id)
    const participantId = mine?.get(playlistId)
    if (mine === undefined || participantId === undefined) return null
    mine.delete(playlistId)
    if (mine.size === 0) joined.delete(from.id)
    await from.leave(reviewRoomName(playlistId)).catch(() => undefined)
    return sequencer.change(
      playlistId,
      presenceChange((room) => depart(room, participantId, store.instanceId)),
    )
  }

  hub.onDisconnect((from) => {
    for (const playlistId of [...(joined.get(from.id)?.keys() ?? [])]) {
      exit({ id: from.id, leave: async () => {} }, playlistId).catch((err: unknown) =>
        logger.warn({ err, playlistId }, 'review room presence not updated on disconnect'),
      )
    }
  })

  /** Presence held by instances that stopped expires with their heartbeat. */
  async function prune(): Promise<void> {
    const playlists = new Set([...joined.values()].flatMap((m) => [...m.keys()]))
    for (const playlistId of playlists) {
      const room = await sequencer.load(playlistId)
      const dead = await store.deadInstances(otherInstances(room, store.instanceId))
      if (dead.length === 0) continue
      await sequencer.change(
        playlistId,
        presenceChange((r) => withoutInstances(r, new Set(dead))),
      )
    }
  }
  const pruning = setInterval(() => {
    prune().catch((err: unknown) => logger.warn({ err }, 'review room presence pruning failed'))
  }, deps.pruneEveryMs ?? 5000)
  pruning.unref()

  const broadcast: ReviewRoomBroadcast = {
    async annotations(playlistId, by, changes) {
      await sequencer.change(
        playlistId,
        announce((seq) => ({ event: 'review:annotations', payload: { playlistId, seq, by, changes } })),
      )
    },
    async comment(playlistId, itemId, comment) {
      await sequencer.change(
        playlistId,
        announce((seq) => ({ event: 'review:comment', payload: { playlistId, seq, itemId, comment } })),
      )
    },
    async playlistChanged(playlistId) {
      await sequencer.change(
        playlistId,
        announce((seq) => ({ event: 'review:playlist', payload: { playlistId, seq } })),
      )
    },
  }

  const rooms: RoomsInternals = {
    sequencer,
    enter,
    exit,
    isIn: (connectionId: string, playlistId: string) => joined.get(connectionId)?.has(playlistId) ?? false,
  }
  answerRoomEvents({
    hub,
    gate: deps.gate,
    annotations: deps.annotations,
    rooms,
    guestActivity: deps.guestActivity ?? NO_GUEST_LOG,
  })

  return {
    broadcast,
    /** Whether the playlist gate admits the principal (room joins and every delivery ask it). */
    async mayEnter(principal: Principal, playlistId: string): Promise<boolean> {
      return deps.gate.scope(principal, playlistId).then(
        () => true,
        (err: unknown) => {
          if (err instanceof NotFound) return false
          throw err
        },
      )
    },
    async close(): Promise<void> {
      clearInterval(pruning)
      await store.close()
    },
  }
}
export type ReviewRooms = ReturnType<typeof createReviewRooms>
