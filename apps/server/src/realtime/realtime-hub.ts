// socket.io on the HTTP server's port. Connections authenticate with the access token;
// every payload in either direction is parsed with its contract schema. With REDIS_URL the
// Redis adapter fans events out across server instances.
import type { Server as HttpServer } from 'node:http'
import {
  type clientEvents,
  JoinRoomRequest,
  type RoomName,
  type ServerEvent,
  type ServerEventName,
  serverEvents,
} from '@aipipeline/contracts'
import { createAdapter } from '@socket.io/redis-adapter'
import { Redis } from 'ioredis'
import { Server, type Socket } from 'socket.io'
import type { Principal, TokenService } from '../modules/auth'
import type { Logger } from '../observability/logger'

/** Decides whether a principal may join a room; modules extend it as rooms gain meaning. */
export type RoomPolicy = (principal: Principal, room: RoomName) => boolean | Promise<boolean>

/** Default policy: own user room; farm for studio staff; others for any signed-in user. */
export const defaultRoomPolicy: RoomPolicy = (principal, room) => {
  const [kind, id] = room.split(':')
  if (kind === 'user') return id === principal.userId
  if (kind === 'farm') return principal.role !== 'client' && principal.role !== 'vendor'
  return true
}

export interface RealtimeHub {
  io: Server
  emit<N extends ServerEventName>(room: RoomName, event: N, payload: ServerEvent<N>): void
  close(): Promise<void>
}

type Ack = (response: unknown) => void

function principalOf(socket: Socket): Principal | undefined {
  const p: unknown = socket.data.principal
  return p && typeof p === 'object' && 'userId' in p ? (p as Principal) : undefined
}

/** Attaches socket.io to an HTTP server. */
export function createRealtimeHub(opts: {
  httpServer: HttpServer
  tokens: TokenService
  logger: Logger
  redisUrl?: string | undefined
  /** Redis channel prefix, so studios sharing one Redis do not hear each other. */
  redisKey?: string
  policy?: RoomPolicy
}): RealtimeHub {
  const policy = opts.policy ?? defaultRoomPolicy
  const io = new Server(opts.httpServer, { path: '/socket.io', serveClient: false, cors: { origin: false } })
  const redisClients: Redis[] = []
  if (opts.redisUrl) {
    const pub = new Redis(opts.redisUrl, { lazyConnect: false, maxRetriesPerRequest: null })
    const sub = pub.duplicate()
    redisClients.push(pub, sub)
    io.adapter(createAdapter(pub, sub, opts.redisKey ? { key: opts.redisKey } : {}))
  }

  io.use(async (socket, next) => {
    const token: unknown = socket.handshake.auth.token
    if (typeof token !== 'string') return next(new Error('unauthenticated: token required'))
    try {
      socket.data.principal = await opts.tokens.verifyAccess(token)
      next()
    } catch {
      next(new Error('unauthenticated: invalid or expired token'))
    }
  })

  io.on('connection', (socket) => {
    const principal = principalOf(socket)
    if (!principal) return socket.disconnect(true)
    void socket.join(`user:${principal.userId}`)
    const roomHandler = (join: boolean) => async (payload: unknown, ack?: Ack) => {
      const parsed = JoinRoomRequest.safeParse(payload)
      const reply = typeof ack === 'function' ? ack : () => {}
      if (!parsed.success) return reply({ ok: false, error: parsed.error.issues[0]?.message ?? 'invalid payload' })
      const room = parsed.data.room
      // The policy may ask the database (project membership); a failure refuses the join.
      const allowed = join ? await Promise.resolve(policy(principal, room)).catch(() => false) : true
      if (!allowed) return reply({ ok: false, error: `not allowed to join ${room}` })
      void (join ? socket.join(room) : socket.leave(room))
      reply({ ok: true, room })
    }
    socket.on('room:join' satisfies keyof typeof clientEvents, roomHandler(true))
    socket.on('room:leave' satisfies keyof typeof clientEvents, roomHandler(false))
  })

  return {
    io,
    emit(room, event, payload) {
      // Parse before sending: an event that breaks its contract is a bug, caught here.
      const checked = serverEvents[event].parse(payload)
      io.to(room).emit(event, checked)
    },
    async close() {
      // Not io.close(): that would also close the HTTP server, which Fastify owns.
      io.disconnectSockets(true)
      io.engine.close()
      await Promise.all(redisClients.map((c) => c.quit().catch(() => c.disconnect())))
    },
  }
}
