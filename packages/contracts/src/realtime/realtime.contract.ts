// Realtime events. Every event has a zod schema; both the server and the browser parse
// what they receive. Rooms: `user:<id>`, `project:<id>`, `job:<id>`, `farm`, `review:<id>`.
import { z } from 'zod'
import { agentEvents } from '../agents/agent-events.contract'
import { farmEvents } from '../farm/farm.events'
import { LlmBudgetAlertEvent } from '../llm/llm.schemas'
import { productionEvents } from '../production/production-events.contract'
import { reviewRoomClientEvents, reviewRoomServerEvents } from '../review/review-room.contract'

export const RoomName = z
  .string()
  .regex(/^(user|project|job|farm|review|system)(:[A-Za-z0-9_-]{1,64})?$/, 'unknown room name')
export type RoomName = z.infer<typeof RoomName>

export const JobProgressEvent = z.object({
  jobId: z.string(),
  name: z.string(),
  progress: z.number().min(0).max(100),
  message: z.string().optional(),
})
export const JobStateEvent = z.object({
  jobId: z.string(),
  name: z.string(),
  state: z.enum(['queued', 'active', 'completed', 'failed', 'canceled']),
  error: z.string().optional(),
})
export const NoticeEvent = z.object({
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  at: z.string(),
})

/** Events the server emits, by name. */
export const serverEvents = {
  'job:progress': JobProgressEvent,
  'job:state': JobStateEvent,
  'system:notice': NoticeEvent,
  'llm:budget-alert': LlmBudgetAlertEvent,
  ...farmEvents,
  ...productionEvents,
  ...agentEvents,
  ...reviewRoomServerEvents,
} as const
export type ServerEventName = keyof typeof serverEvents
export type ServerEvent<N extends ServerEventName> = z.infer<(typeof serverEvents)[N]>

export const JoinRoomRequest = z.object({ room: RoomName }).strict()
export const JoinRoomAck = z.union([
  z.object({ ok: z.literal(true), room: RoomName }),
  z.object({ ok: z.literal(false), error: z.string(), reason: z.string().optional() }),
])

/** Events the client emits, with their payload and acknowledgement schemas. */
export const clientEvents = {
  'room:join': { payload: JoinRoomRequest, ack: JoinRoomAck },
  'room:leave': { payload: JoinRoomRequest, ack: JoinRoomAck },
  ...reviewRoomClientEvents,
} as const
export type ClientEventName = keyof typeof clientEvents
