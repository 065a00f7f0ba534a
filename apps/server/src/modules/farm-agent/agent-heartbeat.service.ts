// A heartbeat registers the agent's ComfyUI servers as backends (first beat), records GPU
// metrics, and refreshes the agent's liveness. A server the studio cannot register yet (not
// answering, refused) is reported back with the reason; the agent simply tries again.
import type { AgentHeartbeatRequest, AgentHeartbeatResponse } from '@aipipeline/contracts'
import { type AgentBackendRepository, type AgentTokenRecord, isoNow } from '@aipipeline/db'
import { type BackendState, Conflict, DomainError } from '@aipipeline/domain'
import type { FarmBackendsPort } from './farm-backends.port'

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '0.0.0.0', '[::]'])

/** Host part for a URL from a socket address (IPv4-mapped IPv6 unwrapped, IPv6 bracketed). */
function urlHost(address: string): string {
  const plain = address.replace(/^::ffff:/, '')
  return plain.includes(':') ? `[${plain}]` : plain
}

/**
 * The URL the studio should use for a ComfyUI server the agent reports. An agent usually sees
 * ComfyUI on loopback; the studio reaches the same server at the agent's host.
 */
export function studioUrlFor(
  agentUrl: string,
  opts: { advertiseHost?: string | undefined; remoteAddress: string },
): string {
  const u = new URL(agentUrl)
  if (LOOPBACK.has(u.hostname)) {
    const host = opts.advertiseHost ?? urlHost(opts.remoteAddress)
    // A loopback agent address means agent and studio share the host: keep loopback.
    if (!LOOPBACK.has(host) && host !== '[::ffff:127.0.0.1]') u.hostname = host
  }
  // The farm's canonical form: scheme, host and path without trailing slashes.
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`
}

export interface HeartbeatDeps {
  backends: FarmBackendsPort
  agentBackends: AgentBackendRepository
}

export function createAgentHeartbeatService(deps: HeartbeatDeps) {
  async function ensureBackend(
    studioUrl: string,
    reachable: boolean,
    name: string,
  ): Promise<{ id: string; state: BackendState } | string> {
    const existing = await deps.backends.findByUrl(studioUrl)
    if (existing) return existing
    if (!reachable) return `ComfyUI at ${studioUrl} did not answer the agent; it is registered once it does`
    try {
      return await deps.backends.register({ name, url: studioUrl, tags: ['agent'], maxInFlight: 2, enabled: true })
    } catch (err) {
      // Two studio instances (or two beats) may register the same URL at once.
      if (err instanceof Conflict) return (await deps.backends.findByUrl(studioUrl)) ?? err.message
      if (err instanceof DomainError) return err.message
      throw err
    }
  }

  return {
    /** Handles one heartbeat of an authenticated agent. */
    async beat(
      token: AgentTokenRecord,
      body: AgentHeartbeatRequest,
      remoteAddress: string,
    ): Promise<AgentHeartbeatResponse> {
      const at = isoNow()
      const backends: AgentHeartbeatResponse['backends'] = []
      for (const reported of body.backends) {
        const studioUrl = studioUrlFor(reported.url, { advertiseHost: body.advertiseHost, remoteAddress })
        const name = body.backends.length === 1 ? body.hostname : `${body.hostname}:${new URL(studioUrl).port || '80'}`
        const found = await ensureBackend(studioUrl, reported.reachable, name)
        if (typeof found === 'string') {
          backends.push({ url: reported.url, studioUrl, backendId: null, state: null, error: found })
          continue
        }
        const before = await deps.agentBackends.get(found.id)
        await deps.agentBackends.beat({
          backendId: found.id,
          tokenId: token.id,
          hostname: body.hostname,
          agentUrl: reported.url,
          intervalSeconds: body.intervalSeconds,
          at,
        })
        // Marked offline for silence: the agent is back, and so is the backend if ComfyUI answers.
        const current =
          before?.silentSince && reported.reachable && found.state === 'offline'
            ? await deps.backends.markBack(found.id)
            : found
        if (body.gpus !== null) await deps.backends.recordGpuMetrics(found.id, { at, gpus: body.gpus })
        backends.push({ url: reported.url, studioUrl, backendId: found.id, state: current.state, error: null })
      }
      return { intervalSeconds: body.intervalSeconds, backends }
    },
  }
}
export type AgentHeartbeatService = ReturnType<typeof createAgentHeartbeatService>
