// Seed rows for the price table: providers' published list prices in USD per million tokens
// (standard tier, no batch or cache discounts, prompts under any long-context surcharge).
// They are a starting point, not a live feed: admins edit them in Settings → Models, and an
// edited row is no longer marked as seed data.
import type { ProviderKind } from '../deployment/deployment'

/** The date these list prices were taken from the providers' pricing pages. */
export const SEED_PRICES_AS_OF = '2025-11-01'

export interface SeedPrice {
  provider: ProviderKind
  modelId: string
  inputUsdPerMillion: number
  outputUsdPerMillion: number
  contextWindow: number
}

export const SEED_PRICES: readonly SeedPrice[] = [
  { provider: 'openai', modelId: 'gpt-5', inputUsdPerMillion: 1.25, outputUsdPerMillion: 10, contextWindow: 400_000 },
  {
    provider: 'openai',
    modelId: 'gpt-5-mini',
    inputUsdPerMillion: 0.25,
    outputUsdPerMillion: 2,
    contextWindow: 400_000,
  },
  {
    provider: 'openai',
    modelId: 'gpt-5-nano',
    inputUsdPerMillion: 0.05,
    outputUsdPerMillion: 0.4,
    contextWindow: 400_000,
  },
  { provider: 'openai', modelId: 'gpt-4.1', inputUsdPerMillion: 2, outputUsdPerMillion: 8, contextWindow: 1_047_576 },
  {
    provider: 'openai',
    modelId: 'gpt-4.1-mini',
    inputUsdPerMillion: 0.4,
    outputUsdPerMillion: 1.6,
    contextWindow: 1_047_576,
  },
  { provider: 'openai', modelId: 'gpt-4o', inputUsdPerMillion: 2.5, outputUsdPerMillion: 10, contextWindow: 128_000 },
  {
    provider: 'openai',
    modelId: 'gpt-4o-mini',
    inputUsdPerMillion: 0.15,
    outputUsdPerMillion: 0.6,
    contextWindow: 128_000,
  },
  {
    provider: 'openai',
    modelId: 'text-embedding-3-small',
    inputUsdPerMillion: 0.02,
    outputUsdPerMillion: 0,
    contextWindow: 8_191,
  },
  {
    provider: 'openai',
    modelId: 'text-embedding-3-large',
    inputUsdPerMillion: 0.13,
    outputUsdPerMillion: 0,
    contextWindow: 8_191,
  },
  {
    provider: 'anthropic',
    modelId: 'claude-opus-4-5',
    inputUsdPerMillion: 5,
    outputUsdPerMillion: 25,
    contextWindow: 200_000,
  },
  {
    provider: 'anthropic',
    modelId: 'claude-sonnet-4-5',
    inputUsdPerMillion: 3,
    outputUsdPerMillion: 15,
    contextWindow: 200_000,
  },
  {
    provider: 'anthropic',
    modelId: 'claude-haiku-4-5',
    inputUsdPerMillion: 1,
    outputUsdPerMillion: 5,
    contextWindow: 200_000,
  },
  {
    provider: 'google',
    modelId: 'gemini-2.5-pro',
    inputUsdPerMillion: 1.25,
    outputUsdPerMillion: 10,
    contextWindow: 1_048_576,
  },
  {
    provider: 'google',
    modelId: 'gemini-2.5-flash',
    inputUsdPerMillion: 0.3,
    outputUsdPerMillion: 2.5,
    contextWindow: 1_048_576,
  },
  {
    provider: 'google',
    modelId: 'gemini-2.5-flash-lite',
    inputUsdPerMillion: 0.1,
    outputUsdPerMillion: 0.4,
    contextWindow: 1_048_576,
  },
]
