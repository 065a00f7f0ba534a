// A deployment is one model reachable one way: a provider, a model id, where it lives and
// what it costs. The router chooses between deployments; Settings → Models edits them.
import { z } from 'zod'

export const TASK_CLASSES = ['analysis', 'creative', 'enhance', 'summarise', 'embed'] as const
export const TaskClass = z.enum(TASK_CLASSES)
export type TaskClass = z.infer<typeof TaskClass>

export const PROVIDER_KINDS = ['openai', 'anthropic', 'google', 'ollama', 'openai-compatible'] as const
export const ProviderKind = z.enum(PROVIDER_KINDS)
export type ProviderKind = z.infer<typeof ProviderKind>

export const Locality = z.enum(['local', 'cloud'])
export type Locality = z.infer<typeof Locality>

/** How quickly a deployment usually answers; requests may ask for `fast` only. */
export const LatencyClass = z.enum(['fast', 'standard', 'slow'])
export type LatencyClass = z.infer<typeof LatencyClass>

export const Capabilities = z.object({
  structuredOutput: z.boolean(),
  vision: z.boolean(),
  embeddings: z.boolean(),
})
export type Capabilities = z.infer<typeof Capabilities>

/**
 * Prices in micro-dollars (1e-6 USD) per million tokens, as integers, so cost arithmetic is
 * exact: $2.50 per million tokens is 2_500_000.
 */
export const TokenPrices = z.object({
  inputMicrosPerMillion: z.number().int().nonnegative(),
  outputMicrosPerMillion: z.number().int().nonnegative(),
})
export type TokenPrices = z.infer<typeof TokenPrices>

/** A deployment as the router sees it: prices already resolved (own override or price table). */
export const Deployment = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  provider: ProviderKind,
  modelId: z.string().min(1),
  /** Required for ollama and openai-compatible; overrides the provider default otherwise. */
  baseUrl: z.string().url().nullable(),
  /** Whether an API key is stored for it (the key itself never sits on this record). */
  hasKey: z.boolean(),
  contextWindow: z.number().int().positive(),
  maxOutputTokens: z.number().int().positive(),
  prices: TokenPrices,
  capabilities: Capabilities,
  locality: Locality,
  latencyClass: LatencyClass,
  /** Task classes this deployment serves. */
  taskClasses: z.array(TaskClass).min(1),
  /** Lower is tried first among equals. */
  priority: z.number().int(),
  /** Explicit fallback chain: deployment ids tried right after this one fails. */
  fallbackIds: z.array(z.string()),
  enabled: z.boolean(),
  /** Changes whenever the record or its key changes; cached provider clients key on it. */
  revision: z.string(),
})
export type Deployment = z.infer<typeof Deployment>

/** USD per million tokens → integer micro-dollars per million tokens. */
export function usdPerMillionToMicros(usd: number): number {
  return Math.round(usd * 1_000_000)
}

/** Integer micro-dollars per million tokens → USD per million tokens. */
export function microsToUsdPerMillion(micros: number): number {
  return micros / 1_000_000
}
