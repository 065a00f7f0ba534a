// Wire shapes of the LLM settings API (Settings → Models). Money is integer micro-dollars
// (1e-6 USD) everywhere; prices are micro-dollars per million tokens. API keys go in only:
// responses say `hasKey` and show the last 4 characters, never the key.
//
// The enums mirror packages/llm's (contracts may not import llm; it runs in the browser).
import { z } from 'zod'

export const LlmTaskClass = z.enum(['analysis', 'creative', 'enhance', 'summarise', 'embed'])
export const LlmProvider = z.enum(['openai', 'anthropic', 'google', 'ollama', 'openai-compatible'])
export const LlmLocality = z.enum(['local', 'cloud'])
export const LlmLatencyClass = z.enum(['fast', 'standard', 'slow'])
export const LlmBreakerState = z.enum(['closed', 'open', 'half-open'])

const Micros = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM')
// Ids travel into realtime room names (`project:<id>`), so they share the room-name alphabet.
const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, _ or -')

export const LlmCapabilities = z
  .object({ structuredOutput: z.boolean(), vision: z.boolean(), embeddings: z.boolean() })
  .strict()

export const LlmTokenPrices = z
  .object({ inputMicrosPerMillion: Micros, outputMicrosPerMillion: Micros })
  .strict()
  .meta({ id: 'LlmTokenPrices' })

export const LlmDeployment = z
  .object({
    id: z.string(),
    name: z.string(),
    provider: LlmProvider,
    modelId: z.string(),
    baseUrl: z.string().nullable(),
    hasKey: z.boolean(),
    /** Last 4 characters of the stored key, or null. */
    keyHint: z.string().nullable(),
    contextWindow: z.number().int(),
    maxOutputTokens: z.number().int(),
    /** Prices the router uses; `source` says where they come from. */
    prices: LlmTokenPrices.nullable(),
    priceSource: z.enum(['deployment', 'price-table', 'local', 'missing']),
    priceOverride: LlmTokenPrices.nullable(),
    capabilities: LlmCapabilities,
    locality: LlmLocality,
    latencyClass: LlmLatencyClass,
    taskClasses: z.array(LlmTaskClass),
    priority: z.number().int(),
    fallbackIds: z.array(z.string()),
    enabled: z.boolean(),
    health: LlmBreakerState,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'LlmDeployment' })
export type LlmDeployment = z.infer<typeof LlmDeployment>

const ApiKey = z.string().trim().min(1).max(1_000)

export const CreateLlmDeploymentRequest = z
  .object({
    name: z.string().trim().min(1).max(120),
    provider: LlmProvider,
    modelId: z.string().trim().min(1).max(200),
    baseUrl: z.url().max(500).nullable().optional(),
    apiKey: ApiKey.optional(),
    contextWindow: z.number().int().min(256).max(10_000_000),
    maxOutputTokens: z.number().int().min(16).max(1_000_000).default(4_096),
    priceOverride: LlmTokenPrices.nullable().default(null),
    capabilities: LlmCapabilities.default({ structuredOutput: true, vision: false, embeddings: false }),
    /** Defaults to local for ollama, cloud otherwise. */
    locality: LlmLocality.optional(),
    latencyClass: LlmLatencyClass.default('standard'),
    taskClasses: z.array(LlmTaskClass).min(1).default(['analysis', 'creative', 'enhance', 'summarise']),
    priority: z.number().int().min(-1_000).max(1_000).default(0),
    fallbackIds: z.array(Id).max(10).default([]),
    enabled: z.boolean().default(true),
  })
  .strict()

export const UpdateLlmDeploymentRequest = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    modelId: z.string().trim().min(1).max(200).optional(),
    baseUrl: z.url().max(500).nullable().optional(),
    /** A string replaces the stored key; null removes it. */
    apiKey: ApiKey.nullable().optional(),
    contextWindow: z.number().int().min(256).max(10_000_000).optional(),
    maxOutputTokens: z.number().int().min(16).max(1_000_000).optional(),
    priceOverride: LlmTokenPrices.nullable().optional(),
    capabilities: LlmCapabilities.optional(),
    locality: LlmLocality.optional(),
    latencyClass: LlmLatencyClass.optional(),
    taskClasses: z.array(LlmTaskClass).min(1).optional(),
    priority: z.number().int().min(-1_000).max(1_000).optional(),
    fallbackIds: z.array(Id).max(10).optional(),
    enabled: z.boolean().optional(),
  })
  .strict()

export const LlmIdParams = z.object({ id: Id }).strict()

export const LlmTestCallRequest = z
  .object({ prompt: z.string().min(1).max(2_000).default('Reply with the single word: ready') })
  .strict()

export const LlmUsageSummary = z
  .object({
    inputTokens: z.number().int(),
    outputTokens: z.number().int(),
    costMicros: Micros,
    latencyMs: z.number().int(),
    attempts: z.number().int(),
  })
  .meta({ id: 'LlmUsageSummary' })

export const LlmTestCallResult = z
  .object({
    ok: z.boolean(),
    text: z.string().nullable(),
    errorClass: z.string().nullable(),
    error: z.string().nullable(),
    usage: LlmUsageSummary.nullable(),
  })
  .meta({ id: 'LlmTestCallResult' })

export const LlmPrice = z
  .object({
    provider: LlmProvider,
    modelId: z.string(),
    inputMicrosPerMillion: Micros,
    outputMicrosPerMillion: Micros,
    contextWindow: z.number().int().nullable(),
    /** `seed` rows are list prices as of `asOf`; edited rows say when they were changed. */
    source: z.enum(['seed', 'edited']),
    asOf: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'LlmPrice' })

export const LlmPriceList = z.object({ seedAsOf: z.string(), items: z.array(LlmPrice) })

export const UpsertLlmPriceRequest = z
  .object({
    provider: LlmProvider,
    modelId: z.string().trim().min(1).max(200),
    inputMicrosPerMillion: Micros,
    outputMicrosPerMillion: Micros,
    contextWindow: z.number().int().positive().nullable().default(null),
  })
  .strict()

export const LlmBudget = z
  .object({
    projectId: z.string(),
    month: z.string(),
    limitMicros: Micros,
    spentMicros: Micros,
    override: z.boolean(),
    state: z.enum(['ok', 'alert', 'exceeded', 'overridden']),
    percent: z.number(),
    updatedAt: z.string(),
  })
  .meta({ id: 'LlmBudget' })
export type LlmBudget = z.infer<typeof LlmBudget>

export const LlmBudgetQuery = z.object({ projectId: Id.optional(), month: Month.optional() }).strict()

export const UpsertLlmBudgetRequest = z
  .object({
    projectId: Id,
    month: Month,
    limitMicros: Micros,
    /** Admins only: let calls continue past 100 % this month. */
    override: z.boolean().optional(),
  })
  .strict()

export const LlmUsageQuery = z
  .object({
    projectId: Id.optional(),
    deploymentId: Id.optional(),
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
    limit: z.coerce.number().int().min(1).max(1_000).default(100),
  })
  .strict()

export const LlmUsageEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    callId: z.string(),
    attempt: z.number().int(),
    deploymentId: z.string(),
    provider: z.string(),
    modelId: z.string(),
    taskClass: z.string(),
    inputTokens: z.number().int(),
    outputTokens: z.number().int(),
    costMicros: Micros,
    latencyMs: z.number().int(),
    outcome: z.string(),
    projectId: z.string().nullable(),
    jobId: z.string().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'LlmUsageEntry' })

export const LlmUsageAggregateQuery = z
  .object({
    groupBy: z.enum(['day', 'model', 'project', 'deployment']),
    projectId: Id.optional(),
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
  })
  .strict()

export const LlmUsageBucket = z.object({
  key: z.string(),
  calls: z.number().int(),
  failures: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costMicros: Micros,
})

export const LlmUsageAggregate = z
  .object({ groupBy: z.string(), totalCostMicros: Micros, buckets: z.array(LlmUsageBucket) })
  .meta({ id: 'LlmUsageAggregate' })

export const LlmEstimateRequest = z
  .object({
    taskClass: LlmTaskClass,
    system: z.string().max(200_000).optional(),
    /** Text parts of the prompt, in order. */
    messages: z
      .array(z.object({ role: z.enum(['user', 'assistant']), content: z.string().max(2_000_000) }).strict())
      .min(1)
      .max(500),
    maxOutputTokens: z.number().int().positive().max(1_000_000).optional(),
    privacy: z.enum(['any', 'local-only']).default('any'),
    projectId: Id.optional(),
  })
  .strict()

export const LlmEstimate = z
  .object({
    inputTokens: z.number().int(),
    estimatedCostMicros: Micros.nullable(),
    parts: z.array(
      z.object({
        messageIndex: z.number().int(),
        role: z.string(),
        kind: z.string(),
        tokens: z.number().int(),
        preview: z.string(),
      }),
    ),
    candidates: z.array(
      z.object({ deploymentId: z.string(), name: z.string(), modelId: z.string(), estimatedCostMicros: Micros }),
    ),
    skipped: z.array(z.object({ deploymentId: z.string(), reason: z.string() })),
    budget: z.object({ state: z.string(), remainingMicros: Micros.nullable() }),
  })
  .meta({ id: 'LlmEstimate' })

export const LlmBudgetAlertEvent = z.object({
  projectId: z.string(),
  month: z.string(),
  percent: z.union([z.literal(80), z.literal(100)]),
  limitMicros: Micros,
  spentMicros: Micros,
  override: z.boolean(),
  at: z.string(),
})
