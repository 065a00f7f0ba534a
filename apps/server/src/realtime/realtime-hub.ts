// socket.io on the HTTP server's port. Connections authenticate with the access token;
// every payload in either direction is parsed with its contract schema. Joins and every
// delivery go through the access gate, the same rules as the REST routes. With REDIS_URL the
// Redis adapter fans events out across server instances.
import type { Server as HttpServer } from 'node:http'
import {
  type ClientEventName,
  clientEvents,
  JoinRoomRequest,
  RoomName,
  type ServerEvent,
  type ServerEventName,
  serverEvents,
} from '@aipipeline/contracts'
import { createAdapter } from '@socket.io/redis-adapter'
import { Redis } from 'ioredis'
import { Server, type Socket } from 'socket.io'
import { z } from 'zod'
import type { Principal, TokenService } from '../modules/auth'
import type { Logger } from '../observability/logger'
import { type AckOf, answerClientEvent, type HubConnection, type PayloadOf } from './hub-handlers'

export type { AckOf, HubConnection, PayloadOf } from './hub-handlers'
export type { RoomPolicy } from './realtime-access'

/** Client events a module answers (the hub itself answers `room:join` and `room:leave`). */
export type HandledEventName = Exclude<ClientEventName, 'room:join' | 'room:leave'>
export type HubHandler<N extends HandledEventName> = (payload: PayloadOf<N>, from: HubConnection) => Promise<AckOf<N>>

/** What the hub asks before a join and before each delivery (see realtime-access.ts). */
export interface RealtimeGate {
  mayJoin(principal: Principal, room: RoomName): Promise<boolean>
  mayReceive(principal: Principal, room: RoomName, event: ServerEventName, payload: unknown): Promise<boolean>
  /** The payload as the principal may see it; depends on the principal's role only. */
  shape(principal: Principal, payload: unknown): unknown
  /** Told of each event as it is emitted, before it is queued for delivery. */
  observe?(room: RoomName, event: ServerEventName): void
}

export interface RealtimeHub {
  io: Server
  emit<N extends ServerEventName>(room: RoomName, event: N, payload: ServerEvent<N>): void
  /**
   * Delivers to this instance's sockets only, in the same ordered chain as `emit` and through
   * the same gate: for modules that fan out across instances themselves (review rooms).
   */
  emitLocal<N extends ServerEventName>(room: RoomName, event: N, payload: ServerEvent<N>): void
  /**
   * Answers a client event: the payload is parsed with its contract schema, the handler gets
   * the sender, and a thrown error becomes `{ ok: false, error }` (never a crash).
   */
  handle<N extends HandledEventName>(event: N, handler: HubHandler<N>): void
  /** Told when a socket goes (tab closed, network lost, signed out). */
  onDisconnect(listener: (from: HubConnection) => void): void
  /** Resolves once every event emitted so far has been handed to its sockets. */
  flushed(): Promise<void>
  close(): Promise<void>
}

type Ack = (response: unknown) => void

/** Inter-instance message: an event for the sockets each instance holds. */
const HUB_DELIVERY = 'hub:deliver'
const HubDelivery = z.object({
  room: RoomName,
  event: z.enum(Object.keys(serverEvents) as [ServerEventName, ...ServerEventName[]]),
  payload: z.unknown(),
})

function principalOf(data: Socket['data']): Principal | undefined {
  const p: unknown = data.principal
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
  gate: RealtimeGate
}): RealtimeHub {
  const { gate } = opts
  // Modules register before the app listens, so every socket gets every handler.
  const handlers = new Map<HandledEventName, (payload: never, from: HubConnection) => Promise<unknown>>()
  const disconnectListeners: ((from: HubConnection) => void)[] = []
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
    const principal = principalOf(socket.data)
    if (!principal) return socket.disconnect(true)
    void socket.join(`user:${principal.userId}`)
    const roomHandler = (join: boolean) => async (payload: unknown, ack?: Ack) => {
      const parsed = JoinRoomRequest.safeParse(payload)
      const reply = typeof ack === 'function' ? ack : () => {}
      if (!parsed.success) return reply({ ok: false, error: parsed.error.issues[0]?.message ?? 'invalid payload' })
      const room = parsed.data.room
      // The policy may ask the database (project membership); a failure refuses the join.
      const allowed = join ? await gate.mayJoin(principal, room).catch(() => false) : true
      if (!allowed) return reply({ ok: false, error: `not allowed to join ${room}` })
      void (join ? socket.join(room) : socket.leave(room))
      reply({ ok: true, room })
    }
    socket.on('room:join' satisfies ClientEventName, roomHandler(true))
    socket.on('room:leave' satisfies ClientEventName, roomHandler(false))
    const from: HubConnection = {
      id: socket.id,
      principal,
      join: async (room) => socket.join(room),
      leave: async (room) => socket.leave(room),
    }
    // One socket's events are answered in the order it sent them (a presenter's seeks must not
    // overtake each other while their access checks run).
    let answering: Promise<void> = Promise.resolve()
    for (const [event, handler] of handlers) {
      socket.on(event, (payload: unknown, ack?: Ack) => {
        answering = answering.then(async () => {
          const answer = await answerClientEvent(event, handler, payload, from, opts.logger, clientEvents)
          if (typeof ack === 'function') ack(answer)
        })
      })
    }
    socket.on('disconnect', () => {
      for (const listener of disconnectListeners) {
        try {
          listener(from)
        } catch (err) {
          opts.logger.warn({ err }, 'realtime disconnect listener failed')
        }
      }
    })
  })

  /**
   * Sends to each socket of this instance in the room that the gate lets receive it, shaped for
   * its principal. Local sockets only: asking every instance for its sockets on each event
   * (fetchSockets under the Redis adapter) costs a round trip per event and waits for the
   * slowest instance; instead each instance filters its own sockets (see `emit`).
   */
  async function deliver(room: RoomName, event: ServerEventName, payload: unknown): Promise<void> {
    // Most events go to rooms nobody here is in (a job's room, the farm room with no farm page
    // open): the adapter's room map answers that without a round through fetchSockets.
    if (!io.of('/').adapter.rooms.has(room)) return
    const sockets = await io.local.in(room).fetchSockets()
    // Sockets let in, by role: a payload is shaped and encoded once per role, not per socket
    // (a review room's seek goes to every participant many times a second).
    const byRole = new Map<string, { principal: Principal; ids: string[] }>()
    await Promise.all(
      sockets.map(async (socket) => {
        const p = principalOf(socket.data)
        if (p === undefined) return
        const allowed = await gate.mayReceive(p, room, event, payload).catch((err: unknown) => {
          opts.logger.warn({ err, room, event }, 'realtime access check failed; event withheld')
          return false
        })
        if (!allowed) return
        const group = byRole.get(p.role) ?? { principal: p, ids: [] }
        group.ids.push(socket.id)
        byRole.set(p.role, group)
      }),
    )
    for (const { principal, ids } of byRole.values()) io.local.to(ids).emit(event, gate.shape(principal, payload))
  }
  // One chain keeps events in the order they were emitted (a job's state after its progress).
  let sending: Promise<void> = Promise.resolve()
  function enqueue(room: RoomName, event: ServerEventName, payload: unknown): void {
    gate.observe?.(room, event)
    sending = sending
      .then(() => deliver(room, event, payload))
      .catch((err: unknown) => {
        opts.logger.warn({ err, room, event }, 'realtime delivery failed')
      })
  }

  // Events emitted on another instance, for this instance's sockets. Redis pub/sub keeps one
  // publisher's order, so each instance's chain sees them in emission order.
  const scaleOut = redisClients.length > 0
  io.on(HUB_DELIVERY, (message: unknown) => {
    const parsed = HubDelivery.safeParse(message)
    if (!parsed.success) return opts.logger.warn({ issues: parsed.error.issues }, 'malformed realtime delivery')
    const { room, event, payload } = parsed.data
    const checked = serverEvents[event].safeParse(payload)
    if (!checked.success) return opts.logger.warn({ room, event }, 'realtime delivery breaks its contract')
    enqueue(room, event, checked.data)
  })

  return {
    io,
    emit(room, event, payload) {
      // Parse before sending: an event that breaks its contract is a bug, caught here.
      const checked = serverEvents[event].parse(payload)
      enqueue(room, event, checked)
      if (scaleOut) io.serverSideEmit(HUB_DELIVERY, { room, event, payload: checked })
    },
    emitLocal(room, event, payload) {
      enqueue(room, event, serverEvents[event].parse(payload))
    },
    handle(event, handler) {
      if (!(event in clientEvents)) throw new Error(`no contract for client event ${event}`)
      handlers.set(event, handler as (payload: never, from: HubConnection) => Promise<unknown>)
    },
    onDisconnect(listener) {
      disconnectListeners.push(listener)
    },
    flushed: () => sending,
    async close() {
      // Not io.close(): that would also close the HTTP server, which Fastify owns.
      io.disconnectSockets(true)
      io.engine.close()
      await Promise.all(redisClients.map((c) => c.quit().catch(() => c.disconnect())))
    },
  }
}
