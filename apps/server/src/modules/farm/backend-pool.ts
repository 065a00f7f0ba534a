// The live side of each registered backend: one ComfyClient (one WebSocket with a fixed
// clientId), its health with the circuit breaker, the prompts we have on it and what we
// learned (speed, last model). Health probes run here; state changes are persisted and
// announced, and a lost backend is handed to the dispatcher for failover.
import { ComfyClient, type ComfyLogger } from '@aipipeline/comfyui'
import type { BackendRecord, BackendRepository, NewBackendHealthEntry } from '@aipipeline/db'
import {
  applyProbe,
  type BackendHealth,
  type HealthPolicy,
  initialHealth,
  type PlacementBackend,
} from '@aipipeline/domain'
import { discoverBackend, modelFiles, probeFeatures } from './backend-discovery'
import type { FarmEvents } from './farm-events'

/** A prompt of ours on a backend, from submission until its result is handled. */
export interface ActiveAttempt {
  jobId: string
  promptId: string
  backendId: string
  number: number
  priority: number
  cost: number
  primaryModel: string | null
  /** Its prompt loads a model first (first run on the backend, or a switch): its time says little of speed. */
  loadsModel: boolean
  /** 0..1 */
  progress: number
  submittedAtMs: number
  startedAtMs: number | null
  /** When `executing: null` arrived (the GPU is free from here). */
  finishedAtMs: number | null
  /** Set once the attempt's outcome was decided (result, failover or cancel); later events are ignored. */
  settled: boolean
  canceled: boolean
}

export interface BackendRuntime {
  record: BackendRecord
  client: ComfyClient
  health: BackendHealth
  nodeClasses: Set<string>
  models: Set<string>
  attempts: Map<string, ActiveAttempt>
  lastModel: string | null
  speed: number | null
  /** The learned speed so far comes only from a run that loaded a model (an underestimate). */
  speedFromLoad: boolean
  speedSavedAtMs: number
  probing: boolean
  /** Why the backend's GPU agent stopped heartbeating; while set it stays offline whatever probes say. */
  agentSilence: string | null
  /** When a probe was last written to the health history (ms; 0: never). */
  historySampledAtMs: number
  off: () => void
}

/** Where health transitions and sampled probes are written (the backend's health history). */
export interface HealthHistory {
  record(entry: NewBackendHealthEntry): Promise<unknown>
  /** Minimum ms between two sampled probes of one backend; transitions are always written. */
  sampleIntervalMs(): number
}

export interface PoolDeps {
  repo: BackendRepository
  events: FarmEvents
  logger: ComfyLogger & { info(obj: object, msg: string): void }
  /** Read on use, so options tuned before start apply. */
  policy(): HealthPolicy
  probeTimeoutMs: number
  /** A backend went offline: its attempts must be failed over. */
  onLost(rt: BackendRuntime, reason: string): void
  /** Something that changes placement happened (backend online, capabilities refreshed). */
  onChanged(): void
  history?: HealthHistory
}

/**
 * The client id of our socket on a backend. Stable across studio restarts and leader changes,
 * so the events of prompts submitted before a restart still reach us.
 */
export function farmClientId(backendId: string): string {
  return `aipipeline-farm-${backendId}`
}

/** Creates the ComfyClient the farm uses for one backend. */
export function farmClient(url: string, clientId: string, logger?: ComfyLogger): ComfyClient {
  return new ComfyClient({
    baseUrl: url,
    // ComfyUI routes a prompt's events to its submitter's client id: it must survive restarts.
    clientId,
    reconnect: { initialDelayMs: 200, maxDelayMs: 2000 },
    requestTimeoutMs: 30_000,
    ...(logger ? { logger } : {}),
  })
}

export class BackendPool {
  private readonly runtimes = new Map<string, BackendRuntime>()
  private timer: NodeJS.Timeout | null = null
  /** Probes under way: stop() waits for them, since they end by writing to the database. */
  private readonly probes = new Set<Promise<void>>()

  constructor(private readonly deps: PoolDeps) {}

  /** Loads every backend from the database and starts health probing. */
  async start(): Promise<void> {
    for (const record of await this.deps.repo.list()) this.add(record, { probeNow: true })
    this.timer = setInterval(() => this.probeDue(), 100)
  }

  /** Stops probing; resolves once the probes under way are done (the database may close then). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await Promise.allSettled([...this.probes])
    for (const rt of this.runtimes.values()) this.dispose(rt)
    this.runtimes.clear()
  }

  get(id: string): BackendRuntime | undefined {
    return this.runtimes.get(id)
  }

  all(): BackendRuntime[] {
    return [...this.runtimes.values()]
  }

  /** Starts tracking a backend; `probeNow` probes at once (start-up: its state in the database may be stale). */
  add(record: BackendRecord, opts: { probeNow?: boolean } = {}): BackendRuntime {
    const existing = this.runtimes.get(record.id)
    if (existing) return existing
    const client = farmClient(record.url, farmClientId(record.id), this.deps.logger)
    // Just registered = just probed. Loaded at start-up = unknown until one probe answers.
    const health: BackendHealth = opts.probeNow
      ? {
          state: record.enabled ? 'degraded' : 'disabled',
          failures: 0,
          successes: this.deps.policy().recoverAfter - 1,
          nextProbeAtMs: 0,
          reason: 'checking',
        }
      : initialHealth(Date.now(), this.deps.policy(), record.enabled)
    const rt: BackendRuntime = {
      record,
      client,
      health,
      nodeClasses: new Set(record.capabilities.nodeClasses),
      models: modelFiles(record.capabilities),
      attempts: new Map(),
      lastModel: record.loadedModel,
      speed: record.speed,
      speedFromLoad: false,
      speedSavedAtMs: 0,
      probing: false,
      agentSilence: null,
      historySampledAtMs: 0,
      off: () => {},
    }
    // A dropped socket is the fastest crash signal: probe now instead of at the next tick.
    rt.off = client.onEvent((e) => {
      if (e.type === 'socket_closed' && rt.health.state !== 'disabled') void this.probe(rt)
    })
    if (record.enabled) client.connect().catch(() => {})
    this.runtimes.set(record.id, rt)
    return rt
  }

  /** Applies an edited record (name, tags, limit, enabled). */
  update(record: BackendRecord): void {
    const rt = this.runtimes.get(record.id)
    if (!rt) return
    const wasEnabled = rt.record.enabled
    rt.record = record
    rt.nodeClasses = new Set(record.capabilities.nodeClasses)
    rt.models = modelFiles(record.capabilities)
    if (wasEnabled && !record.enabled) rt.health = { ...rt.health, state: 'disabled', reason: 'disabled by a manager' }
    if (!wasEnabled && record.enabled) {
      // Like start-up: unknown until one probe answers (the service stored `degraded: checking`).
      const policy = this.deps.policy()
      rt.health = {
        state: 'degraded',
        failures: 0,
        successes: policy.recoverAfter - 1,
        nextProbeAtMs: 0,
        reason: 'checking',
      }
      rt.client.connect().catch(() => {})
    }
    this.deps.onChanged()
  }

  remove(id: string): BackendRuntime | undefined {
    const rt = this.runtimes.get(id)
    if (!rt) return undefined
    this.runtimes.delete(id)
    this.dispose(rt)
    return rt
  }

  private dispose(rt: BackendRuntime): void {
    rt.off()
    rt.client.close()
  }

  /** The placement policy's view of every backend. */
  placementView(unknownSpeed: number): PlacementBackend[] {
    return this.all().map((rt) => {
      // A prompt that ended on the GPU (`executing: null`) no longer holds a slot while its
      // history and outputs are read: the next one is submitted meanwhile.
      const onGpu = [...rt.attempts.values()].filter((a) => !a.settled && a.finishedAtMs === null)
      let backlog = 0
      for (const a of onGpu) backlog += a.cost * (1 - a.progress)
      return {
        id: rt.record.id,
        name: rt.record.name,
        // Events flow only through the socket: a prompt submitted before it is open would go unseen.
        accepting: rt.record.enabled && rt.health.state === 'online' && rt.client.connected,
        capabilitiesKnown: rt.record.capabilitiesAt !== null,
        nodeClasses: rt.nodeClasses,
        models: rt.models,
        tags: rt.record.tags,
        vramGb: rt.record.vramGb,
        speed: rt.speed ?? unknownSpeed,
        maxInFlight: rt.record.maxInFlight,
        inFlight: onGpu.length,
        backlog,
        lastModel: rt.lastModel,
      }
    })
  }

  /** Announces a backend's state and load on the farm room. */
  announce(rt: BackendRuntime): void {
    const current = [...rt.attempts.values()].filter((a) => !a.settled)
    this.deps.events.backend({
      id: rt.record.id,
      name: rt.record.name,
      state: rt.record.enabled ? rt.health.state : 'disabled',
      stateReason: rt.health.reason,
      loadedModel: rt.lastModel,
      inFlight: current.length,
      currentJobIds: current.map((a) => a.jobId),
      vramGb: rt.record.vramGb,
    })
  }

  private probeDue(): void {
    const now = Date.now()
    for (const rt of this.runtimes.values()) {
      if (rt.record.enabled && !rt.probing && now >= rt.health.nextProbeAtMs) void this.probe(rt)
    }
  }

  /**
   * The backend's agent went silent: offline now (its prompts fail over) and kept out of
   * placement until `agentBack`, even while its ComfyUI still answers probes.
   */
  async agentSilent(rt: BackendRuntime, reason: string): Promise<void> {
    rt.agentSilence = reason
    const before = rt.health
    if (before.state === 'disabled' || (before.state === 'offline' && before.reason === reason)) return
    const after: BackendHealth = { ...before, state: 'offline', successes: 0, reason }
    rt.health = after
    await this.onTransition(rt, before, after)
  }

  /** The agent beats again: the backend recovers through `degraded` like after a failed probe. */
  async agentBack(rt: BackendRuntime): Promise<void> {
    if (rt.agentSilence === null) return
    rt.agentSilence = null
    const before = rt.health
    if (before.state === 'disabled') return
    const after: BackendHealth = {
      state: 'degraded',
      failures: 0,
      successes: this.deps.policy().recoverAfter - 1,
      nextProbeAtMs: 0,
      reason: 'agent back: checking',
    }
    rt.health = after
    await this.onTransition(rt, before, after)
  }

  /** Probes one backend now and applies the result. */
  probe(rt: BackendRuntime): Promise<void> {
    const probing = this.probeOnce(rt)
    this.probes.add(probing)
    const done = () => this.probes.delete(probing)
    probing.then(done, done)
    return probing
  }

  private async probeOnce(rt: BackendRuntime): Promise<void> {
    if (rt.probing || !rt.record.enabled || rt.agentSilence !== null) return
    rt.probing = true
    try {
      const started = performance.now()
      const result = await probeFeatures(rt.client.baseUrl, this.deps.probeTimeoutMs)
      const latencyMs = result.ok ? Math.round(performance.now() - started) : null
      if (this.runtimes.get(rt.record.id) !== rt) return
      if (result.ok && !rt.client.connected) rt.client.connect().catch(() => {})
      const before = rt.health
      const after = applyProbe(
        before,
        result.ok ? { ok: true, socketOpen: rt.client.connected } : result,
        Date.now(),
        this.deps.policy(),
      )
      rt.health = after
      const probe = { ok: result.ok, latencyMs }
      if (after.state === before.state && after.reason === before.reason) {
        await this.sampleProbe(rt, after, probe)
        return
      }
      await this.onTransition(rt, before, after, probe)
    } finally {
      rt.probing = false
    }
  }

  /** Writes a probe to the history now and then (transitions are written by onTransition). */
  private async sampleProbe(
    rt: BackendRuntime,
    health: BackendHealth,
    probe: { ok: boolean; latencyMs: number | null },
  ): Promise<void> {
    const history = this.deps.history
    if (!history || Date.now() - rt.historySampledAtMs < history.sampleIntervalMs()) return
    await this.writeHistory(rt, 'probe', health, probe)
  }

  private async writeHistory(
    rt: BackendRuntime,
    kind: 'probe' | 'transition',
    health: BackendHealth,
    probe: { ok: boolean; latencyMs: number | null },
  ): Promise<void> {
    if (!this.deps.history) return
    rt.historySampledAtMs = Date.now()
    // History is for people; a failed write must not stop health checking.
    await this.deps.history
      .record({ backendId: rt.record.id, kind, state: health.state, reason: health.reason, ...probe })
      .catch((err: unknown) => this.deps.logger.warn({ err, backend: rt.record.name }, 'health history not written'))
  }

  private async onTransition(
    rt: BackendRuntime,
    before: BackendHealth,
    after: BackendHealth,
    probe: { ok: boolean; latencyMs: number | null } = { ok: after.state !== 'offline', latencyMs: null },
  ): Promise<void> {
    this.deps.logger.info(
      { backend: rt.record.name, from: before.state, to: after.state, reason: after.reason },
      'farm backend state changed',
    )
    if (after.state === 'offline' && before.state !== 'offline') this.deps.onLost(rt, after.reason ?? 'offline')
    // Reconnected: the server may have restarted with other nodes or models.
    if (after.state === 'online' && before.state !== 'online') await this.refresh(rt).catch(() => {})
    const updated = await this.deps.repo.update(rt.record.id, {
      state: after.state,
      stateReason: after.reason,
      ...(after.state === 'offline' ? {} : { lastSeenAt: new Date().toISOString() }),
    })
    if (updated) rt.record = updated
    await this.writeHistory(rt, 'transition', after, probe)
    this.announce(rt)
    this.deps.onChanged()
  }

  /** Re-reads capabilities and stores them; throws when the backend does not answer. */
  async refresh(rt: BackendRuntime): Promise<BackendRecord> {
    const found = await discoverBackend(rt.client)
    const updated = await this.deps.repo.update(rt.record.id, found)
    if (updated) {
      rt.record = updated
      rt.nodeClasses = new Set(updated.capabilities.nodeClasses)
      rt.models = modelFiles(updated.capabilities)
    }
    this.deps.onChanged()
    return rt.record
  }
}
