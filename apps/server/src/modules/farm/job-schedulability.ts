// Which queued jobs no backend can ever run. A job is screened once per change of the farm's
// capabilities (`version`, bumped when backends are added, edited or change state): one no
// backend can run is marked `unschedulable` with the reason, and after a change the marked
// ones that some backend can now run go back to the queue. Also the throttled queue summary.
import type { RenderJobRepository } from '@aipipeline/db'
import { type PlacementBackend, type PlacementJob, priorityBand, unschedulableReason } from '@aipipeline/domain'
import { throttle } from 'es-toolkit'
import type { FarmEvents } from './farm-events'

/**
 * The queue summary goes out at most this often (ms): a burst of changes sends one at its start
 * and one after it, so the last state always arrives.
 */
const QUEUE_EMIT_MS = 250

export class JobSchedulability {
  /** Bumped when what the backends can run may have changed. */
  version = 0
  private readonly screened = new Map<string, number>()
  private recheckedAt = -1
  private readonly sendQueueThrottled = throttle(() => this.sendQueue(), QUEUE_EMIT_MS)

  constructor(
    private readonly deps: {
      jobs: Pick<RenderJobRepository, 'setUnschedulable' | 'inStates' | 'countByState'>
      events: Pick<FarmEvents, 'job' | 'queue'>
    },
  ) {}

  /** True when the job may be placed; false when it was just marked unschedulable. */
  async screen(job: PlacementJob, views: readonly PlacementBackend[]): Promise<boolean> {
    if (this.screened.get(job.id) === this.version) return true
    this.screened.set(job.id, this.version)
    const reason = unschedulableReason(job, views)
    if (reason === null) return true
    if (await this.deps.jobs.setUnschedulable(job.id, reason)) {
      this.deps.events.job({
        jobId: job.id,
        state: 'unschedulable',
        priority: job.priority,
        backendId: null,
        attempt: 0,
        error: reason,
      })
    }
    return false
  }

  /** The job left the queue: forget its screening. */
  forget(jobId: string): void {
    this.screened.delete(jobId)
  }

  /** After backends changed, unschedulable jobs that some backend can now run go back to the queue. */
  async recheck(views: readonly PlacementBackend[]): Promise<void> {
    if (this.recheckedAt === this.version) return
    this.recheckedAt = this.version
    for (const job of await this.deps.jobs.inStates(['unschedulable'])) {
      const view: PlacementJob = {
        id: job.id,
        priority: job.priority,
        queuedAtMs: Date.parse(job.queuedAt),
        requirements: job.requirements,
        primaryModel: job.primaryModel,
        cost: job.cost,
        vramAboveGb: job.vramAboveGb,
      }
      if (unschedulableReason(view, views) !== null) continue
      if (await this.deps.jobs.setUnschedulable(job.id, null)) {
        this.deps.events.job({
          jobId: job.id,
          state: 'queued',
          priority: job.priority,
          backendId: null,
          attempt: job.attemptCount,
          error: null,
        })
      }
    }
  }

  /** Sends the counts of jobs by state and of queued jobs by priority band (throttled). */
  emitQueue(): void {
    this.sendQueueThrottled()
  }

  /** Drops a summary still waiting to go out (the dispatcher stopped). */
  stop(): void {
    this.sendQueueThrottled.cancel()
  }

  private sendQueue(): void {
    void this.deps.jobs
      .countByState()
      .then((rows) => {
        const counts = { queued: 0, assigned: 0, running: 0, unschedulable: 0 }
        const queuedByBand = { low: 0, normal: 0, high: 0 }
        for (const row of rows) {
          if (row.state === 'queued') queuedByBand[priorityBand(row.priority)] += row.count
          const s = row.state
          if (s === 'queued' || s === 'assigned' || s === 'running' || s === 'unschedulable') counts[s] += row.count
        }
        this.deps.events.queue({ ...counts, queuedByBand })
      })
      .catch(() => {})
  }
}
