// The dispatcher: one loop with the global view (ARCHITECTURE decision 2). It keeps every
// online backend at its in-flight limit (one running + pre-queued prompts), places queued
// jobs with the policy from packages/domain, and reconciles with the backends whenever it
// becomes leader. Durable truth is the database; this object only holds what is in flight.
import { randomUUID } from 'node:crypto'
import { parseApiPrompt } from '@aipipeline/comfyui'
import type {
  BackendHealthRepository,
  BackendRecord,
  BackendRepository,
  RenderJobRecord,
  RenderJobRepository,
} from '@aipipeline/db'
import {
  DEFAULT_HEALTH_POLICY,
  INITIAL_ROUND_ROBIN,
  type Placement,
  type PlacementJob,
  placeRoundRobin,
  placeSmart,
  type RoundRobinState,
} from '@aipipeline/domain'
import type { Logger } from '../../observability/logger'
import { followAttempt, loseAttempt, type RunnerContext, runAttempt } from './attempt-runner'
import { type ActiveAttempt, BackendPool, type BackendRuntime, type HealthHistory } from './backend-pool'
import type { FarmMetrics } from './farm.metrics'
import type { FarmOptions } from './farm.options'
import type { FarmEvents } from './farm-events'
import { JobSchedulability } from './job-schedulability'

export interface DispatcherDeps {
  /** Fenced: its writes are refused once this instance no longer holds the leader lease. */
  jobs: RenderJobRepository
  backends: BackendRepository
  events: FarmEvents
  metrics: FarmMetrics
  logger: Logger
  options: FarmOptions
  storageDir: string
  /** Whether the leader lease is certainly still ours now (see LeaderElection.holds). */
  holdsLease(): boolean
  /** A job succeeded (its outputs are stored); never throws. */
  succeeded(job: { id: string; taskId: string | null }): Promise<void>
  /** Health history of the backends; none in tests that do not read it. */
  health?: BackendHealthRepository
}

interface CachedJob {
  requirements: PlacementJob['requirements']
  primaryModel: string | null
  cost: number
  promptJson: string
}

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? null
}

export class FarmDispatcher {
  readonly pool: BackendPool
  private leader = false
  private ticking = false
  private again = false
  private scheduled = false
  private timer: NodeJS.Timeout | null = null
  private retryTimer: NodeJS.Timeout | null = null
  private readonly cache = new Map<string, CachedJob>()
  private readonly schedulability: JobSchedulability
  private rr: RoundRobinState = INITIAL_ROUND_ROBIN
  private readonly ctx: RunnerContext

  constructor(private readonly deps: DispatcherDeps) {
    this.schedulability = new JobSchedulability({ jobs: deps.jobs, events: deps.events })
    this.pool = new BackendPool({
      repo: deps.backends,
      events: deps.events,
      logger: deps.logger,
      policy: () => ({ ...DEFAULT_HEALTH_POLICY, intervalMs: deps.options.healthIntervalMs }),
      get probeTimeoutMs() {
        return deps.options.probeTimeoutMs
      },
      onLost: (rt, reason) => this.failOver(rt, reason),
      ...(deps.health ? { history: healthHistory(deps.health, deps.options) } : {}),
      onChanged: () => {
        this.schedulability.version++
        this.wake()
      },
    })
    this.ctx = {
      jobs: deps.jobs,
      events: deps.events,
      metrics: deps.metrics,
      options: deps.options,
      ingest: {
        repo: deps.jobs,
        storageDir: deps.storageDir,
        get thumbnails() {
          return deps.options.thumbnails
        },
      },
      logger: deps.logger,
      release: (rt, a) => {
        rt.attempts.delete(a.promptId)
        this.pool.announce(rt)
        this.wake()
      },
      gpuFree: () => this.wake(),
      suspect: (rt) => void this.pool.probe(rt),
      modelLoaded: (rt, model) => this.modelLoaded(rt, model),
      succeeded: (job) => deps.succeeded(job),
    }
  }

  get isLeader(): boolean {
    return this.leader
  }

  /** Becomes the dispatching instance: loads backends, reconciles jobs in flight, starts the loop. */
  async lead(): Promise<void> {
    if (this.leader) return
    this.leader = true
    await this.pool.start()
    await this.reconcile()
    this.timer = setInterval(() => {
      void this.syncBackends()
      this.wake()
    }, this.deps.options.tickIntervalMs)
    this.wake()
  }

  /** Stops dispatching (shutdown or lost leadership); prompts keep running on their backends. */
  async resign(): Promise<void> {
    if (!this.leader) return
    this.leader = false
    if (this.timer) clearInterval(this.timer)
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.timer = null
    this.retryTimer = null
    await this.cancelOrphans()
    await this.pool.stop()
    this.schedulability.stop()
    this.deps.events.close()
    // Let a running tick finish before the database may close.
    while (this.ticking) await new Promise((r) => setTimeout(r, 5))
  }

  /** Schedules a dispatch pass soon; many wakes coalesce into one pass. */
  wake(): void {
    if (!this.leader || this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      void this.tick()
    })
  }

  /** Load per backend (prompts in flight), for the API. */
  load(): Map<string, string[]> {
    const load = new Map<string, string[]>()
    for (const rt of this.pool.all()) {
      load.set(
        rt.record.id,
        [...rt.attempts.values()].filter((a) => !a.settled).map((a) => a.jobId),
      )
    }
    return load
  }

  /** Live progress (0..1) of a job in flight on this instance, if any. */
  progressOf(jobId: string): number | undefined {
    for (const rt of this.pool.all()) {
      for (const a of rt.attempts.values()) if (a.jobId === jobId && !a.settled) return a.progress
    }
    return undefined
  }

  /** Picks up backends added, edited or removed (here or on another instance). */
  async syncBackends(): Promise<void> {
    if (!this.leader) return
    const records = await this.deps.backends.list()
    const seen = new Set<string>()
    for (const record of records) {
      seen.add(record.id)
      const rt = this.pool.get(record.id)
      if (!rt) this.pool.add(record)
      else if (changedByUser(rt.record, record)) this.pool.update(record)
    }
    for (const rt of this.pool.all()) {
      if (seen.has(rt.record.id)) continue
      this.failOver(rt, 'backend removed')
      this.pool.remove(rt.record.id)
    }
    this.schedulability.version++
    this.wake()
  }

  /** Stops a job's prompt on its backend: queue delete + interrupt; the slot frees at once. */
  async cancelPrompt(backendId: string, promptId: string): Promise<void> {
    const rt = this.pool.get(backendId)
    const a = rt?.attempts.get(promptId)
    if (a && !a.settled) {
      a.canceled = true
      a.settled = true
    }
    // The interrupt first: it lands at the next sampler step; bookkeeping can wait.
    await rt?.client.cancel(promptId).catch(() => {})
    if (rt && a) {
      this.ctx.release(rt, a)
      await this.deps.jobs.endAttempt(promptId, 'canceled', null)
    }
  }

  /**
   * Stops prompts of ours that the job no longer points at: sent by this instance while it was
   * frozen past its lease, after the new leader had given the job a new attempt. The prompts
   * the job still points at keep running for the next leader to follow.
   */
  private async cancelOrphans(): Promise<void> {
    for (const rt of this.pool.all()) {
      for (const a of rt.attempts.values()) {
        if (a.settled) continue
        const job = await this.deps.jobs.get(a.jobId).catch(() => undefined)
        if (job !== undefined && job?.promptId !== a.promptId) await rt.client.cancel(a.promptId).catch(() => {})
      }
    }
  }

  private failOver(rt: BackendRuntime, reason: string): void {
    for (const a of [...rt.attempts.values()])
      void loseAttempt(this.ctx, rt, a, `backend ${rt.record.name} lost: ${reason}`)
  }

  private modelLoaded(rt: BackendRuntime, model: string): void {
    if (rt.record.loadedModel === model) return
    if (rt.record.loadedModel !== null) this.deps.metrics.modelSwitches.inc({ backend: rt.record.name })
    rt.record = { ...rt.record, loadedModel: model }
    void this.deps.backends.update(rt.record.id, { loadedModel: model, speed: rt.speed }).catch(() => {})
    this.pool.announce(rt)
  }

  /** Re-attaches every job the database says is on a backend; /history and /queue decide its fate. */
  private async reconcile(): Promise<void> {
    for (const job of await this.deps.jobs.inStates(['assigned', 'running'])) {
      const rt = job.backendId === null ? undefined : this.pool.get(job.backendId)
      if (job.promptId === null) continue
      if (!rt) {
        await this.deps.jobs.requeue(job.id, job.promptId, {
          nextAttemptAt: null,
          attempt: { outcome: 'lost', error: null },
        })
        continue
      }
      const parsed = parseApiPrompt(JSON.parse(job.promptJson))
      const a = this.attemptOf(job, rt, job.promptId, job.attemptCount)
      a.startedAtMs = job.startedAt === null ? null : Date.parse(job.startedAt)
      rt.attempts.set(job.promptId, a)
      if (job.primaryModel !== null) rt.lastModel = job.primaryModel
      const watch = rt.client.watch(job.promptId, parsed.ok ? { prompt: parsed.prompt } : {})
      void followAttempt(this.ctx, rt, a, watch)
    }
  }

  private attemptOf(
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

  private async tick(): Promise<void> {
    // A leader that was frozen past its lease places nothing until a renewal confirms it
    // (or it learns that another instance leads); the safety-net tick wakes it again.
    if (!this.leader || !this.deps.holdsLease()) return
    if (this.ticking) {
      this.again = true
      return
    }
    this.ticking = true
    try {
      await this.pass()
    } catch (err) {
      this.deps.logger.error({ err }, 'farm dispatch pass failed')
    } finally {
      this.ticking = false
      if (this.again) {
        this.again = false
        this.wake()
      }
    }
  }

  private async pass(): Promise<void> {
    const now = Date.now()
    const heads = await this.deps.jobs.queuedHeads()
    const due = heads.filter((h) => h.nextAttemptAt === null || Date.parse(h.nextAttemptAt) <= now)
    this.armRetryTimer(heads, now)
    await this.fillCache(due.map((h) => h.id))
    const speeds = this.pool.all().flatMap((rt) => (rt.speed === null ? [] : [rt.speed]))
    const views = this.pool.placementView(median(speeds) ?? 1)
    await this.schedulability.recheck(views)
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
      if (await this.schedulability.screen(job, views)) candidates.push(job)
    }
    for (const p of this.place(candidates, views, now)) {
      const job = candidates.find((j) => j.id === p.jobId)
      if (job) await this.dispatch(p, job, now)
    }
    this.schedulability.emitQueue()
  }

  private place(jobs: PlacementJob[], views: ReturnType<BackendPool['placementView']>, now: number): Placement[] {
    if (this.deps.options.policy === 'smart') return placeSmart(jobs, views, now, this.deps.options.smart)
    const { placements, state } = placeRoundRobin(jobs, views, this.rr)
    this.rr = state
    return placements
  }

  private async dispatch(p: Placement, job: PlacementJob, now: number): Promise<void> {
    const rt = this.pool.get(p.backendId)
    const cached = this.cache.get(p.jobId)
    if (!rt || !cached || !this.deps.holdsLease()) return
    const promptId = randomUUID()
    const number = await this.deps.jobs.claim({
      jobId: p.jobId,
      backendId: rt.record.id,
      backendName: rt.record.name,
      promptId,
    })
    this.cache.delete(p.jobId)
    this.schedulability.forget(p.jobId)
    if (number === null) return
    const a = this.attemptOf(
      { id: job.id, priority: job.priority, cost: job.cost, primaryModel: job.primaryModel },
      rt,
      promptId,
      number,
    )
    rt.attempts.set(promptId, a)
    if (job.primaryModel !== null) rt.lastModel = job.primaryModel
    this.deps.metrics.queueWait.observe(Math.max(0, now - job.queuedAtMs) / 1000)
    this.deps.events.job({
      jobId: job.id,
      state: 'assigned',
      priority: job.priority,
      backendId: rt.record.id,
      attempt: number,
      error: null,
    })
    this.pool.announce(rt)
    const parsed = parseApiPrompt(JSON.parse(cached.promptJson))
    if (!parsed.ok) {
      await loseAttempt(this.ctx, rt, a, 'stored prompt no longer parses')
      return
    }
    // Last check before the prompt leaves: ComfyUI cannot check a fencing token, so a leader
    // whose lease may have run out meanwhile hands the job back instead of submitting it.
    if (!this.deps.holdsLease()) {
      await loseAttempt(this.ctx, rt, a, 'this instance stopped leading before the prompt was sent')
      return
    }
    void runAttempt(this.ctx, rt, a, parsed.prompt)
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
    this.retryTimer = setTimeout(() => this.wake(), earliest - now + 5)
  }
}

/** Whether a stored backend differs from the live one in what users edit (not health bookkeeping). */
function changedByUser(live: BackendRecord, stored: BackendRecord): boolean {
  return (
    live.name !== stored.name ||
    live.enabled !== stored.enabled ||
    live.maxInFlight !== stored.maxInFlight ||
    live.tags.join(',') !== stored.tags.join(',') ||
    live.capabilitiesAt !== stored.capabilitiesAt
  )
}

/** The pool's view of the health history; the sample interval is read on use (tune() may change it). */
function healthHistory(repo: BackendHealthRepository, options: FarmOptions): HealthHistory {
  return { record: (entry) => repo.record(entry), sampleIntervalMs: () => options.healthSampleMs }
}
