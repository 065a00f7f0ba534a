// Agent runs and their step envelopes. JSON columns hold text parsed with zod on read;
// costs are integer micro-dollars like the LLM usage ledger.

/** One pipeline run (a script analysis, a prompt enhancement), executed as a background job. */
export interface AgentRunsTable {
  id: string
  projectId: string
  /** script-analysis | prompt-enhancement */
  pipeline: string
  /** queued | running | completed | failed | canceled */
  status: string
  /** Short label for lists (file name, shot description). */
  label: string
  /** JSON: the pipeline's input (the script text for an analysis). */
  input: string
  /** JSON: the pipeline's result, null until it completes. */
  output: string | null
  jobId: string | null
  createdBy: string
  /** Percent, 0..100. */
  progress: number
  progressMessage: string | null
  /** JSON {code, message, retryable} of the failure. */
  error: string | null
  /** applied | accepted | rejected, once the user reviewed the result. */
  decision: string | null
  decidedBy: string | null
  decidedAt: string | null
  createdAt: string
  updatedAt: string
  finishedAt: string | null
}

/** One step envelope: what an agent was given, what it returned, what it cost. */
export interface AgentStepsTable {
  id: string
  runId: string
  parentId: string | null
  /** Stable within the run ("analyse-chunk:3"); unique per run, so a retry reuses the row. */
  key: string
  agent: string
  /** running | completed | failed */
  status: string
  attempt: number
  input: string
  output: string | null
  /** JSON usage: model, tokens in/out, calls, repairs. */
  usage: string
  costMicros: number
  error: string | null
  /** Order of first start within the run. */
  position: number
  createdAt: string
  startedAt: string
  finishedAt: string | null
}

export interface AgentsTables {
  agentRuns: AgentRunsTable
  agentSteps: AgentStepsTable
}
