// Review room test parts: playlists kept in memory behind a PlaylistGate that asks the real
// project membership (so removing a member shuts them out), a drawing store that records what
// it persisted, and a seat connected to review rooms over a real socket. Only imported by tests.
import { randomUUID } from 'node:crypto'
import { type AnnotationChanges, type AnnotationOp, type PlaylistAudience, RoomState } from '@aipipeline/contracts'
import { NotFound } from '@aipipeline/domain'
import { io as connect, type Socket } from 'socket.io-client'
import type { ReviewSeams } from '../../src/modules/review'
import type { AnnotationStore, PlaylistGate, PlaylistScope } from '../../src/modules/review/review-ports'
import type { Seat } from '../production/production-test-kit'

/** A playlist whose access check fails unexpectedly (as when the database is unreachable). */
export const BROKEN_PLAYLIST = 'broken-playlist'

/** Playlists by id; the gate admits members of the project, clients and vendors only to `client` ones. */
export function fakePlaylists() {
  const playlists = new Map<string, { projectId: string; audience: PlaylistAudience }>()
  const playlistGate: NonNullable<ReviewSeams['playlistGate']> = (production): PlaylistGate => ({
    async scope(principal, playlistId): Promise<PlaylistScope> {
      if (playlistId === BROKEN_PLAYLIST) throw new Error('the database went away')
      const playlist = playlists.get(playlistId)
      if (playlist === undefined) throw new NotFound('no such playlist')
      const access = await production.access.resolve(principal, playlist.projectId)
      const external = access.role === 'client' || access.role === 'vendor'
      if (external && playlist.audience === 'team') throw new NotFound('no such playlist')
      const staff = !external
      return {
        playlistId,
        ...playlist,
        access,
        guest: null,
        actorId: principal.userId,
        actorName: `${access.role} ${principal.userId.slice(0, 6)}`,
        can: { edit: staff, comment: true, draw: true, decide: staff, present: staff, manageGuests: staff },
      }
    },
    async versionInPlaylist(_scope, versionId) {
      if (versionId.startsWith('missing')) throw new NotFound('no such version')
      return { itemId: 'item-1', taskId: 'task-1', versionId, kind: 'image' }
    },
  })
  return {
    playlistGate,
    add(projectId: string, audience: PlaylistAudience): string {
      const id = randomUUID()
      playlists.set(id, { projectId, audience })
      return id
    },
  }
}

/** Records every persisted op, in the order it was persisted. */
export function recordingAnnotations(): AnnotationStore & { persisted: { versionId: string; op: AnnotationOp }[] } {
  const persisted: { versionId: string; op: AnnotationOp }[] = []
  const revisions = new Map<string, number>()
  return {
    persisted,
    async list() {
      return { revision: 0, items: [] }
    },
    async apply(_scope, versionId, ops): Promise<AnnotationChanges> {
      // A pause lets drawings from several senders overlap, as database writes would.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5))
      for (const op of ops) persisted.push({ versionId, op })
      const revision = (revisions.get(versionId) ?? 0) + ops.length
      revisions.set(versionId, revision)
      return {
        versionId,
        revision,
        results: ops.map((op) => ({ op: op.op, id: op.id, outcome: 'applied', reason: null, annotation: null })),
      }
    },
  }
}

export interface RoomSeat {
  socket: Socket
  /** Every review event received, in arrival order. */
  received: { event: string; payload: { seq?: number; [key: string]: unknown } }[]
  ask(event: string, payload: unknown): Promise<{ ok: boolean; error?: string; [key: string]: unknown }>
  /** The seqs of numbered events received so far. */
  seqs(): number[]
  /** Resolves when a received event satisfies `test`. */
  until(test: (e: RoomSeat['received'][number]) => boolean, timeoutMs?: number): Promise<void>
  close(): void
}

export async function roomSeat(url: string, seat: Pick<Seat, 'token'>): Promise<RoomSeat> {
  const socket = connect(url, {
    path: '/socket.io',
    auth: { token: seat.token },
    transports: ['websocket'],
    reconnection: false,
  })
  const received: RoomSeat['received'] = []
  const waiters: (() => void)[] = []
  socket.onAny((event: string, payload: RoomSeat['received'][number]['payload']) => {
    if (!event.startsWith('review:')) return
    received.push({ event, payload })
    for (const w of waiters.splice(0)) w()
  })
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  return {
    socket,
    received,
    ask: (event, payload) => socket.timeout(10_000).emitWithAck(event, payload),
    seqs: () => received.flatMap((e) => (typeof e.payload.seq === 'number' ? [e.payload.seq] : [])),
    async until(test, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs
      while (!received.some(test)) {
        if (Date.now() > deadline) throw new Error('the expected review event did not arrive')
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 200)
        })
      }
    },
    close: () => socket.disconnect(),
  }
}

/** The room state in a join or sync answer (throws on a refusal). */
export function stateOf(ack: unknown): RoomState {
  return RoomState.parse((ack as { state?: unknown }).state)
}
