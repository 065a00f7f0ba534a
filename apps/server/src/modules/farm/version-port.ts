// What the farm needs from versions, as a port: the composition root passes the production
// module's ingest service, so the farm never imports production internals.
import type { Principal } from '../auth'

/** What every output of a succeeded render job for a task shares when it becomes a version. */
export interface FarmJobVersions {
  taskId: string
  renderJobId: string
  provenance: { prompt: string | null; negativePrompt: string | null; seed: number | null; model: string | null }
  parameters: Record<string, unknown>
  inputs: { versionId: string; parameter: string; role: string }[]
  authorId: string | null
  sidecar: {
    template: { id: string; revision: number | null } | null
    workflowHash: string
    models: { checkpoints: string[]; unets: string[]; loras: string[] }
    backend: { id: string; name: string } | null
    attemptIds: string[]
    timings: { queuedAt: string; startedAt: string | null; finishedAt: string | null }
    inputFiles?: { parameter: string; sha256: string; kind: 'image' | 'mask' | 'control' }[]
    control?: {
      parameter: string
      sha256: string
      strength: number | null
      startPercent: number | null
      endPercent: number | null
    } | null
  }
}

/** One output file of that job. */
export interface FarmOutputFile {
  renderOutputId: string
  source: { path: string; mediaType: string | null; sizeBytes: number; sha256: string }
  thumbnailPath: string | null
}

export interface VersionPort {
  /**
   * Stores the job's outputs as versions (the job's missing ones together), or returns the
   * versions they already became; in output order.
   */
  ingestOutputs(
    job: FarmJobVersions,
    outputs: readonly FarmOutputFile[],
  ): Promise<{ versionId: string; created: boolean }[]>
  /** Refuses inputs that are not versions of `projectId` the caller may see (NotFound naming the field). */
  assertInputVersions(principal: Principal, projectId: string, inputs: readonly { versionId: string }[]): Promise<void>
}
