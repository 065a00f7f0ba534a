// Answering client events the way routes answer requests: the payload is parsed with its
// contract schema, the handler's answer is checked against the ack schema, and any failure
// becomes `{ ok: false, error }` for the sender instead of an unhandled rejection.
import type { clientEvents, RoomName } from '@aipipeline/contracts'
import { DomainError } from '@aipipeline/domain'
import type { z } from 'zod'
import type { Principal } from '../modules/auth'
import type { Logger } from '../observability/logger'

type Events = typeof clientEvents
export type PayloadOf<N extends keyof Events> = z.infer<Events[N]['payload']>
export type AckOf<N extends keyof Events> = z.infer<Events[N]['ack']>

/** One socket, as a handler sees it. */
export interface HubConnection {
  /** The socket's id (unique per connection, across instances). */
  id: string
  principal: Principal
  join(room: RoomName): Promise<void>
  leave(room: RoomName): Promise<void>
}

function refusal(error: string, reason?: string) {
  return { ok: false as const, error, ...(reason === undefined ? {} : { reason }) }
}

/** The word a refusal is known by: the rule's own reason, else the error's kind. */
function reasonOf(err: DomainError): string {
  const reason = err.details?.reason
  return typeof reason === 'string' ? reason : err.code
}

/** Runs a handler for one client event and returns the ack to send (never throws). */
export async function answerClientEvent<N extends keyof Events>(
  event: N,
  handler: (payload: never, from: HubConnection) => Promise<unknown>,
  payload: unknown,
  from: HubConnection,
  logger: Logger,
  schemas: Events,
): Promise<unknown> {
  const contract = schemas[event]
  const parsed = contract.payload.safeParse(payload)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return refusal(
      `invalid ${event}: ${issue ? `${issue.path.join('.') || 'payload'} ${issue.message}` : 'payload'}`,
      'validation_failed',
    )
  }
  try {
    const answer = await handler(parsed.data as never, from)
    const checked = contract.ack.safeParse(answer)
    if (checked.success) return checked.data
    logger.error({ event, issues: checked.error.issues }, 'realtime answer breaks its contract')
    return refusal('server error', 'server_error')
  } catch (err) {
    // Domain errors carry a message meant for the caller (not found, forbidden, conflict).
    if (err instanceof DomainError) return refusal(err.message, reasonOf(err))
    logger.error({ err, event }, 'realtime handler failed')
    return refusal('server error', 'server_error')
  }
}
