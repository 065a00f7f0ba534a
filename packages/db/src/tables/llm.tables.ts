// Row types for the LLM layer: deployments (with their sealed API keys), the price table,
// monthly project budgets, the usage ledger and the vault canary. Money is integer
// micro-dollars (1e-6 USD); prices are micro-dollars per million tokens.

/** A configured model deployment. JSON columns are parsed with zod in the repository. */
export interface LlmDeploymentsTable {
  id: string
  name: string
  provider: string
  modelId: string
  baseUrl: string | null
  /** AES-256-GCM sealed key (see packages/llm credential-vault); never sent to clients. */
  apiKeySealed: string | null
  /** Last 4 characters of the key, the only part the API shows. */
  apiKeyHint: string | null
  contextWindow: number
  maxOutputTokens: number
  /** Own price override; null = use the price table. */
  inputMicrosPerMillion: number | null
  outputMicrosPerMillion: number | null
  /** JSON: {structuredOutput, vision, embeddings}. */
  capabilities: string
  locality: string
  latencyClass: string
  /** JSON array of task classes. */
  taskClasses: string
  priority: number
  /** JSON array of deployment ids. */
  fallbackIds: string
  enabled: number
  createdAt: string
  updatedAt: string
}

/** List price of one model; `source` is `seed` until an admin edits the row. */
export interface LlmPricesTable {
  id: string
  provider: string
  modelId: string
  inputMicrosPerMillion: number
  outputMicrosPerMillion: number
  contextWindow: number | null
  source: string
  /** Date the price was taken from the provider (seed) or edited. */
  asOf: string
  updatedAt: string
}

/** One project's budget for one month (`YYYY-MM`, UTC). */
export interface LlmBudgetsTable {
  id: string
  projectId: string
  month: string
  limitMicros: number
  /** 1 = an admin lets calls continue past 100 %. */
  override: number
  /** Highest alert already sent this month: 0, 80 or 100. */
  alertedPercent: number
  createdAt: string
  updatedAt: string
}

/** One provider attempt (successful or not). */
export interface LlmUsageTable {
  id: string
  at: string
  callId: string
  attempt: number
  deploymentId: string
  provider: string
  modelId: string
  taskClass: string
  inputTokens: number
  outputTokens: number
  costMicros: number
  latencyMs: number
  outcome: string
  projectId: string | null
  jobId: string | null
  error: string | null
}

/** Vault metadata; the `canary` row proves the master key at start. */
export interface LlmVaultTable {
  name: string
  sealed: string
  keyId: string
  createdAt: string
}

export interface LlmTables {
  llmDeployments: LlmDeploymentsTable
  llmPrices: LlmPricesTable
  llmBudgets: LlmBudgetsTable
  llmUsage: LlmUsageTable
  llmVault: LlmVaultTable
}
