// A deployment as the API returns it, for the settings logic tests.
import type { LlmDeployment } from '@aipipeline/contracts'

export function deployment(overrides: Partial<LlmDeployment> = {}): LlmDeployment {
  return {
    id: 'd1',
    name: 'deployment',
    provider: 'openai',
    modelId: 'gpt-4o-mini',
    baseUrl: null,
    hasKey: true,
    keyHint: 'abcd',
    contextWindow: 128_000,
    maxOutputTokens: 4_096,
    prices: { inputMicrosPerMillion: 150_000, outputMicrosPerMillion: 600_000 },
    priceSource: 'price-table',
    priceOverride: null,
    capabilities: { structuredOutput: true, vision: false, embeddings: false },
    locality: 'cloud',
    latencyClass: 'standard',
    taskClasses: ['analysis', 'creative', 'enhance', 'summarise'],
    priority: 0,
    fallbackIds: [],
    enabled: true,
    health: 'closed',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  }
}
