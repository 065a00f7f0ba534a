// Emits farm events on the realtime hub: backend states and queue depth to room `farm`, job
// state and progress to `farm` and `job:<id>`. Progress is throttled per job (≤ ~10/s) with a
// trailing event, so the last step always arrives; previews are rarer and small.
import type { FarmBackend } from '@aipipeline/contracts'
import { isoNow } from '@aipipeline/db'
import type { RenderJobState } from '@aipipeline/domain'
import { type ThrottledFunction, throttle } from 'es-toolkit'
import type { RealtimeHub } from '../../realtime/realtime-hub'

export interface JobStateChange {
  jobId: string
  state: RenderJobState
  priority: number
  backendId: string | null
  attempt: number
  error: string | null
}

export interface ProgressUpdate {
  jobId: string
  backendId: string
  node: string | null
  step: number | null
  max: number | null
  /** 0..1 */
  overall: number
}

type BackendSnapshot = Pick<
  FarmBackend,
  'id' | 'name' | 'state' | 'stateReason' | 'loadedModel' | 'inFlight' | 'currentJobIds' | 'vramGb'
> & { removed?: boolean }

interface PendingProgress {
  /** es-toolkit's throttle: the first update at once, then the latest one per interval. */
  send: ThrottledFunction<(update: ProgressUpdate) => void>
  lastPreview: number
  preview: string | null
}

export interface FarmEvents {
  backend(b: BackendSnapshot): void
  job(change: JobStateChange): void
  progress(update: ProgressUpdate): void
  /** Offers a preview image; sent with the next progress event if the preview interval passed. */
  preview(jobId: string, dataUrl: string): void
  /** The job's outputs became these versions. */
  versions(jobId: string, versionIds: string[]): void
  queue(counts: {
    queued: number
    assigned: number
    running: number
    unschedulable: number
    queuedByBand: { low: number; normal: number; high: number }
  }): void
  close(): void
}

/** Creates the emitter; `hub` null (benchmarks, CLI) makes every call a no-op. */
export function createFarmEvents(
  hub: Pick<RealtimeHub, 'emit'> | null,
  opts: { progressIntervalMs: number; previewIntervalMs: number },
): FarmEvents {
  const pending = new Map<string, PendingProgress>()
  const send = (jobId: string, p: PendingProgress, update: ProgressUpdate): void => {
    if (hub === null) return
    const now = Date.now()
    const sendPreview = p.preview !== null && now - p.lastPreview >= opts.previewIntervalMs
    const payload = {
      ...update,
      overall: Math.round(update.overall * 1000) / 10,
      preview: sendPreview ? p.preview : null,
    }
    if (sendPreview) {
      p.lastPreview = now
      p.preview = null
    }
    hub.emit(`job:${jobId}`, 'farm:job-progress', payload)
    hub.emit('farm', 'farm:job-progress', payload)
  }
  const entry = (jobId: string): PendingProgress => {
    let p = pending.get(jobId)
    if (!p) {
      const created: PendingProgress = {
        send: throttle((update: ProgressUpdate) => send(jobId, created, update), opts.progressIntervalMs),
        lastPreview: 0,
        preview: null,
      }
      pending.set(jobId, created)
      p = created
    }
    return p
  }
  return {
    backend(b) {
      hub?.emit('farm', 'farm:backend', b)
    },
    job(change) {
      const p = pending.get(change.jobId)
      if (p && change.state !== 'running' && change.state !== 'assigned') {
        p.send.cancel()
        pending.delete(change.jobId)
      }
      const payload = { ...change, at: isoNow() }
      hub?.emit(`job:${change.jobId}`, 'farm:job', payload)
      hub?.emit('farm', 'farm:job', payload)
    },
    progress(update) {
      entry(update.jobId).send(update)
    },
    preview(jobId, dataUrl) {
      entry(jobId).preview = dataUrl
    },
    versions(jobId, versionIds) {
      const payload = { jobId, versionIds, at: isoNow() }
      hub?.emit(`job:${jobId}`, 'farm:job-versions', payload)
      hub?.emit('farm', 'farm:job-versions', payload)
    },
    queue(counts) {
      hub?.emit('farm', 'farm:queue', counts)
    },
    close() {
      for (const p of pending.values()) p.send.cancel()
      pending.clear()
    },
  }
}
