// Configuration and result types of the SmartRouter (see smart-router.ts).
import type { z } from 'zod'
import type { BudgetState } from '../budgets/budget-status'
import type { ContextReport } from '../context/token-estimator'
import type { ProviderOptions } from '../providers/provider-factory'
import type { SkippedDeployment } from './route-planner'
import type {
  BudgetGuard,
  CallUsage,
  DeploymentCatalog,
  RouteConstraints,
  RouterCall,
  UsageRecorder,
} from './router.ports'

export interface RouterPolicy {
  /** Attempts on one deployment before falling back (1 = no retry). */
  attemptsPerDeployment: number
  /** Attempts across all deployments for one call. */
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** A Retry-After longer than this is not waited for: the router falls back instead. */
  maxRetryAfterMs: number
  breakerFailures: number
  cooldownMs: number
  /** Per-attempt timeouts by the call's latency constraint. */
  timeoutMs: { fast: number; any: number }
}

export const DEFAULT_ROUTER_POLICY: RouterPolicy = {
  attemptsPerDeployment: 3,
  maxAttempts: 8,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
  breakerFailures: 3,
  cooldownMs: 30_000,
  timeoutMs: { fast: 30_000, any: 180_000 },
}

/** What the router reports to the host for logging; messages are already redacted. */
export type RouterEvent =
  | {
      type: 'attempt-failed'
      callId: string
      deploymentId: string
      attempt: number
      errorClass: string
      message: string
    }
  | { type: 'retry-scheduled'; callId: string; deploymentId: string; delayMs: number }

export interface SmartRouterDeps {
  catalog: DeploymentCatalog
  usage: UsageRecorder
  budgets?: BudgetGuard
  policy?: Partial<RouterPolicy>
  providerOptions?: ProviderOptions
  onEvent?: (event: RouterEvent) => void
  /** Injected so tests can observe backoff without waiting for it. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  random?: () => number
  now?: () => number
}

export interface RouteEstimate {
  inputTokens: number
  context: ContextReport
  /** Worst-case cost of the first candidate, or null when no deployment can take the call. */
  estimatedCostMicros: number | null
  candidates: { deploymentId: string; name: string; modelId: string; estimatedCostMicros: number }[]
  skipped: SkippedDeployment[]
  budget: { state: BudgetState; remainingMicros: number | null }
}

export type ObjectCall<T> = RouterCall & { schema: z.ZodType<T>; schemaName?: string }

/** Texts to embed (task class `embed`); only deployments with the embeddings capability take it. */
export interface EmbedCall {
  texts: string[]
  constraints?: RouteConstraints
  project?: string | null
  job?: string | null
  abortSignal?: AbortSignal
}

export interface EmbedResult {
  /** One vector per text, in the order of `texts`. */
  embeddings: number[][]
  usage: CallUsage
}
