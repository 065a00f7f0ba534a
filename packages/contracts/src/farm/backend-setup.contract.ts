// Setting up backends from the UI: test a ComfyUI URL before registering it, and read a
// backend's health history (state changes and sampled probes with latency).
import { access, BackendState } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'
import { FarmIdParams } from './farm-backend.contract'

export const TestFarmBackendRequest = z
  .object({
    url: z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
      .max(500)
      .describe('Base URL of the ComfyUI server to try, e.g. http://gpu-1:8188'),
  })
  .strict()

/** Why a test failed, for the UI to translate; `detail` is the technical reason. */
export const BackendTestFailure = z.enum(['unreachable', 'timeout', 'not_comfyui', 'redirected'])
export type BackendTestFailure = z.infer<typeof BackendTestFailure>

export const BackendTestResult = z
  .discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      url: z.string(),
      comfyVersion: z.string().nullable(),
      nodeClassCount: z.number().int(),
      /** Model files per ComfyUI folder (checkpoints, loras…). */
      models: z.record(z.string(), z.array(z.string())),
      gpus: z.array(z.object({ name: z.string(), vramGb: z.number() })),
      /** Round trip of GET /system_stats, ms. */
      latencyMs: z.number().int(),
    }),
    z.object({ ok: z.literal(false), url: z.string(), failure: BackendTestFailure, detail: z.string() }),
  ])
  .meta({ id: 'BackendTestResult' })
export type BackendTestResult = z.infer<typeof BackendTestResult>

export const BackendHealthEntry = z.object({
  at: z.string(),
  /** `transition`: the state changed; `probe`: a sampled health probe. */
  kind: z.enum(['transition', 'probe']),
  state: BackendState,
  reason: z.string().nullable(),
  ok: z.boolean(),
  latencyMs: z.number().int().nullable(),
})
export type BackendHealthEntry = z.infer<typeof BackendHealthEntry>

export const BackendHealthQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }).strict()

export const backendSetupRoutes = {
  testFarmBackend: defineRoute({
    method: 'POST',
    path: '/api/farm/backends/test',
    summary:
      'Try a ComfyUI URL without registering it: node classes, models and GPUs, or why it failed (no redirects, short timeout)',
    tags: ['farm'],
    // Whoever may register a backend may try one first (registering probes the URL as well).
    access: access.atLeast('manager'),
    body: TestFarmBackendRequest,
    response: BackendTestResult,
  }),
  getFarmBackendHealth: defineRoute({
    method: 'GET',
    path: '/api/farm/backends/:id/health',
    summary: "A backend's newest health entries, oldest first",
    tags: ['farm'],
    access: access.atLeast('artist'),
    params: FarmIdParams,
    query: BackendHealthQuery,
    response: z.object({ items: z.array(BackendHealthEntry) }),
  }),
} as const
