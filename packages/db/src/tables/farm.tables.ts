// Row types for the render farm. Timestamps are ISO-8601 UTC text written by the app;
// JSON columns hold text parsed with zod in the repositories.

/** A ComfyUI server. `capabilities` = JSON {nodeClasses, models: {folder: files[]}}. */
export interface FarmBackendsTable {
  id: string
  name: string
  /** Normalised base URL, unique. */
  url: string
  /** JSON string array. */
  tags: string
  maxInFlight: number
  enabled: number
  /** online | degraded | offline | disabled */
  state: string
  stateReason: string | null
  capabilities: string
  capabilitiesAt: string | null
  vramGb: number
  comfyVersion: string | null
  /** Main model of the last prompt that started here (tracked from what we ran). */
  loadedModel: string | null
  /** Learned throughput, cost units per second; null until a job finished here. */
  speed: number | null
  /** JSON from the GPU agent's heartbeat, null without an agent. */
  gpuMetrics: string | null
  lastSeenAt: string | null
  createdAt: string
  updatedAt: string
}

export interface FarmWorkflowTemplatesTable {
  id: string
  name: string
  description: string
  /** API-format prompt JSON with `{placeholders}`. */
  prompt: string
  /** JSON: describeParameters() of the prompt. */
  parameters: string
  createdBy: string | null
  createdAt: string
  updatedAt: string
  /** A CPE target model id or `generic`. */
  modelFamily: string
  category: string
  /** JSON: `["image"]`, `["video"]`. */
  outputs: string
  /** JSON: `{nodeClasses, models: [{folder, name}]}`. */
  requirements: string
  builtIn: number
  revision: number
  /** The shipped library entry this template was seeded from. */
  libraryKey: string | null
  /** The shipped revision last written into it. */
  libraryRevision: number | null
  /** 1 once a user changed it: seeding never overwrites it again. */
  userEdited: number
}

export interface FarmWorkflowTemplateRevisionsTable {
  id: string
  templateId: string
  revision: number
  name: string
  description: string
  prompt: string
  parameters: string
  /** JSON: model family, category, outputs, requirements of that revision. */
  metadata: string
  editedBy: string | null
  createdAt: string
}

export interface FarmRenderJobsTable {
  id: string
  name: string
  /** queued | assigned | running | succeeded | failed | canceled | unschedulable */
  state: string
  /** 0–100, higher first. */
  priority: number
  /** The API prompt to run, parameters applied. */
  prompt: string
  parameters: string
  /** JSON JobRequirements. */
  requirements: string
  primaryModel: string | null
  /** Estimated work, cost units. */
  cost: number
  templateId: string | null
  /** The template's revision at submit; null without a template (or before templates had revisions). */
  templateRevision: number | null
  /** JSON [{versionId, parameter}]: versions fed into the workflow (lineage of its outputs). */
  inputVersions: string
  /** JSON [{parameter, sha256, kind, fileName, originalParameter?}]: files uploaded to the backend first. */
  inputFiles: string
  groupId: string | null
  shotId: string | null
  taskId: string | null
  submittedBy: string | null
  /** Backend of the current attempt (assigned/running). */
  backendId: string | null
  /** ComfyUI prompt_id of the current attempt; we generate it. */
  promptId: string | null
  attemptCount: number
  maxAttempts: number
  /** Retry backoff: not placed before this time. */
  nextAttemptAt: string | null
  /** After an out-of-memory error: only backends with more VRAM than this qualify. */
  vramAboveGb: number | null
  unschedulableReason: string | null
  /** JSON error of the last failure (message, type, node errors). */
  error: string | null
  /** 0..1 */
  progress: number
  queuedAt: string
  startedAt: string | null
  finishedAt: string | null
  createdAt: string
  updatedAt: string
}

export interface FarmJobAttemptsTable {
  id: string
  jobId: string
  number: number
  backendId: string
  backendName: string
  promptId: string
  outcome: string
  error: string | null
  submittedAt: string
  startedAt: string | null
  endedAt: string | null
  /** Fencing epoch of the leader lease the attempt was claimed under (null before leases). */
  leaderEpoch: number | null
}

export interface FarmJobOutputsTable {
  id: string
  jobId: string
  nodeId: string
  kind: string
  filename: string
  /** Relative to the storage root. */
  path: string
  thumbnailPath: string | null
  mime: string | null
  bytes: number
  sha256: string
  createdAt: string
}

/** A render from shots: one job group with its project, template, sweep axes and per-job values. */
export interface FarmRenderGroupsTable {
  id: string
  projectId: string | null
  templateId: string | null
  name: string
  variations: number
  /** JSON [{name, values}] in the order given. */
  axes: string
  /** JSON {jobId: {variation, seed, sweep}}. */
  jobValues: string
  submittedBy: string | null
  createdAt: string
}

/** A lease one instance holds at a time (the dispatcher's leadership). */
export interface FarmLeaderLeasesTable {
  name: string
  /** Instance id of the holder; null when never held. */
  holder: string | null
  /** Fencing token: grows by one every time the lease changes hands. */
  epoch: number
  /** Expiry in the database's clock, ms since the Unix epoch. */
  expiresAtMs: number
}

/** An input file of renders (image, mask, control image), one row per (project, content). */
export interface RenderInputsTable {
  projectId: string
  sha256: string
  /** image | mask | control */
  kind: string
  mediaType: string
  width: number
  height: number
  sizeBytes: number
  /** Root-relative, content-addressed. */
  path: string
  createdBy: string | null
  createdAt: string
}

/** A preprocessor job on a version; its output becomes a control input once it succeeds. */
export interface FarmControlMapsTable {
  jobId: string
  projectId: string
  sourceVersionId: string
  /** pose | depth | canny */
  preprocessor: string
  inputSha256: string | null
  createdAt: string
}

/** One entry of a backend's health history: a state change or a sampled probe. */
export interface FarmBackendHealthTable {
  id: string
  backendId: string
  at: string
  /** transition | probe */
  kind: string
  state: string
  reason: string | null
  /** 1 when the probe (or the state it led to) answered. */
  ok: number
  /** Round trip of the probe in milliseconds; null for transitions without one. */
  latencyMs: number | null
}

export interface FarmTables {
  farmBackends: FarmBackendsTable
  farmBackendHealth: FarmBackendHealthTable
  farmWorkflowTemplates: FarmWorkflowTemplatesTable
  farmWorkflowTemplateRevisions: FarmWorkflowTemplateRevisionsTable
  farmRenderJobs: FarmRenderJobsTable
  farmJobAttempts: FarmJobAttemptsTable
  farmJobOutputs: FarmJobOutputsTable
  farmLeaderLeases: FarmLeaderLeasesTable
  farmRenderGroups: FarmRenderGroupsTable
  renderInputs: RenderInputsTable
  farmControlMaps: FarmControlMapsTable
}
