// Watches heartbeats: a backend whose agent said nothing for MISSED_BEATS intervals is marked
// offline once (the once-guard is in the database, so several studio instances agree). Each
// check then hands the whole silent set to the farm, so the dispatching instance follows marks
// and beats that another instance handled, and a newly elected one starts from the truth.
import type { AgentBackendRecord, AgentBackendRepository } from '@aipipeline/db'
import type { Logger } from '../../observability/logger'
import type { FarmBackendsPort } from './farm-backends.port'

export const MISSED_BEATS = 3

export interface AgentLiveness {
  /** Checks once now (the timer calls this too). */
  check(): Promise<void>
  stop(): void
}

function silenceReason(agent: AgentBackendRecord): string {
  const seconds = Math.round((Date.now() - Date.parse(agent.lastHeartbeatAt)) / 1000)
  return `GPU agent on ${agent.hostname} silent for ${seconds} s`
}

/** Starts checking every `checkEveryMs`. */
export function startAgentLiveness(deps: {
  agentBackends: AgentBackendRepository
  backends: FarmBackendsPort
  logger: Logger
  checkEveryMs: number
}): AgentLiveness {
  let running = false
  const check = async (): Promise<void> => {
    if (running) return
    running = true
    try {
      for (const silent of await deps.agentBackends.findSilent(Date.now(), MISSED_BEATS)) {
        if (!(await deps.agentBackends.markSilent(silent.backendId))) continue
        const reason = silenceReason(silent)
        deps.logger.warn({ backendId: silent.backendId, hostname: silent.hostname }, reason)
        await deps.backends.markOffline(silent.backendId, reason)
      }
      const silenced = await deps.agentBackends.listSilenced()
      await deps.backends.syncSilence(new Map(silenced.map((s) => [s.backendId, silenceReason(s)])))
    } catch (err) {
      deps.logger.error({ err }, 'agent liveness check failed')
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => void check(), deps.checkEveryMs)
  timer.unref()
  return { check, stop: () => clearInterval(timer) }
}
