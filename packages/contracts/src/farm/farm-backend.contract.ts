// Render farm backends: ComfyUI servers registered with the studio.
import { access, BackendState } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'

const Tag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'tags are letters, digits and _ . : -')

export const FarmGpuMetrics = z.object({
  at: z.string(),
  gpus: z.array(
    z.object({
      index: z.number().int(),
      name: z.string(),
      utilizationPercent: z.number().nullable(),
      temperatureC: z.number().nullable(),
      memoryUsedMb: z.number().nullable(),
      memoryTotalMb: z.number().nullable(),
      powerW: z.number().nullable(),
    }),
  ),
})
export type FarmGpuMetrics = z.infer<typeof FarmGpuMetrics>

export const FarmBackend = z
  .object({
    id: z.string(),
    name: z.string(),
    url: z.string(),
    tags: z.array(z.string()),
    /** Prompts kept on the server at once: one running + pre-queued ones. */
    maxInFlight: z.number().int(),
    enabled: z.boolean(),
    state: BackendState,
    stateReason: z.string().nullable(),
    vramGb: z.number(),
    comfyVersion: z.string().nullable(),
    /** Main model of the last prompt that started there (tracked from what we ran). */
    loadedModel: z.string().nullable(),
    /** Learned throughput in cost units per second; null until a job finished there. */
    speed: z.number().nullable(),
    inFlight: z.number().int(),
    currentJobIds: z.array(z.string()),
    nodeClassCount: z.number().int(),
    /** Model files per ComfyUI folder. */
    models: z.record(z.string(), z.array(z.string())),
    gpuMetrics: FarmGpuMetrics.nullable(),
    capabilitiesAt: z.string().nullable(),
    lastSeenAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'FarmBackend' })
export type FarmBackend = z.infer<typeof FarmBackend>

const BackendUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .max(500)
  .describe('Base URL of the ComfyUI server, e.g. http://gpu-1:8188')

export const CreateFarmBackendRequest = z
  .object({
    name: z.string().trim().min(1).max(120),
    url: BackendUrl,
    tags: z.array(Tag).max(20).default([]),
    maxInFlight: z.number().int().min(1).max(8).default(2),
    enabled: z.boolean().default(true),
  })
  .strict()
export type CreateFarmBackendRequest = z.infer<typeof CreateFarmBackendRequest>

export const UpdateFarmBackendRequest = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    tags: z.array(Tag).max(20).optional(),
    maxInFlight: z.number().int().min(1).max(8).optional(),
    enabled: z.boolean().optional(),
  })
  .strict()
export type UpdateFarmBackendRequest = z.infer<typeof UpdateFarmBackendRequest>

export const FarmIdParams = z.object({ id: z.string().min(1).max(64) }).strict()

export const farmBackendRoutes = {
  listFarmBackends: defineRoute({
    method: 'GET',
    path: '/api/farm/backends',
    summary: 'List render farm backends with state, load and loaded model',
    tags: ['farm'],
    access: access.atLeast('artist'),
    response: z.object({ items: z.array(FarmBackend) }),
  }),
  getFarmBackend: defineRoute({
    method: 'GET',
    path: '/api/farm/backends/:id',
    summary: 'Get one backend',
    tags: ['farm'],
    access: access.atLeast('artist'),
    params: FarmIdParams,
    response: FarmBackend,
  }),
  createFarmBackend: defineRoute({
    method: 'POST',
    path: '/api/farm/backends',
    summary: 'Register a ComfyUI server (probed first: an unreachable URL is refused with 422)',
    tags: ['farm'],
    access: access.atLeast('manager'),
    body: CreateFarmBackendRequest,
    response: FarmBackend,
    status: 201,
  }),
  updateFarmBackend: defineRoute({
    method: 'PATCH',
    path: '/api/farm/backends/:id',
    summary: 'Rename, retag, enable/disable or change the in-flight limit of a backend',
    tags: ['farm'],
    access: access.atLeast('manager'),
    params: FarmIdParams,
    body: UpdateFarmBackendRequest,
    response: FarmBackend,
  }),
  deleteFarmBackend: defineRoute({
    method: 'DELETE',
    path: '/api/farm/backends/:id',
    summary: 'Remove a backend; its jobs go back to the queue',
    tags: ['farm'],
    access: access.atLeast('manager'),
    params: FarmIdParams,
    response: null,
    status: 204,
  }),
  refreshFarmBackend: defineRoute({
    method: 'POST',
    path: '/api/farm/backends/:id/refresh',
    summary: 'Re-read capabilities (/object_info, /system_stats, /models) now',
    tags: ['farm'],
    access: access.atLeast('manager'),
    params: FarmIdParams,
    response: FarmBackend,
  }),
} as const
