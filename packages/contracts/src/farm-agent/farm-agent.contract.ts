// GPU agents: admin-issued agent tokens and the heartbeat with which an agent on a GPU host
// registers its ComfyUI backends and reports GPU metrics. The token travels in its own header
// (AGENT_TOKEN_HEADER), never in the URL, so it stays out of access logs.
import { access, BackendState } from '@aipipeline/domain'
import { z } from 'zod'
import { FarmIdParams } from '../farm/farm-backend.contract'
import { defineRoute } from '../http/route'

/** The header an agent sends its token in. */
export const AGENT_TOKEN_HEADER = 'x-aipipeline-agent-token'

export const AgentToken = z
  .object({
    id: z.string(),
    name: z.string(),
    /** The first characters of the secret, to tell tokens apart; never the whole secret. */
    tokenPrefix: z.string(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'AgentToken' })
export type AgentToken = z.infer<typeof AgentToken>

export const CreateAgentTokenRequest = z.object({ name: z.string().trim().min(1).max(120) }).strict()

export const CreatedAgentToken = z.object({
  token: AgentToken,
  /** The secret itself: shown this once, stored only as a hash. */
  secret: z.string(),
})

/** One GPU as `nvidia-smi --query-gpu=…` reports it; null where the driver says [N/A]. */
export const AgentGpuSample = z
  .object({
    index: z.number().int().min(0),
    name: z.string().max(200),
    utilizationPercent: z.number().min(0).max(100).nullable(),
    temperatureC: z.number().min(-50).max(200).nullable(),
    memoryUsedMb: z.number().min(0).nullable(),
    memoryTotalMb: z.number().min(0).nullable(),
    powerW: z.number().min(0).nullable(),
  })
  .strict()
export type AgentGpuSample = z.infer<typeof AgentGpuSample>

export const AgentHeartbeatRequest = z
  .object({
    hostname: z.string().trim().min(1).max(253),
    agentVersion: z.string().max(40),
    /** Seconds between beats; the studio marks the backends offline after 3 missed beats. */
    intervalSeconds: z.number().int().min(1).max(300),
    backends: z
      .array(
        z
          .object({
            /** ComfyUI URL as the agent reaches it; a loopback host is replaced by the agent's address. */
            url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).max(500),
            /** Whether the agent reached ComfyUI's /system_stats this beat. */
            reachable: z.boolean(),
          })
          .strict(),
      )
      .min(1)
      .max(16),
    /** null: no `nvidia-smi` on this host (no GPU metrics, not an error). */
    gpus: z.array(AgentGpuSample).max(64).nullable(),
    /** Host name or address the studio should use instead of a loopback host in `url`. */
    advertiseHost: z.string().trim().min(1).max(253).optional(),
  })
  .strict()
export type AgentHeartbeatRequest = z.infer<typeof AgentHeartbeatRequest>

export const AgentHeartbeatResponse = z.object({
  intervalSeconds: z.number().int(),
  backends: z.array(
    z.object({
      /** The URL as the agent sent it. */
      url: z.string(),
      /** The URL the studio uses. */
      studioUrl: z.string(),
      backendId: z.string().nullable(),
      state: BackendState.nullable(),
      /** Why the backend is not registered (yet); the agent retries on the next beat. */
      error: z.string().nullable(),
    }),
  ),
})
export type AgentHeartbeatResponse = z.infer<typeof AgentHeartbeatResponse>

export const AgentRenderInputParams = z
  .object({ hash: z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hex digest') })
  .strict()

/** An input file's bytes as an agent receives them (base64 keeps the route a contract route). */
export const AgentRenderInput = z.object({
  sha256: z.string(),
  mediaType: z.string(),
  /** The name ComfyUI should store it under: the hash with the type's extension. */
  fileName: z.string(),
  contentBase64: z.string(),
})
export type AgentRenderInput = z.infer<typeof AgentRenderInput>

export const farmAgentRoutes = {
  createAgentToken: defineRoute({
    method: 'POST',
    path: '/api/farm/agent-tokens',
    summary: 'Create an agent token for a GPU host (the secret is returned once)',
    tags: ['farm'],
    access: access.only('admin'),
    body: CreateAgentTokenRequest,
    response: CreatedAgentToken,
    status: 201,
  }),
  listAgentTokens: defineRoute({
    method: 'GET',
    path: '/api/farm/agent-tokens',
    summary: 'List agent tokens without their secrets',
    tags: ['farm'],
    access: access.only('admin'),
    response: z.object({ items: z.array(AgentToken) }),
  }),
  revokeAgentToken: defineRoute({
    method: 'POST',
    path: '/api/farm/agent-tokens/:id/revoke',
    summary: 'Revoke an agent token; its next heartbeat is refused',
    tags: ['farm'],
    access: access.only('admin'),
    params: FarmIdParams,
    response: AgentToken,
  }),
  agentHeartbeat: defineRoute({
    method: 'POST',
    path: '/api/farm/agent/heartbeat',
    summary: `GPU agent heartbeat: registers its ComfyUI backends and reports GPU metrics (token in ${AGENT_TOKEN_HEADER})`,
    tags: ['farm'],
    access: access.agent,
    body: AgentHeartbeatRequest,
    response: AgentHeartbeatResponse,
  }),
  agentRenderInput: defineRoute({
    method: 'GET',
    path: '/api/farm/agent/render-inputs/:hash',
    summary: `An input file of a render (image, mask, control image) by its sha256, for a GPU agent (token in ${AGENT_TOKEN_HEADER})`,
    tags: ['farm'],
    access: access.agent,
    params: AgentRenderInputParams,
    response: AgentRenderInput,
  }),
} as const
