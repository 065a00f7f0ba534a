import { z } from 'zod'
import { NodeOutputSchema } from './http-response.schema'

// JSON WebSocket messages `{type, data}` as sent by ComfyUI's PromptServer.send_sync.
// Data objects are loose so that additions upstream never make a message "malformed".

const Timestamp = z.number()
const NodeId = z.string()

export const StatusDataSchema = z.looseObject({
  status: z
    .looseObject({ exec_info: z.looseObject({ queue_remaining: z.number() }) })
    .nullable()
    .optional(),
  sid: z.string().optional(),
})

export const ExecutionStartDataSchema = z.looseObject({ prompt_id: z.string(), timestamp: Timestamp.optional() })
export const ExecutionCachedDataSchema = z.looseObject({
  nodes: z.array(NodeId),
  prompt_id: z.string(),
  timestamp: Timestamp.optional(),
})
export const ExecutionSuccessDataSchema = ExecutionStartDataSchema

export const ExecutionErrorDataSchema = z.looseObject({
  prompt_id: z.string(),
  node_id: NodeId.nullable().optional(),
  node_type: z.string().nullable().optional(),
  executed: z.array(NodeId).default([]),
  exception_message: z.string(),
  exception_type: z.string(),
  traceback: z.array(z.string()).default([]),
  current_inputs: z.unknown().optional(),
  current_outputs: z.unknown().optional(),
  timestamp: Timestamp.optional(),
})

export const ExecutionInterruptedDataSchema = z.looseObject({
  prompt_id: z.string(),
  node_id: NodeId.nullable().optional(),
  node_type: z.string().nullable().optional(),
  executed: z.array(NodeId).default([]),
  timestamp: Timestamp.optional(),
})

/** `executing`: `node: null` means the prompt is finished; on reconnect ComfyUI omits prompt_id. */
export const ExecutingDataSchema = z.looseObject({
  node: NodeId.nullable(),
  display_node: NodeId.nullable().optional(),
  prompt_id: z.string().nullable().optional(),
})

export const ExecutedDataSchema = z.looseObject({
  node: NodeId,
  display_node: NodeId.nullable().optional(),
  output: NodeOutputSchema.nullable(),
  prompt_id: z.string(),
})

export const ProgressDataSchema = z.looseObject({
  value: z.number(),
  max: z.number(),
  prompt_id: z.string().nullable().optional(),
  node: NodeId.nullable().optional(),
})

export const NodeProgressStateSchema = z.looseObject({
  value: z.number(),
  max: z.number(),
  state: z.string(),
  node_id: NodeId,
  prompt_id: z.string().optional(),
  display_node_id: NodeId.nullable().optional(),
  parent_node_id: NodeId.nullable().optional(),
  real_node_id: NodeId.nullable().optional(),
})

export const ProgressStateDataSchema = z.looseObject({
  prompt_id: z.string(),
  nodes: z.record(NodeId, NodeProgressStateSchema),
})

export const FeatureFlagsDataSchema = z.record(z.string(), z.unknown())

/** Every JSON message type the client understands; anything else becomes `unknown`. */
export const KnownWsMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), data: StatusDataSchema }),
  z.object({ type: z.literal('execution_start'), data: ExecutionStartDataSchema }),
  z.object({ type: z.literal('execution_cached'), data: ExecutionCachedDataSchema }),
  z.object({ type: z.literal('execution_success'), data: ExecutionSuccessDataSchema }),
  z.object({ type: z.literal('execution_error'), data: ExecutionErrorDataSchema }),
  z.object({ type: z.literal('execution_interrupted'), data: ExecutionInterruptedDataSchema }),
  z.object({ type: z.literal('executing'), data: ExecutingDataSchema }),
  z.object({ type: z.literal('executed'), data: ExecutedDataSchema }),
  z.object({ type: z.literal('progress'), data: ProgressDataSchema }),
  z.object({ type: z.literal('progress_state'), data: ProgressStateDataSchema }),
  z.object({ type: z.literal('feature_flags'), data: FeatureFlagsDataSchema }),
])
export type KnownWsMessage = z.infer<typeof KnownWsMessageSchema>
export type WsMessageType = KnownWsMessage['type']
export const KNOWN_WS_MESSAGE_TYPES: ReadonlySet<string> = new Set<WsMessageType>([
  'status',
  'execution_start',
  'execution_cached',
  'execution_success',
  'execution_error',
  'execution_interrupted',
  'executing',
  'executed',
  'progress',
  'progress_state',
  'feature_flags',
])

/** Metadata carried by a type-4 binary preview frame. */
export const PreviewMetadataSchema = z.looseObject({
  node_id: NodeId,
  prompt_id: z.string(),
  display_node_id: NodeId.nullable().optional(),
  parent_node_id: NodeId.nullable().optional(),
  real_node_id: NodeId.nullable().optional(),
  image_type: z.string().optional(),
})
export type PreviewMetadata = z.infer<typeof PreviewMetadataSchema>

/** A decoded socket message: known, unknown type (kept raw), or known type with a bad payload. */
export type WsEvent =
  | KnownWsMessage
  | { type: 'unknown'; raw: unknown }
  | { type: 'malformed'; messageType: string; raw: unknown; issues: string }

/** Parses one JSON text frame; never throws. */
export function parseWsText(text: string): WsEvent {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { type: 'unknown', raw: text }
  }
  // Cheap envelope check first: most frames are progress ticks of known types.
  const type = typeof raw === 'object' && raw !== null && 'type' in raw ? raw.type : undefined
  if (typeof type !== 'string' || !KNOWN_WS_MESSAGE_TYPES.has(type)) return { type: 'unknown', raw }
  const known = KnownWsMessageSchema.safeParse(raw)
  if (known.success) return known.data
  return { type: 'malformed', messageType: type, raw, issues: z.prettifyError(known.error) }
}
