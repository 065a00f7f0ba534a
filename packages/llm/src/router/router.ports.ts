// What the router needs from the outside: the deployment catalogue with keys, a usage ledger
// and the budget state. The server implements them on the database; tests and benchmarks
// use in-memory versions.
import type { ModelMessage } from 'ai'
import type { BudgetSnapshot } from '../budgets/budget-status'
import type { Deployment, TaskClass } from '../deployment/deployment'
import type { LlmErrorClass } from './llm-errors'

export interface DeploymentCatalog {
  /** Every configured deployment with resolved prices; called once per router call, so cache. */
  deployments(): Promise<readonly Deployment[]>
  /** The decrypted API key of a deployment, if one is stored. */
  apiKey(deploymentId: string): Promise<string | undefined>
}

export type CallOutcome = 'ok' | LlmErrorClass

/** One provider attempt, as written to the usage ledger. */
export interface UsageRecord {
  at: string
  deploymentId: string
  provider: string
  modelId: string
  taskClass: TaskClass
  inputTokens: number
  outputTokens: number
  /** Integer micro-dollars (1e-6 USD). */
  costMicros: number
  latencyMs: number
  outcome: CallOutcome
  /** Attempt number within the router call, from 1. */
  attempt: number
  /** Shared by all attempts of one router call. */
  callId: string
  project: string | null
  job: string | null
  /** Redacted error message for failed attempts. */
  error: string | null
}

export interface UsageRecorder {
  record(entry: UsageRecord): Promise<void>
}

export interface BudgetGuard {
  /** The project's budget for the month containing `at`, or undefined when it has none. */
  current(project: string, at: string): Promise<BudgetSnapshot | undefined>
}

export type Privacy = 'any' | 'local-only'

export interface RouteConstraints {
  /** `local-only`: the prompt must never leave the studio's own machines. */
  privacy?: Privacy
  /** Skip deployments whose worst-case estimate exceeds this (micro-dollars). */
  maxCostMicros?: number
  /** `fast`: only deployments marked fast; `any` (default) takes all. */
  latency?: 'fast' | 'any'
  needsStructuredOutput?: boolean
  needsVision?: boolean
  /** Use exactly this deployment (the Settings test call). */
  deploymentId?: string
  /** Per-attempt timeout override in milliseconds. */
  timeoutMs?: number
}

export interface RouterCall {
  taskClass: TaskClass
  messages: ModelMessage[]
  system?: string
  constraints?: RouteConstraints
  maxOutputTokens?: number
  temperature?: number
  project?: string | null
  job?: string | null
  abortSignal?: AbortSignal
}

export interface CallUsage {
  deploymentId: string
  modelId: string
  inputTokens: number
  outputTokens: number
  costMicros: number
  latencyMs: number
  attempts: number
}
