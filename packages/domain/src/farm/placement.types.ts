// What the placement policies see: a snapshot of backends and queued jobs. Everything is
// plain data; the dispatcher builds it from its live view and applies the placements.

/** What a job needs from a backend, extracted from its workflow plus the submitter's extras. */
export interface JobRequirements {
  /** ComfyUI node classes the workflow uses. */
  nodeClasses: readonly string[]
  /** Model files (any folder) the workflow loads. */
  models: readonly string[]
  /** Backend tags the submitter asked for; all must be present. */
  tags: readonly string[]
  /** Minimum VRAM in GB (0 = none). */
  minVramGb: number
}

export interface PlacementBackend {
  id: string
  /** Human name, used in reasons shown to users. */
  name: string
  /** Online and enabled: may receive new prompts now. */
  accepting: boolean
  /** False until /object_info was read once; such a backend can neither rule a job in nor out. */
  capabilitiesKnown: boolean
  nodeClasses: ReadonlySet<string>
  models: ReadonlySet<string>
  tags: readonly string[]
  vramGb: number
  /** Throughput in cost units per second (learned from finished jobs). */
  speed: number
  maxInFlight: number
  /** Prompts we have on it (running + pre-queued). */
  inFlight: number
  /** Cost units still to run on it (remaining part of the running prompt + the queued ones). */
  backlog: number
  /** Main model of the last prompt queued on it: what is loaded when our next prompt starts. */
  lastModel: string | null
}

export interface PlacementJob {
  id: string
  /** 0–100, higher first. */
  priority: number
  /** When the job (re)entered the queue, ms since epoch. */
  queuedAtMs: number
  requirements: JobRequirements
  /** The checkpoint / diffusion model whose load dominates a switch, if any. */
  primaryModel: string | null
  /** Estimated work in cost units (sampler steps × megapixels × latent frames). */
  cost: number
  /** Set after an out-of-memory error: only backends with strictly more VRAM qualify. */
  vramAboveGb: number | null
}

/** One decision: run `jobId` on `backendId` now. */
export interface Placement {
  jobId: string
  backendId: string
}
