// The room client over a real socket.io connection: a join lands on the room's state, events
// apply in seq order whatever order they arrive in, a gap that does not fill asks for the
// whole state again, and a reconnect joins again.
import { createServer } from 'node:http'
import { DEFAULT_ROOM_PLAYBACK, type ReviewComment, type RoomState } from '@aipipeline/contracts'
import { Server, type Socket as ServerSocket } from 'socket.io'
import { io, type Socket } from 'socket.io-client'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ReviewRoomClient } from './review-room-client'

const PLAYLIST = '0190a6d2-7c3e-7000-8000-000000000002'

function roomAt(seq: number, frame = 0): RoomState {
  return {
    playlistId: PLAYLIST,
    seq,
    presenterId: 'u1',
    playback: { ...DEFAULT_ROOM_PLAYBACK, frame },
    participants: [{ id: 'u1', name: 'Ana', role: 'supervisor', guest: false, connections: 1 }],
    updatedAt: '2026-01-01T00:00:00.000Z',
  }
}

function note(id: string): ReviewComment {
  return {
    id,
    taskId: 't',
    authorId: 'u1',
    authorRole: 'supervisor',
    authorName: 'Ana',
    guest: false,
    text: id,
    statusId: null,
    previousStatusId: null,
    forClient: false,
    mentions: { userIds: [], departments: [] },
    versionIds: ['v'],
    frames: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  }
}

describe('the review room client', () => {
  const http = createServer()
  const server = new Server(http)
  let url = ''
  /** What the room answers to a join and a sync, and who asked. */
  let whole = roomAt(5)
  const asked: string[] = []
  let serverSide: ServerSocket | null = null
  const clients: { socket: Socket; room: ReviewRoomClient }[] = []

  beforeAll(async () => {
    server.on('connection', (socket) => {
      serverSide = socket
      for (const name of ['review:join', 'review:sync'] as const) {
        socket.on(name, (_payload: unknown, ack: (answer: unknown) => void) => {
          asked.push(name)
          ack({ ok: true, state: whole })
        })
      }
      socket.on('review:leave', (_payload: unknown, ack: (answer: unknown) => void) => ack({ ok: true, seq: 0 }))
    })
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    const address = http.address()
    if (address === null || typeof address === 'string') throw new Error('no port')
    url = `http://127.0.0.1:${address.port}`
  })

  afterEach(() => {
    for (const c of clients.splice(0)) {
      c.room.stop()
      c.socket.disconnect()
    }
    asked.length = 0
  })

  afterAll(async () => {
    await server.close()
  })

  /** Joins with a short gap wait, or one no test run reaches (so only a real gap asks). */
  async function join(gapWaitMs = 60_000) {
    const socket = io(url, { transports: ['websocket'] })
    const seen = { states: [] as (RoomState | null)[], notes: [] as string[] }
    const room = new ReviewRoomClient({
      socket,
      playlistId: PLAYLIST,
      listeners: {
        onComment: (_itemId, comment) => seen.notes.push(comment.id),
        onAnnotations: () => {},
        onPlaylist: () => {},
      },
      onState: (state) => seen.states.push(state),
      onError: () => {},
      gapWaitMs,
    })
    clients.push({ socket, room })
    room.start()
    await vi.waitFor(() => expect(seen.states.at(-1)?.seq).toBe(whole.seq))
    return { socket, room, seen }
  }

  const comment = (seq: number) =>
    serverSide?.emit('review:comment', { playlistId: PLAYLIST, seq, itemId: 'i', comment: note(`n${seq}`) })

  it('lands a joiner on the room’s state, presenter and frame', async () => {
    whole = roomAt(5, 42)
    const { seen } = await join()
    expect(seen.states.at(-1)).toMatchObject({ presenterId: 'u1', playback: { frame: 42 } })
  })

  it('applies events in seq order whatever order they arrive in', async () => {
    whole = roomAt(5)
    const { seen } = await join()
    comment(8)
    comment(6)
    comment(7)
    serverSide?.emit('review:playback', {
      playlistId: PLAYLIST,
      seq: 9,
      by: 'u1',
      playback: { ...DEFAULT_ROOM_PLAYBACK, frame: 11 },
    })
    await vi.waitFor(() => expect(seen.states.at(-1)?.seq).toBe(9))
    expect(seen.notes).toEqual(['n6', 'n7', 'n8'])
    expect(seen.states.at(-1)?.playback.frame).toBe(11)
    expect(asked).toEqual(['review:join'])
  })

  it('asks for the whole state when a gap does not fill', async () => {
    whole = roomAt(5)
    const { seen } = await join(50)
    whole = roomAt(9, 24)
    comment(8)
    await vi.waitFor(() => expect(asked).toEqual(['review:join', 'review:sync']))
    await vi.waitFor(() => expect(seen.states.at(-1)?.seq).toBe(9))
    // The note at 8 is covered by the state at 9 and never applied on its own.
    expect(seen.notes).toEqual([])
    expect(seen.states.at(-1)?.playback.frame).toBe(24)
  })

  it('joins again after a reconnect', async () => {
    whole = roomAt(5)
    const { socket, seen } = await join()
    socket.disconnect()
    whole = roomAt(12, 7)
    socket.connect()
    await vi.waitFor(() => expect(asked).toEqual(['review:join', 'review:join']))
    await vi.waitFor(() => expect(seen.states.at(-1)?.playback.frame).toBe(7))
  })
})
