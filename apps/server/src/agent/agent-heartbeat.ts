// One heartbeat of the GPU agent: look at the local ComfyUI servers and GPUs, tell the studio.
// The token goes in AGENT_TOKEN_HEADER only; it is never part of a URL or a log line.
import {
  AGENT_TOKEN_HEADER,
  type AgentHeartbeatRequest,
  AgentHeartbeatResponse,
  ErrorBody,
  farmAgentRoutes,
} from '@aipipeline/contracts'
import { readGpus } from './nvidia-smi.reader'

export interface AgentOptions {
  /** Studio base URL, e.g. http://studio:8420 */
  serverUrl: string
  token: string
  comfyUrls: string[]
  intervalSeconds: number
  hostname: string
  version: string
  advertiseHost?: string | undefined
}

/** The studio refused the token (revoked or unknown): beating again cannot help. */
export class AgentTokenRefused extends Error {}

/** Whether ComfyUI answers /system_stats within `timeoutMs`. */
export async function comfyReachable(url: string, timeoutMs = 3000): Promise<boolean> {
  try {
    const res = await fetch(`${url.replace(/\/+$/, '')}/system_stats`, { signal: AbortSignal.timeout(timeoutMs) })
    await res.body?.cancel()
    return res.ok
  } catch {
    return false
  }
}

/** Builds this beat's report; `gpus` null when the host has no nvidia-smi. */
export async function collectHeartbeat(
  opts: AgentOptions,
  onGpuFailure: (reason: string) => void = () => {},
): Promise<AgentHeartbeatRequest> {
  const [reading, reachable] = await Promise.all([
    readGpus(),
    Promise.all(opts.comfyUrls.map((u) => comfyReachable(u))),
  ])
  if (reading.kind === 'failed') onGpuFailure(reading.reason)
  return {
    hostname: opts.hostname,
    agentVersion: opts.version,
    intervalSeconds: opts.intervalSeconds,
    backends: opts.comfyUrls.map((url, i) => ({ url, reachable: reachable[i] ?? false })),
    gpus: reading.kind === 'gpus' ? reading.gpus : null,
    ...(opts.advertiseHost ? { advertiseHost: opts.advertiseHost } : {}),
  }
}

/** Sends one heartbeat; throws AgentTokenRefused on 401/403 and Error with the server's message otherwise. */
export async function sendHeartbeat(
  opts: Pick<AgentOptions, 'serverUrl' | 'token'>,
  beat: AgentHeartbeatRequest,
): Promise<AgentHeartbeatResponse> {
  const route = farmAgentRoutes.agentHeartbeat
  const res = await fetch(`${opts.serverUrl.replace(/\/+$/, '')}${route.path}`, {
    method: route.method,
    headers: { 'content-type': 'application/json', [AGENT_TOKEN_HEADER]: opts.token },
    body: JSON.stringify(beat),
    signal: AbortSignal.timeout(15_000),
  })
  const text = await res.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  if (!res.ok) {
    const body = ErrorBody.safeParse(json)
    const message = body.success ? body.data.error.message : `HTTP ${res.status}`
    if (res.status === 401 || res.status === 403)
      throw new AgentTokenRefused(`the studio refused the agent token: ${message}`)
    throw new Error(`heartbeat failed (${res.status}): ${message}`)
  }
  const parsed = AgentHeartbeatResponse.safeParse(json)
  if (!parsed.success)
    throw new Error('heartbeat answer does not match the contract (studio and agent versions differ?)')
  return parsed.data
}
