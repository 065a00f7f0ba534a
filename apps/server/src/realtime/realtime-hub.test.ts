import { JoinRoomAck, NoticeEvent } from '@aipipeline/contracts'
import { redis, requireService } from '@aipipeline/testing'
import { io as connect, type Socket } from 'socket.io-client'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestStudio, type TestStudio } from '../../test-kits/test-studio'

const studios: TestStudio[] = []
const sockets: Socket[] = []

afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect()
  for (const s of studios.splice(0)) await s.close()
})

async function listening(
  opts: Parameters<typeof createTestStudio>[1] = {},
): Promise<{ studio: TestStudio; url: string }> {
  const studio = await createTestStudio('sqlite', opts)
  studios.push(studio)
  await studio.app.listen({ port: 0, host: '127.0.0.1' })
  const address = studio.app.server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  return { studio, url: `http://127.0.0.1:${address.port}` }
}

function open(url: string, token: string | undefined): Socket {
  const socket = connect(url, {
    path: '/socket.io',
    auth: token ? { token } : {},
    transports: ['websocket'],
    reconnection: false,
  })
  sockets.push(socket)
  return socket
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', (err) => reject(err))
  })
}

async function join(socket: Socket, room: string) {
  return JoinRoomAck.parse(await socket.emitWithAck('room:join', { room }))
}

function nextNotice(socket: Socket) {
  return new Promise((resolve) =>
    socket.once('system:notice', (payload: unknown) => resolve(NoticeEvent.parse(payload))),
  )
}

describe('realtime hub', () => {
  it('refuses a connection without a valid access token', async () => {
    const { url } = await listening()
    await expect(connected(open(url, undefined))).rejects.toThrow(/unauthenticated/)
    await expect(connected(open(url, 'not-a-jwt'))).rejects.toThrow(/unauthenticated/)
  })

  it('joins rooms the policy allows and refuses others with a reason', async () => {
    const { studio, url } = await listening()
    const artist = await studio.signIn('artist')
    const client = await studio.signIn('client')
    const artistSocket = open(url, artist.accessToken)
    const clientSocket = open(url, client.accessToken)
    await Promise.all([connected(artistSocket), connected(clientSocket)])
    expect(await join(artistSocket, 'farm')).toEqual({ ok: true, room: 'farm' })
    expect(await join(clientSocket, 'farm')).toMatchObject({ ok: false })
    expect(await join(artistSocket, `user:${client.user.id}`)).toMatchObject({ ok: false })
    expect(await join(artistSocket, 'nonsense room!')).toMatchObject({ ok: false })
  })

  it('delivers an event to members of the room only, parsed against its contract', async () => {
    const { studio, url } = await listening()
    const manager = await studio.signIn('manager')
    const artist = await studio.signIn('artist')
    const a = open(url, manager.accessToken)
    const b = open(url, artist.accessToken)
    await Promise.all([connected(a), connected(b)])
    expect(await join(a, 'farm')).toEqual({ ok: true, room: 'farm' })
    let bGot = false
    b.on('system:notice', () => {
      bGot = true
    })
    const received = nextNotice(a)
    studio.hub.emit('farm', 'system:notice', {
      level: 'info',
      message: 'shot 010 approved',
      at: new Date().toISOString(),
    })
    expect(await received).toMatchObject({ message: 'shot 010 approved' })
    // A round trip on b's connection proves anything sent to b before it has arrived.
    await join(b, 'system')
    expect(bGot).toBe(false)
    expect(() =>
      studio.hub.emit('farm', 'system:notice', { level: 'loud' as 'info', message: 'x', at: 'now' }),
    ).toThrow()
  })
})

describe.runIf(requireService(redis, 'realtime fan-out across instances over Redis'))(
  'realtime across instances',
  () => {
    it('an event emitted on one server reaches a client connected to another', async () => {
      const first = await listening({ redis: true })
      // Both instances share the database and trust the same tokens (one AIPIPELINE_SECRET_KEY).
      const second = await listening({
        redis: true,
        database: first.studio.testDb,
        config: { secretKey: first.studio.config.secretKey },
      })
      const session = await first.studio.signIn('supervisor')
      const socket = open(second.url, session.accessToken)
      await connected(socket)
      await join(socket, 'farm')
      // A client on the emitting instance hears it too, each exactly once.
      const local = open(first.url, session.accessToken)
      await connected(local)
      await join(local, 'farm')
      let remoteCount = 0
      let localCount = 0
      socket.on('system:notice', () => remoteCount++)
      local.on('system:notice', () => localCount++)
      const received = nextNotice(socket)
      const receivedLocally = nextNotice(local)
      // Give the Redis subscription a moment to be registered on both sides.
      await new Promise((r) => setTimeout(r, 200))
      first.studio.hub.emit('farm', 'system:notice', {
        level: 'info',
        message: 'from instance one',
        at: new Date().toISOString(),
      })
      expect(await received).toMatchObject({ message: 'from instance one' })
      expect(await receivedLocally).toMatchObject({ message: 'from instance one' })
      // Round trips on both connections prove nothing else was on its way.
      await Promise.all([join(socket, 'system'), join(local, 'system')])
      await new Promise((r) => setTimeout(r, 100))
      expect({ remoteCount, localCount }).toEqual({ remoteCount: 1, localCount: 1 })
    })
  },
)
