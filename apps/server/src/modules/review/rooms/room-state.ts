// A room as the server keeps it: the shared state plus who is connected from which server
// instance. Pure functions; the store writes the result atomically with the next seq.
import { DEFAULT_ROOM_PLAYBACK, type RoomParticipant, type RoomPlayback, type RoomState } from '@aipipeline/contracts'

export interface PresenceEntry {
  name: string
  role: string
  guest: boolean
  /** Open connections in the room per server instance (so a crashed instance's can expire). */
  connections: Record<string, number>
}

export interface StoredRoom {
  playlistId: string
  seq: number
  presenterId: string | null
  playback: RoomPlayback
  /** By participant id, in order of arrival. */
  presence: Record<string, PresenceEntry>
  updatedAt: string
}

export interface Arrival {
  participantId: string
  name: string
  role: string
  guest: boolean
  instanceId: string
}

export function emptyRoom(playlistId: string, at: string): StoredRoom {
  return { playlistId, seq: 0, presenterId: null, playback: DEFAULT_ROOM_PLAYBACK, presence: {}, updatedAt: at }
}

function total(entry: PresenceEntry): number {
  return Object.values(entry.connections).reduce((sum, n) => sum + n, 0)
}

/** The participants as the contract shows them: one row per person, connections summed. */
export function participantsOf(room: StoredRoom): RoomParticipant[] {
  return Object.entries(room.presence)
    .map(([id, e]) => ({ id, name: e.name, role: e.role, guest: e.guest, connections: total(e) }))
    .filter((p) => p.connections > 0)
}

export function publicState(room: StoredRoom): RoomState {
  return {
    playlistId: room.playlistId,
    seq: room.seq,
    presenterId: room.presenterId,
    playback: room.playback,
    participants: participantsOf(room),
    updatedAt: room.updatedAt,
  }
}

/** One more connection of a participant (a tab, on one instance). */
export function arrive(room: StoredRoom, who: Arrival): StoredRoom {
  const entry = room.presence[who.participantId]
  const connections = { ...entry?.connections, [who.instanceId]: (entry?.connections[who.instanceId] ?? 0) + 1 }
  return {
    ...room,
    presence: {
      ...room.presence,
      [who.participantId]: { name: who.name, role: who.role, guest: who.guest, connections },
    },
  }
}

/** Drops empty entries; a presenter who is no longer in the room leaves the seat empty. */
function settle(room: StoredRoom, presence: Record<string, PresenceEntry>): StoredRoom {
  const kept = Object.fromEntries(Object.entries(presence).filter(([, e]) => total(e) > 0))
  const presenterId = room.presenterId !== null && room.presenterId in kept ? room.presenterId : null
  return { ...room, presence: kept, presenterId }
}

/** One connection fewer; the participant stays while another of their connections is in. */
export function depart(room: StoredRoom, participantId: string, instanceId: string): StoredRoom {
  const entry = room.presence[participantId]
  if (entry === undefined) return room
  const left = (entry.connections[instanceId] ?? 0) - 1
  const connections = { ...entry.connections }
  if (left > 0) connections[instanceId] = left
  else delete connections[instanceId]
  return settle(room, { ...room.presence, [participantId]: { ...entry, connections } })
}

/** Forgets the connections held by instances that stopped (their heartbeat expired). */
export function withoutInstances(room: StoredRoom, dead: ReadonlySet<string>): StoredRoom {
  const presence = Object.fromEntries(
    Object.entries(room.presence).map(([id, e]) => [
      id,
      { ...e, connections: Object.fromEntries(Object.entries(e.connections).filter(([i]) => !dead.has(i))) },
    ]),
  )
  return settle(room, presence)
}

/** Instances (other than `self`) that hold connections in the room. */
export function otherInstances(room: StoredRoom, self: string): string[] {
  const ids = new Set(Object.values(room.presence).flatMap((e) => Object.keys(e.connections)))
  ids.delete(self)
  return [...ids]
}
