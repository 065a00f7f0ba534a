// Applying realtime farm events to the lists the page shows. Pure, so the merge rules are
// tested without a browser: events patch what they carry; anything they cannot express (a
// job or backend we have never seen, a finished job's error and outputs) asks for a refetch.
import type { FarmBackend, RenderJob, ServerEvent } from '@aipipeline/contracts'

type BackendEvent = ServerEvent<'farm:backend'>
type JobEvent = ServerEvent<'farm:job'>

export interface Applied<T> {
  list: T[]
  /** The event named something the list does not hold, or a change only a refetch shows. */
  refetch: boolean
}

/** Patches a backend's live fields; a removed backend leaves the list. */
export function applyBackendEvent(list: readonly FarmBackend[], e: BackendEvent): Applied<FarmBackend> {
  if (e.removed) return { list: list.filter((b) => b.id !== e.id), refetch: false }
  const known = list.some((b) => b.id === e.id)
  if (!known) return { list: [...list], refetch: true }
  return {
    list: list.map((b) =>
      b.id === e.id
        ? {
            ...b,
            name: e.name,
            state: e.state,
            stateReason: e.stateReason,
            loadedModel: e.loadedModel,
            inFlight: e.inFlight,
            currentJobIds: e.currentJobIds,
            vramGb: e.vramGb,
          }
        : b,
    ),
    refetch: false,
  }
}

const FINISHED = new Set<RenderJob['state']>(['succeeded', 'failed', 'canceled', 'unschedulable'])

/** Patches a job's state, priority, backend and attempt. */
export function applyJobEvent(list: readonly RenderJob[], e: JobEvent): Applied<RenderJob> {
  const job = list.find((j) => j.id === e.jobId)
  if (!job) return { list: [...list], refetch: true }
  const patched: RenderJob = {
    ...job,
    state: e.state,
    priority: e.priority,
    backendId: e.backendId,
    attemptCount: Math.max(job.attemptCount, e.attempt),
    progress: e.state === 'succeeded' ? 1 : e.state === 'queued' ? 0 : job.progress,
  }
  return { list: list.map((j) => (j.id === e.jobId ? patched : j)), refetch: FINISHED.has(e.state) }
}

const RANK: Record<RenderJob['state'], number> = {
  running: 0,
  assigned: 1,
  queued: 2,
  unschedulable: 3,
  failed: 4,
  canceled: 4,
  succeeded: 4,
}

/** Queue order: running, assigned, queued (priority, then age), then finished (newest first). */
export function queueOrder(jobs: readonly RenderJob[]): RenderJob[] {
  return [...jobs].sort((a, b) => {
    const rank = RANK[a.state] - RANK[b.state]
    if (rank !== 0) return rank
    if (RANK[a.state] === 4) return (b.finishedAt ?? b.updatedAt).localeCompare(a.finishedAt ?? a.updatedAt)
    return b.priority - a.priority || a.queuedAt.localeCompare(b.queuedAt)
  })
}
