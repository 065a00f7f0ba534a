// What the agent module needs from the render farm. app.ts fills it from the farm module's
// services; tests may pass their own. Kept to the few calls a heartbeat makes.
import type { CreateFarmBackendRequest } from '@aipipeline/contracts'
import type { GpuMetrics } from '@aipipeline/db'
import type { BackendState } from '@aipipeline/domain'

export interface FarmBackendsPort {
  /** The backend registered at this normalised URL, if any. */
  findByUrl(url: string): Promise<{ id: string; state: BackendState } | null>
  /** Probes and registers a backend (throws a DomainError when it does not answer or exists). */
  register(input: CreateFarmBackendRequest): Promise<{ id: string; state: BackendState }>
  recordGpuMetrics(id: string, metrics: GpuMetrics): Promise<void>
  /** Takes a backend out of placement because its agent went silent. */
  markOffline(id: string, reason: string): Promise<void>
  /**
   * Every backend whose agent is silent now, by id with the reason: the dispatching instance
   * takes them out of placement and lets the others back in. Marks and beats may land on any
   * instance; this is how the one that places prompts (and a newly elected one) learns of them.
   */
  syncSilence(silent: ReadonlyMap<string, string>): Promise<void>
  /** The agent of a backend marked offline beats again and reaches its ComfyUI server. */
  markBack(id: string): Promise<{ id: string; state: BackendState }>
}
