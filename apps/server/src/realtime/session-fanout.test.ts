// Every socket event re-checks the session, not only the handshake: a socket whose session
// ended is dropped at its next event, and the event is not handled.
import { createServer } from 'node:http'
import { createSessionVersionCache } from '@aipipeline/db'
import { Server } from 'socket.io'
import { type Socket as ClientSocket, io as connect } from 'socket.io-client'
import { afterEach, describe, expect, it } from 'vitest'
import { createTokenService } from '../modules/auth'
import { createLogger } from '../observability/logger'
import { connectSessionFanout } from './session-fanout'

const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c()
})

async function serve() {
  let current = { version: 0, active: true }
  const sessions = createSessionVersionCache({ load: async () => current, ttlMs: 0 })
  const tokens = createTokenService({ masterKey: Buffer.alloc(32, 7), accessTtlSeconds: 900, sessions })
  const httpServer = createServer()
  const io = new Server(httpServer)
  io.use(async (socket, next) => {
    socket.data.principal = { userId: 'u1', role: 'admin', sessionVersion: 0 }
    next()
  })
  connectSessionFanout({ io, sessions, tokens, logger: createLogger('silent'), scaleOut: false })
  let handled = 0
  io.on('connection', (socket) => {
    socket.on('ping', (ack: unknown) => {
      handled += 1
      if (typeof ack === 'function') ack('pong')
    })
  })
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
  cleanup.push(() => new Promise<void>((resolve) => io.close(() => resolve())))
  const address = httpServer.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  return {
    url: `http://127.0.0.1:${address.port}`,
    endSession: () => {
      current = { version: 1, active: true }
    },
    handled: () => handled,
  }
}

function open(url: string): Promise<ClientSocket> {
  const socket = connect(url, { transports: ['websocket'], reconnection: false })
  cleanup.push(() => void socket.disconnect())
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket))
    socket.once('connect_error', reject)
  })
}

describe('session check on socket events', () => {
  it('handles events while the session is current', async () => {
    const server = await serve()
    const socket = await open(server.url)
    expect(await socket.emitWithAck('ping')).toBe('pong')
    expect(server.handled()).toBe(1)
  })

  it('drops the socket at the first event after the session ended, without handling it', async () => {
    const server = await serve()
    const socket = await open(server.url)
    server.endSession()
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)))
    socket.emit('ping')
    expect(await dropped).toBe('io server disconnect')
    expect(server.handled()).toBe(0)
  })
})
