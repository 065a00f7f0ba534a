// Watches heartbeats: a backend whose agent said nothing for MISSED_BEATS intervals is marked
// offline once (the once-guard is in the database, so several studio instances agree).
import type { AgentBackendRepository } from '@aipipeline/db'
import type { Logger } from '../../observability/logger'
import type { FarmBackendsPort } from './farm-backends.port'

export const MISSED_BEATS = 3

export interface AgentLiveness {
  /** Checks once now (the timer calls this too). */
  check(): Promise<void>
  stop(): void
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
        const seconds = Math.round((Date.now() - Date.parse(silent.lastHeartbeatAt)) / 1000)
        const reason = `GPU agent on ${silent.hostname} silent for ${seconds} s`
        deps.logger.warn({ backendId: silent.backendId, hostname: silent.hostname }, reason)
        await deps.backends.markOffline(silent.backendId, reason)
      }
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
