// Realtime connection to the studio's socket.io hub. Every server event is parsed with its
// contract schema before anyone sees it; a payload that fails is dropped with a console
// warning rather than passed on half-trusted.
import {
  type ClientEventName,
  clientEvents,
  type ServerEvent,
  type ServerEventName,
  serverEvents,
} from '@aipipeline/contracts'
import { io, type Socket } from 'socket.io-client'
import type { z } from 'zod'
import type { ApiClient } from './api-client'

// Seen through this mapped type, indexing by a generic event name keeps the event's own type.
type EventSchemas = { [N in ServerEventName]: z.ZodType<ServerEvent<N>> }
const schemas: EventSchemas = serverEvents

export type RealtimeStatus = 'connecting' | 'connected' | 'disconnected'

export type ParsedEvent<N extends ServerEventName> = { ok: true; event: ServerEvent<N> } | { ok: false; error: string }

/** Parses one payload of server event `name` against its contract. */
export function parseServerEvent<N extends ServerEventName>(name: N, payload: unknown): ParsedEvent<N> {
  const parsed = schemas[name].safeParse(payload)
  return parsed.success ? { ok: true, event: parsed.data } : { ok: false, error: parsed.error.message }
}

/**
 * Opens the socket for the signed-in user. The token is read at every (re)connect, so a
 * refreshed access token is picked up; when the server refuses the handshake (expired token)
 * we refresh once and connect again, since socket.io does not retry refused handshakes.
 */
export function openRealtime(api: ApiClient, onStatus: (status: RealtimeStatus) => void): Socket {
  const socket = io({
    path: '/socket.io',
    auth: (cb) => cb({ token: api.accessToken() ?? '' }),
  })
  // A review guest renews by exchanging their link again; everyone else by refreshing.
  const renew = () => (api.guests.current() !== null ? api.guests.renew() : api.refreshSession())
  onStatus('connecting')
  socket.on('connect', () => onStatus('connected'))
  socket.on('disconnect', (reason) => {
    onStatus('disconnected')
    // The server drops a user's sockets when their role changes or their account is closed;
    // socket.io does not reconnect after that on its own.
    if (reason === 'io server disconnect') void resumeAfterServerDrop({ refreshSession: renew }, () => socket.connect())
  })
  socket.on('connect_error', () => {
    onStatus('disconnected')
    if (socket.active) return
    renew()
      .then((renewed) => {
        if (renewed) socket.connect()
      })
      .catch(() => {
        // Transient failure (network, 5xx): the next user action or reload tries again.
      })
  })
  return socket
}

/**
 * After the server dropped the socket: refresh the session (new role, or signed out when the
 * account was closed) and reconnect only with a renewed token.
 */
export async function resumeAfterServerDrop(
  api: Pick<ApiClient, 'refreshSession'>,
  reconnect: () => void,
): Promise<boolean> {
  try {
    if (!(await api.refreshSession())) return false
  } catch {
    // Transient failure (network, 5xx): the next user action or reload tries again.
    return false
  }
  reconnect()
  return true
}

/** Subscribes to server event `name`, handing over only payloads that match the contract. */
export function onServerEvent<N extends ServerEventName>(
  socket: Socket,
  name: N,
  handler: (event: ServerEvent<N>) => void,
): () => void {
  const listener = (payload: unknown) => {
    const parsed = parseServerEvent(name, payload)
    if (parsed.ok) handler(parsed.event)
    else console.warn(`realtime: dropped malformed "${name}" event`, parsed.error)
  }
  // The untyped Socket accepts any string event; widening here avoids socket.io's generic maze.
  const event: string = name
  socket.on(event, listener)
  return () => {
    socket.off(event, listener)
  }
}

type ClientEventSchemas = {
  [N in ClientEventName]: { payload: z.ZodType<unknown, ClientEventPayload<N>>; ack: z.ZodType<ClientAck<N>> }
}
const clientSchemas: ClientEventSchemas = clientEvents

/** What a client event sends (before the server's defaults) and what its acknowledgement says. */
export type ClientEventPayload<N extends ClientEventName> = z.input<(typeof clientEvents)[N]['payload']>
export type ClientAck<N extends ClientEventName> = z.infer<(typeof clientEvents)[N]['ack']>

/** How long a client event waits for its acknowledgement before it counts as failed. */
const ACK_TIMEOUT_MS = 10_000

/**
 * Emits client event `name` and resolves with its acknowledgement, parsed with the contract.
 * A timeout, a lost connection or a malformed answer resolves as `{ ok: false, error, reason }` too,
 * so callers handle one shape.
 */
export async function emitWithAck<N extends ClientEventName>(
  socket: Socket,
  name: N,
  payload: ClientEventPayload<N>,
  timeoutMs = ACK_TIMEOUT_MS,
): Promise<ClientAck<N> | { ok: false; error: string; reason?: string }> {
  const event: string = name
  let answer: unknown
  try {
    answer = await socket.timeout(timeoutMs).emitWithAck(event, payload)
  } catch {
    return { ok: false, error: 'no answer', reason: 'no_answer' }
  }
  const parsed = clientSchemas[name].ack.safeParse(answer)
  if (parsed.success) return parsed.data
  console.warn(`realtime: malformed acknowledgement of "${name}"`, parsed.error.message)
  return { ok: false, error: 'malformed answer', reason: 'malformed_answer' }
}
