// Ending a user's sessions reaches every socket and every studio instance: each socket event
// re-checks the session, the user's own sockets are disconnected at once (the web app then
// refreshes into the new role, or lands on the sign-in page), and in scale-out mode the other
// instances hear of the change over the socket.io Redis adapter and drop their cached version
// before the change is answered.

import type { SessionVersionCache } from '@aipipeline/db'
import { Role } from '@aipipeline/domain'
import type { Server, Socket } from 'socket.io'
import { z } from 'zod'
import type { TokenService } from '../modules/auth'
import type { Logger } from '../observability/logger'

const SESSION_ENDED = 'auth:session-ended'

const SessionEndedMessage = z.object({ userId: z.string().min(1), version: z.number().int().nonnegative() })
const SocketPrincipal = z.object({
  userId: z.string(),
  role: Role,
  sessionVersion: z.number().int(),
  // A review guest's socket ends with its link (see TokenService.assertCurrent).
  expiresAt: z.number().optional(),
})

/** Wires the session cache to the realtime server. */
export function connectSessionFanout(opts: {
  io: Server
  sessions: SessionVersionCache
  tokens: TokenService
  logger: Logger
  /** Several instances share a Redis adapter (REDIS_URL); otherwise there is no one to tell. */
  scaleOut: boolean
  /** How long to wait for the other instances to confirm. */
  ackTimeoutMs?: number
}): void {
  const { io, sessions, logger } = opts

  io.on('connection', (socket: Socket) => {
    const principal = SocketPrincipal.safeParse(socket.data.principal)
    if (!principal.success) return
    // Every event, not only the handshake: a socket can outlive its user's role.
    socket.use((_packet, next) => {
      opts.tokens.assertCurrent(principal.data).then(
        () => next(),
        () => {
          // Not next(err): that raises an "error" event nobody listens to. The event is dropped.
          socket.disconnect(true)
        },
      )
    })
  })

  sessions.onEnded(async (userId, version, origin) => {
    io.local.in(`user:${userId}`).disconnectSockets(true)
    if (origin !== 'local' || !opts.scaleOut) return
    const waited = opts.ackTimeoutMs ?? 2000
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${waited} ms`)), waited)
    })
    try {
      await Promise.race([io.serverSideEmitWithAck(SESSION_ENDED, { userId, version }), timeout])
    } catch (err) {
      // An instance that did not answer drops the entry when it expires (the cache's TTL).
      logger.warn({ err, userId }, 'not every studio instance confirmed the end of a session')
    } finally {
      clearTimeout(timer)
    }
  })

  io.on(SESSION_ENDED, (payload: unknown, ack: unknown) => {
    const message = SessionEndedMessage.safeParse(payload)
    const reply = typeof ack === 'function' ? () => ack('ok') : () => {}
    if (!message.success) return reply()
    sessions.endedElsewhere(message.data.userId, message.data.version).then(reply, (err: unknown) => {
      logger.error({ err }, 'could not apply a session end from another instance')
      reply()
    })
  })
}
