import { z } from 'zod'

// Schemas for ComfyUI's HTTP responses (server.py, Oct 2025 upstream plus the newer /api/jobs
// family). Objects are loose: ComfyUI versions and custom nodes add keys, and a new key must
// never break a render farm.

/** One error entry as ComfyUI reports it in `error` and in `node_errors[id].errors`. */
export const ComfyErrorSchema = z.looseObject({
  type: z.string(),
  message: z.string(),
  details: z.string().default(''),
  extra_info: z.record(z.string(), z.unknown()).default({}),
})
export type ComfyErrorEntry = z.infer<typeof ComfyErrorSchema>

export const NodeErrorSchema = z.looseObject({
  errors: z.array(ComfyErrorSchema),
  dependent_outputs: z.array(z.string()).default([]),
  class_type: z.string(),
})
export type NodeError = z.infer<typeof NodeErrorSchema>

export const NodeErrorsSchema = z.record(z.string(), NodeErrorSchema)
export type NodeErrors = z.infer<typeof NodeErrorsSchema>

/** POST /prompt 200: queued; `node_errors` may be non-empty when some outputs were dropped. */
export const PromptAcceptedSchema = z.looseObject({
  prompt_id: z.string(),
  number: z.number(),
  node_errors: NodeErrorsSchema.default({}),
})
export type PromptAccepted = z.infer<typeof PromptAcceptedSchema>

/** POST /prompt 400: rejected before queueing. */
export const PromptRejectedSchema = z.looseObject({
  error: ComfyErrorSchema,
  node_errors: NodeErrorsSchema.default({}),
})
export type PromptRejected = z.infer<typeof PromptRejectedSchema>

/** GET /prompt */
export const PromptQueueInfoSchema = z.looseObject({
  exec_info: z.looseObject({ queue_remaining: z.number() }),
})

/** A queue row: `[number, prompt_id, prompt, extra_data, outputs_to_execute]` (newer: 6th element). */
export const QueueItemSchema = z
  .tuple([z.number(), z.string(), z.record(z.string(), z.unknown()), z.record(z.string(), z.unknown())])
  .rest(z.unknown())
export type QueueItem = z.infer<typeof QueueItemSchema>

export const QueueSchema = z.looseObject({
  queue_running: z.array(QueueItemSchema),
  queue_pending: z.array(QueueItemSchema),
})
export type Queue = z.infer<typeof QueueSchema>

/** A file reference in a UI output (`images`, `gifs`, `audio`, …). */
export const OutputFileSchema = z.looseObject({
  filename: z.string(),
  subfolder: z.string().default(''),
  type: z.string().default('output'),
})
export type OutputFile = z.infer<typeof OutputFileSchema>

/** A node's UI output: keys map to lists; file keys hold OutputFile, others (`animated`, `text`) anything. */
export const NodeOutputSchema = z.record(z.string(), z.unknown())
export type NodeOutput = z.infer<typeof NodeOutputSchema>

export const HistoryStatusSchema = z.looseObject({
  status_str: z.string(),
  completed: z.boolean(),
  messages: z.array(z.tuple([z.string(), z.record(z.string(), z.unknown())])).default([]),
})

export const HistoryEntrySchema = z.looseObject({
  prompt: z.array(z.unknown()),
  outputs: z.record(z.string(), NodeOutputSchema).default({}),
  status: HistoryStatusSchema.optional(),
  meta: z.record(z.string(), z.unknown()).default({}),
})
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>

/** GET /history and /history/{id}: `{}` when unknown or still queued. */
export const HistorySchema = z.record(z.string(), HistoryEntrySchema)
export type History = z.infer<typeof HistorySchema>

export const DeviceSchema = z.looseObject({
  name: z.string(),
  type: z.string(),
  index: z.number().nullable().default(null),
  vram_total: z.number(),
  vram_free: z.number(),
  torch_vram_total: z.number().default(0),
  torch_vram_free: z.number().default(0),
})

export const SystemStatsSchema = z.looseObject({
  system: z.looseObject({
    os: z.string(),
    ram_total: z.number().optional(),
    ram_free: z.number().optional(),
    comfyui_version: z.string().optional(),
    python_version: z.string().optional(),
    pytorch_version: z.string().optional(),
    embedded_python: z.boolean().optional(),
    argv: z.array(z.string()).optional(),
  }),
  devices: z.array(DeviceSchema),
})
export type SystemStats = z.infer<typeof SystemStatsSchema>

export const FeaturesSchema = z.looseObject({
  supports_preview_metadata: z.boolean().optional(),
  max_upload_size: z.number().optional(),
})
export type Features = z.infer<typeof FeaturesSchema>

/** POST /upload/image and /upload/mask */
export const UploadResultSchema = z.looseObject({
  name: z.string(),
  subfolder: z.string().default(''),
  type: z.string().default('input'),
})
export type UploadResult = z.infer<typeof UploadResultSchema>

/** GET /models → folder names; GET /models/{folder} → file names. */
export const ModelListSchema = z.array(z.string())

export const JobStatusSchema = z.enum(['pending', 'in_progress', 'completed', 'failed', 'cancelled'])

/** (newer) One normalised job from GET /api/jobs or /api/jobs/{id}. */
export const JobSchema = z.looseObject({
  id: z.string(),
  status: z.union([JobStatusSchema, z.string()]),
  priority: z.number().nullable().optional(),
  create_time: z.number().nullable().optional(),
  execution_start_time: z.number().nullable().optional(),
  execution_end_time: z.number().nullable().optional(),
  execution_error: z.unknown().optional(),
  outputs_count: z.number().nullable().optional(),
  preview_output: z.unknown().optional(),
  outputs: z.record(z.string(), NodeOutputSchema).optional(),
})
export type Job = z.infer<typeof JobSchema>

export const JobListSchema = z.looseObject({
  jobs: z.array(JobSchema),
  pagination: z.record(z.string(), z.unknown()).optional(),
})
export type JobList = z.infer<typeof JobListSchema>

export const JobCancelResultSchema = z.looseObject({ cancelled: z.boolean() })
