// One dispatch pass of the leader: reads the queue heads that are due, screens them against
// what the online backends can run, places them with the configured policy and sends each
// placed job's prompt. Holds the per-job facts it needs between passes (a cache of queued
// jobs) and the round-robin position; the dispatcher decides when passes run.
import { randomUUID } from 'node:crypto'
import { parseApiPrompt } from '@aipipeline/comfyui'
import type { InputFile, RenderJobRecord, RenderJobRepository } from '@aipipeline/db'
import {
  INITIAL_ROUND_ROBIN,
  type Placement,
  type PlacementJob,
  placeRoundRobin,
  placeSmart,
  type RoundRobinState,
} from '@aipipeline/domain'
import { loseAttempt, type RunnerContext, runAttempt } from './attempt-runner'
import type { ActiveAttempt, BackendPool, BackendRuntime } from './backend-pool'
import type { FarmMetrics } from './farm.metrics'
import type { FarmOptions } from './farm.options'
import type { FarmEvents } from './farm-events'
import type { JobSchedulability } from './job-schedulability'

export interface DispatchPassDeps {
  jobs: RenderJobRepository
  events: FarmEvents
  metrics: FarmMetrics
  options: FarmOptions
  pool: BackendPool
  schedulability: JobSchedulability
  ctx: RunnerContext
  /** Whether the leader lease is certainly still ours now. */
  holdsLease(): boolean
  /** Asks for another pass (a retry comes due). */
  wake(): void
}

interface CachedJob {
  requirements: PlacementJob['requirements']
  primaryModel: string | null
  cost: number
  promptJson: string
  inputFiles: InputFile[]
}

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? null
}

/** A new attempt of `job` on `rt` under `promptId`, not yet submitted. */
export function newAttempt(
  job: Pick<RenderJobRecord, 'id' | 'priority' | 'cost' | 'primaryModel'>,
  rt: BackendRuntime,
  promptId: string,
  number: number,
): ActiveAttempt {
  return {
    jobId: job.id,
    promptId,
    backendId: rt.record.id,
    number,
    priority: job.priority,
    cost: job.cost,
    primaryModel: job.primaryModel,
    loadsModel: job.primaryModel !== null && rt.lastModel !== job.primaryModel,
    progress: 0,
    submittedAtMs: Date.now(),
    startedAtMs: null,
    finishedAtMs: null,
    settled: false,
    canceled: false,
  }
}

export class DispatchPass {
  private readonly cache = new Map<string, CachedJob>()
  private rr: RoundRobinState = INITIAL_ROUND_ROBIN
  private retryTimer: NodeJS.Timeout | null = null

  constructor(private readonly deps: DispatchPassDeps) {}

  /** Stops the retry timer (the dispatcher resigned). */
  stop(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
  }

  async run(): Promise<void> {
    const { deps } = this
    const now = Date.now()
    const heads = await deps.jobs.queuedHeads()
    const due = heads.filter((h) => h.nextAttemptAt === null || Date.parse(h.nextAttemptAt) <= now)
    this.armRetryTimer(heads, now)
    await this.fillCache(due.map((h) => h.id))
    const speeds = deps.pool.all().flatMap((rt) => (rt.speed === null ? [] : [rt.speed]))
    const views = deps.pool.placementView(median(speeds) ?? 1)
    await deps.schedulability.recheck(views)
    const candidates: PlacementJob[] = []
    for (const h of due) {
      const c = this.cache.get(h.id)
      if (!c) continue
      const job: PlacementJob = {
        id: h.id,
        priority: h.priority,
        queuedAtMs: Date.parse(h.queuedAt),
        requirements: c.requirements,
        primaryModel: c.primaryModel,
        cost: c.cost,
        vramAboveGb: h.vramAboveGb,
      }
      if (await deps.schedulability.screen(job, views)) candidates.push(job)
    }
    for (const p of this.place(candidates, views, now)) {
      const job = candidates.find((j) => j.id === p.jobId)
      if (job) await this.dispatch(p, job, now)
    }
    deps.schedulability.emitQueue()
  }

  private place(jobs: PlacementJob[], views: ReturnType<BackendPool['placementView']>, now: number): Placement[] {
    if (this.deps.options.policy === 'smart') return placeSmart(jobs, views, now, this.deps.options.smart)
    const { placements, state } = placeRoundRobin(jobs, views, this.rr)
    this.rr = state
    return placements
  }

  private async dispatch(p: Placement, job: PlacementJob, now: number): Promise<void> {
    const { deps } = this
    const rt = deps.pool.get(p.backendId)
    const cached = this.cache.get(p.jobId)
    if (!rt || !cached || !deps.holdsLease()) return
    const promptId = randomUUID()
    const number = await deps.jobs.claim({
      jobId: p.jobId,
      backendId: rt.record.id,
      backendName: rt.record.name,
      promptId,
    })
    this.cache.delete(p.jobId)
    deps.schedulability.forget(p.jobId)
    if (number === null) return
    const a = newAttempt(
      { id: job.id, priority: job.priority, cost: job.cost, primaryModel: job.primaryModel },
      rt,
      promptId,
      number,
    )
    rt.attempts.set(promptId, a)
    if (job.primaryModel !== null) rt.lastModel = job.primaryModel
    deps.metrics.queueWait.observe(Math.max(0, now - job.queuedAtMs) / 1000)
    deps.events.job({
      jobId: job.id,
      state: 'assigned',
      priority: job.priority,
      backendId: rt.record.id,
      attempt: number,
      error: null,
    })
    deps.pool.announce(rt)
    const parsed = parseApiPrompt(JSON.parse(cached.promptJson))
    if (!parsed.ok) {
      await loseAttempt(deps.ctx, rt, a, 'stored prompt no longer parses')
      return
    }
    // Last check before the prompt leaves: ComfyUI cannot check a fencing token, so a leader
    // whose lease may have run out meanwhile hands the job back instead of submitting it.
    if (!deps.holdsLease()) {
      await loseAttempt(deps.ctx, rt, a, 'this instance stopped leading before the prompt was sent')
      return
    }
    void runAttempt(deps.ctx, rt, a, parsed.prompt, cached.inputFiles)
  }

  private async fillCache(ids: string[]): Promise<void> {
    if (ids.every((id) => this.cache.has(id))) return
    for (const job of await this.deps.jobs.inStates(['queued'])) {
      if (this.cache.has(job.id)) continue
      this.cache.set(job.id, {
        requirements: job.requirements,
        primaryModel: job.primaryModel,
        cost: job.cost,
        promptJson: job.promptJson,
        inputFiles: job.inputFiles,
      })
    }
  }

  private armRetryTimer(heads: Array<{ nextAttemptAt: string | null }>, now: number): void {
    let earliest = Number.POSITIVE_INFINITY
    for (const h of heads) {
      if (h.nextAttemptAt === null) continue
      const at = Date.parse(h.nextAttemptAt)
      if (at > now) earliest = Math.min(earliest, at)
    }
    if (!Number.isFinite(earliest)) return
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = setTimeout(() => this.deps.wake(), earliest - now + 5)
  }
}
