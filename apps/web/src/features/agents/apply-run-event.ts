// Patches the runs list with a live `agent-run:update`, so progress moves without a refetch.
import type { AgentRunSummary, ServerEvent } from '@aipipeline/contracts'

/** The list with the event applied; `refetch` when the run is not in the list yet. */
export function applyRunEvent(
  list: readonly AgentRunSummary[],
  e: ServerEvent<'agent-run:update'>,
): { list: AgentRunSummary[]; refetch: boolean } {
  let found = false
  const next = list.map((run) => {
    if (run.id !== e.runId) return run
    found = true
    // Events can arrive out of order across processes; never move a run back in time.
    if (run.updatedAt > e.at) return run
    return {
      ...run,
      status: e.status,
      progress: e.progress,
      progressMessage: e.message,
      usage: e.usage,
      updatedAt: e.at,
    }
  })
  // A finished run gets finishedAt and its decision from the server, so refetch then too.
  const finished = e.status === 'completed' || e.status === 'failed' || e.status === 'canceled'
  return { list: next, refetch: !found || finished }
}
