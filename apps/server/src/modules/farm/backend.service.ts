// Registering and managing backends. A backend is probed and its capabilities read before
// anything is written, so a refused registration leaves nothing behind.
import type {
  BackendHealthEntry,
  BackendTestResult,
  CreateFarmBackendRequest,
  FarmBackend,
  UpdateFarmBackendRequest,
} from '@aipipeline/contracts'
import {
  type BackendHealthRepository,
  type BackendRecord,
  type BackendRepository,
  type GpuMetrics,
  isUniqueViolation,
  type RenderJobRepository,
} from '@aipipeline/db'
import { Conflict, NotFound, RuleViolation } from '@aipipeline/domain'
import { testBackendConnection } from './backend-connection-test'
import { type DiscoveredBackend, describeFetchError, discoverBackend, probeFeatures } from './backend-discovery'
import { farmClient } from './backend-pool'
import { normaliseBackendUrl } from './backend-url'
import type { FarmDispatcher } from './farm-dispatcher'

export interface BackendServiceDeps {
  repo: BackendRepository
  jobs: RenderJobRepository
  dispatcher: FarmDispatcher
  health: BackendHealthRepository
  probeTimeoutMs: number
  /** Deadline of a whole "test connection" (it reads /object_info, slow on big installs), ms. */
  testTimeoutMs: number
}

export { normaliseBackendUrl }

/** Reads capabilities through a throw-away client; 422 with the reason when the server does not answer. */
async function discoverAt(
  url: string,
  probeTimeoutMs: number,
): Promise<DiscoveredBackend & { probeLatencyMs: number }> {
  const started = performance.now()
  const probe = await probeFeatures(url, probeTimeoutMs)
  const probeLatencyMs = Math.round(performance.now() - started)
  if (!probe.ok)
    throw new RuleViolation(`backend ${url} is unreachable: ${probe.reason}`, { url, reason: probe.reason })
  const client = farmClient(url, 'aipipeline-discovery')
  try {
    return { ...(await discoverBackend(client)), probeLatencyMs }
  } catch (err) {
    const reason = describeFetchError(err)
    throw new RuleViolation(`backend ${url} answered but its capabilities could not be read: ${reason}`, {
      url,
      reason,
    })
  } finally {
    client.close()
  }
}

export function createBackendService(deps: BackendServiceDeps) {
  const { repo, dispatcher } = deps

  async function load(): Promise<Map<string, string[]>> {
    if (dispatcher.isLeader) return dispatcher.load()
    const load = new Map<string, string[]>()
    for (const job of await deps.jobs.inStates(['assigned', 'running'])) {
      if (job.backendId === null) continue
      load.set(job.backendId, [...(load.get(job.backendId) ?? []), job.id])
    }
    return load
  }

  function toBackend(b: BackendRecord, jobs: Map<string, string[]>): FarmBackend {
    const current = jobs.get(b.id) ?? []
    return {
      id: b.id,
      name: b.name,
      url: b.url,
      tags: b.tags,
      maxInFlight: b.maxInFlight,
      enabled: b.enabled,
      state: b.enabled ? b.state : 'disabled',
      stateReason: b.stateReason,
      vramGb: b.vramGb,
      comfyVersion: b.comfyVersion,
      loadedModel: b.loadedModel,
      speed: b.speed,
      inFlight: current.length,
      currentJobIds: current,
      nodeClassCount: b.capabilities.nodeClasses.length,
      models: b.capabilities.models,
      gpuMetrics: b.gpuMetrics,
      capabilitiesAt: b.capabilitiesAt,
      lastSeenAt: b.lastSeenAt,
      createdAt: b.createdAt,
      updatedAt: b.updatedAt,
    }
  }

  async function existing(id: string): Promise<BackendRecord> {
    const b = await repo.get(id)
    if (b === null) throw new NotFound('backend', id)
    return b
  }

  return {
    async list(): Promise<FarmBackend[]> {
      const jobs = await load()
      return (await repo.list()).map((b) => toBackend(b, jobs))
    },

    async get(id: string): Promise<FarmBackend> {
      return toBackend(await existing(id), await load())
    },

    /** Tries a URL without registering it (the setup form's "Test connection"). */
    test(url: string): Promise<BackendTestResult> {
      return testBackendConnection(url, deps.testTimeoutMs)
    },

    /** The newest `limit` health entries of a backend, oldest first. */
    async health(id: string, limit: number): Promise<BackendHealthEntry[]> {
      await existing(id)
      return (await deps.health.latest(id, limit)).map(({ at, kind, state, reason, ok, latencyMs }) => ({
        at,
        kind,
        state,
        reason,
        ok,
        latencyMs,
      }))
    },

    /** Probes, discovers and registers; 409 for a known URL, 422 when unreachable. */
    async create(input: CreateFarmBackendRequest): Promise<FarmBackend> {
      const url = normaliseBackendUrl(input.url)
      if ((await repo.findByUrl(url)) !== null) throw new Conflict(`a backend with URL ${url} is already registered`)
      const { probeLatencyMs, ...found } = await discoverAt(url, deps.probeTimeoutMs)
      let record: BackendRecord
      try {
        record = await repo.insert({
          name: input.name,
          url,
          tags: input.tags,
          maxInFlight: input.maxInFlight,
          enabled: input.enabled,
          state: input.enabled ? 'online' : 'disabled',
          ...found,
        })
      } catch (err) {
        if (isUniqueViolation(err)) throw new Conflict(`a backend with URL ${url} is already registered`)
        throw err
      }
      // The history starts with the state it was registered in and the probe that admitted it.
      await deps.health.record({
        backendId: record.id,
        kind: 'transition',
        state: record.state,
        reason: null,
        ok: true,
        latencyMs: probeLatencyMs,
      })
      await dispatcher.syncBackends()
      return toBackend(record, await load())
    },

    async update(id: string, patch: UpdateFarmBackendRequest): Promise<FarmBackend> {
      const before = await existing(id)
      const stateChange =
        patch.enabled === false
          ? { state: 'disabled' as const, stateReason: 'disabled by a manager' }
          : patch.enabled === true && !before.enabled
            ? { state: 'degraded' as const, stateReason: 'checking' }
            : {}
      const updated = await repo.update(id, { ...patch, ...stateChange })
      if (updated === null) throw new NotFound('backend', id)
      // Switching a backend off or on is a state change of its own in the history.
      if (stateChange.state !== undefined && patch.enabled !== before.enabled)
        await deps.health.record({
          backendId: id,
          kind: 'transition',
          state: stateChange.state,
          reason: stateChange.stateReason,
          ok: stateChange.state !== 'disabled',
          latencyMs: null,
        })
      await dispatcher.syncBackends()
      return toBackend(updated, await load())
    },

    /** Removes a backend; its jobs in flight go back to the queue. */
    async remove(id: string): Promise<void> {
      await existing(id)
      await repo.delete(id)
      await dispatcher.syncBackends()
    },

    /** Re-reads capabilities now. */
    async refresh(id: string): Promise<FarmBackend> {
      const before = await existing(id)
      const rt = dispatcher.pool.get(id)
      if (rt) {
        try {
          await dispatcher.pool.refresh(rt)
        } catch (err) {
          throw new RuleViolation(`backend ${before.url} did not answer: ${describeFetchError(err)}`, {
            url: before.url,
          })
        }
      } else {
        const { probeLatencyMs: _, ...found } = await discoverAt(before.url, deps.probeTimeoutMs)
        await repo.update(id, found)
        await dispatcher.syncBackends()
      }
      return toBackend(await existing(id), await load())
    },

    /**
     * The backend's GPU agent stopped heartbeating: offline in the database and, on the
     * dispatching instance, in the live view too, so no prompt is placed there and its
     * prompts in flight go elsewhere, until `markAgentBack`.
     */
    async markAgentSilent(id: string, reason: string): Promise<void> {
      await existing(id)
      const rt = dispatcher.isLeader ? dispatcher.pool.get(id) : undefined
      if (rt) await dispatcher.pool.agentSilent(rt, reason)
      else await repo.update(id, { state: 'offline', stateReason: reason })
    },

    /**
     * On the dispatching instance: backends in `silent` leave placement (if they had not yet)
     * and backends no longer in it come back through their health checks.
     */
    async syncAgentSilence(silent: ReadonlyMap<string, string>): Promise<void> {
      if (!dispatcher.isLeader) return
      for (const rt of dispatcher.pool.all()) {
        const reason = silent.get(rt.record.id)
        if (reason !== undefined && rt.agentSilence === null) await dispatcher.pool.agentSilent(rt, reason)
        else if (reason === undefined && rt.agentSilence !== null) await dispatcher.pool.agentBack(rt)
      }
    },

    /** The agent beats again: the backend returns through its health checks; returns the state now. */
    async markAgentBack(id: string): Promise<FarmBackend> {
      const before = await existing(id)
      const rt = dispatcher.isLeader ? dispatcher.pool.get(id) : undefined
      if (rt) await dispatcher.pool.agentBack(rt)
      else if (before.enabled) {
        await repo.update(id, { state: 'online', stateReason: null, lastSeenAt: new Date().toISOString() })
      }
      return toBackend(await existing(id), await load())
    },

    /** Stores GPU facts from an agent heartbeat (utilisation, temperature, VRAM, power). */
    async recordGpuMetrics(id: string, metrics: GpuMetrics): Promise<void> {
      await existing(id)
      await repo.update(id, { gpuMetrics: metrics, lastSeenAt: new Date().toISOString() })
    },
  }
}
export type BackendService = ReturnType<typeof createBackendService>
