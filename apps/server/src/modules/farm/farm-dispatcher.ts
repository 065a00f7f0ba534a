// The dispatcher: one loop with the global view (ARCHITECTURE decision 2). It keeps every
// online backend at its in-flight limit (one running + pre-queued prompts), runs dispatch
// passes (dispatch-pass.ts: placing queued jobs with the policy from packages/domain) one at
// a time, and reconciles with the backends whenever it becomes leader. Durable truth is the
// database; this object only holds what is in flight.
import { parseApiPrompt } from '@aipipeline/comfyui'
import type { BackendHealthRepository, BackendRecord, BackendRepository, RenderJobRepository } from '@aipipeline/db'
import { DEFAULT_HEALTH_POLICY } from '@aipipeline/domain'
import type { Logger } from '../../observability/logger'
import { followAttempt, loseAttempt, type RunnerContext } from './attempt-runner'
import { BackendPool, type BackendRuntime, type HealthHistory } from './backend-pool'
import type { InputBytesSource } from './derive/input-upload'
import { DispatchPass, newAttempt } from './dispatch-pass'
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
  /** Where job input files are read before they are uploaded to a backend. */
  inputs?: InputBytesSource
  /** Health history of the backends; none in tests that do not read it. */
  health?: BackendHealthRepository
}

export class FarmDispatcher {
  readonly pool: BackendPool
  private leader = false
  private ticking = false
  private again = false
  private scheduled = false
  private timer: NodeJS.Timeout | null = null
  private readonly schedulability: JobSchedulability
  private readonly ctx: RunnerContext
  private readonly passes: DispatchPass

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
      inputs: deps.inputs ?? null,
    }
    this.passes = new DispatchPass({
      jobs: deps.jobs,
      events: deps.events,
      metrics: deps.metrics,
      options: deps.options,
      pool: this.pool,
      schedulability: this.schedulability,
      ctx: this.ctx,
      holdsLease: () => deps.holdsLease(),
      wake: () => this.wake(),
    })
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
    this.timer = null
    this.passes.stop()
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
      const a = newAttempt(job, rt, job.promptId, job.attemptCount)
      a.startedAtMs = job.startedAt === null ? null : Date.parse(job.startedAt)
      rt.attempts.set(job.promptId, a)
      if (job.primaryModel !== null) rt.lastModel = job.primaryModel
      const watch = rt.client.watch(job.promptId, parsed.ok ? { prompt: parsed.prompt } : {})
      void followAttempt(this.ctx, rt, a, watch)
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
      await this.passes.run()
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
