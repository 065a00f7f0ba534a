// Client events with acknowledgements over a real socket.io connection: the answer is parsed
// with the event's contract, and silence or a malformed answer is a failure, never a throw.
import { createServer } from 'node:http'
import { DEFAULT_ROOM_PLAYBACK } from '@aipipeline/contracts'
import { Server } from 'socket.io'
import { io, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emitWithAck } from './realtime'

const PLAYLIST = '0190a6d2-7c3e-7000-8000-000000000001'
const state = {
  playlistId: PLAYLIST,
  seq: 7,
  presenterId: null,
  playback: DEFAULT_ROOM_PLAYBACK,
  participants: [{ id: 'u1', name: 'Ana', role: 'supervisor', guest: false, connections: 1 }],
  updatedAt: '2026-01-01T00:00:00.000Z',
}

describe('client events with acknowledgements', () => {
  const http = createServer()
  const server = new Server(http)
  let client: Socket

  beforeAll(async () => {
    server.on('connection', (socket) => {
      socket.on('review:join', (_payload: unknown, ack: (answer: unknown) => void) => ack({ ok: true, state }))
      socket.on('review:sync', (_payload: unknown, ack: (answer: unknown) => void) => ack({ ok: true, state: {} }))
      socket.on('review:presenter', (_payload: unknown, ack: (answer: unknown) => void) =>
        ack({ ok: false, error: 'forbidden' }),
      )
      // review:leave is never answered.
    })
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    const address = http.address()
    if (address === null || typeof address === 'string') throw new Error('no port')
    client = io(`http://127.0.0.1:${address.port}`, { transports: ['websocket'] })
    await new Promise<void>((resolve) => client.once('connect', () => resolve()))
  })

  afterAll(async () => {
    client.disconnect()
    await server.close()
  })

  it('hands over a valid answer parsed with the contract', async () => {
    const answer = await emitWithAck(client, 'review:join', { playlistId: PLAYLIST })
    expect(answer).toEqual({ ok: true, state })
  })

  it('passes on a refusal as it came', async () => {
    expect(await emitWithAck(client, 'review:presenter', { playlistId: PLAYLIST, action: 'take' })).toEqual({
      ok: false,
      error: 'forbidden',
    })
  })

  it('turns a malformed answer and silence into failures', async () => {
    expect(await emitWithAck(client, 'review:sync', { playlistId: PLAYLIST })).toEqual({
      ok: false,
      error: 'malformed answer',
      reason: 'malformed_answer',
    })
    expect(await emitWithAck(client, 'review:leave', { playlistId: PLAYLIST }, 200)).toEqual({
      ok: false,
      error: 'no answer',
      reason: 'no_answer',
    })
  })
})
