// Deployment records for router tests, pointed at a fake LLM server.
import type { Deployment, ProviderKind } from '@aipipeline/llm'

let counter = 0

/** A deployment with sensible defaults; `fakeUrl` sets the base URL the provider needs. */
export function makeDeployment(overrides: Partial<Deployment> & { fakeUrl?: string } = {}): Deployment {
  counter += 1
  const { fakeUrl, ...rest } = overrides
  const provider: ProviderKind = rest.provider ?? 'openai'
  const local = provider === 'ollama'
  const root = fakeUrl ?? 'http://127.0.0.1:9'
  return {
    id: `dep-${counter}`,
    name: `deployment ${counter}`,
    provider,
    modelId: `model-${counter}`,
    baseUrl: provider === 'ollama' ? root : `${root}/v1`,
    hasKey: !local,
    contextWindow: 128_000,
    maxOutputTokens: 4_096,
    prices: local
      ? { inputMicrosPerMillion: 0, outputMicrosPerMillion: 0 }
      : { inputMicrosPerMillion: 2_500_000, outputMicrosPerMillion: 10_000_000 },
    capabilities: { structuredOutput: true, vision: false, embeddings: false },
    locality: local ? 'local' : 'cloud',
    latencyClass: 'standard',
    taskClasses: ['analysis', 'creative', 'enhance', 'summarise'],
    priority: 0,
    fallbackIds: [],
    enabled: true,
    revision: '1',
    ...rest,
  }
}
