// The agent's loop: beat every interval until stopped. Network trouble is retried on the
// next beat; a refused token ends the loop, since a revoked token never becomes valid again.
import type { Logger } from '../observability/logger'
import { type AgentOptions, AgentTokenRefused, collectHeartbeat, sendHeartbeat } from './agent-heartbeat'

/** Runs heartbeats until `signal` aborts (resolves) or the token is refused (rejects). */
export async function runAgentLoop(opts: AgentOptions, logger: Logger, signal: AbortSignal): Promise<void> {
  let lastSummary = ''
  let gpuWarned = false
  while (!signal.aborted) {
    try {
      const beat = await collectHeartbeat(opts, (reason) => {
        if (!gpuWarned) logger.warn({ reason }, 'nvidia-smi failed; beating without GPU metrics')
        gpuWarned = true
      })
      const answer = await sendHeartbeat(opts, beat)
      // Log only changes: a steady farm should not write a line every few seconds.
      const summary = JSON.stringify(answer.backends)
      if (summary !== lastSummary) {
        logger.info({ backends: answer.backends, gpus: beat.gpus?.length ?? 0 }, 'heartbeat accepted')
        lastSummary = summary
      }
    } catch (err) {
      if (err instanceof AgentTokenRefused) throw err
      logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'heartbeat failed; retrying')
      lastSummary = ''
    }
    await sleep(opts.intervalSeconds * 1000, signal)
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done, { once: true })
  })
}
