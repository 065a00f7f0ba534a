// Builds an AI SDK model from a deployment record. Every provider gets the key from the
// vault (never from process.env: config.ts is the only env reader), and the SDK's own retry
// loop is switched off at each call site (`maxRetries: 0`): the router is the only retry loop.
import { createAnthropic } from '@ai-sdk/anthropic'
import { createGoogleGenerativeAI } from '@ai-sdk/google'
import { createOpenAI } from '@ai-sdk/openai'
import { createOpenAICompatible } from '@ai-sdk/openai-compatible'
import { assertNever } from '@aipipeline/domain'
import type { LanguageModel } from 'ai'
import type { Deployment } from '../deployment/deployment'
import { createOllamaChatModel } from './ollama-chat.model'
import { createOllamaEmbeddingModel, type EmbeddingModelV3 } from './ollama-embedding.model'

export interface ProviderOptions {
  /** Injected for tests and benchmarks; defaults to the global fetch. */
  fetch?: typeof fetch
}

/** Options every SDK provider takes: base URL, injected fetch and the key. */
function sdkOptions(deployment: Deployment, apiKey: string | undefined, options: ProviderOptions) {
  const baseURL = deployment.baseUrl ?? undefined
  // An empty string (not undefined) stops the SDKs from falling back to OPENAI_API_KEY & co.
  return { ...(baseURL ? { baseURL } : {}), ...(options.fetch ? { fetch: options.fetch } : {}), apiKey: apiKey ?? '' }
}

/** Ollama speaks its native API (chat and embed) at the deployment's base URL. */
function ollamaOptions(deployment: Deployment, options: ProviderOptions) {
  return {
    baseUrl: deployment.baseUrl ?? 'http://127.0.0.1:11434',
    modelId: deployment.modelId,
    contextWindow: deployment.contextWindow,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  }
}

/** Any OpenAI-compatible server; it needs an explicit base URL. */
function compatibleProvider(deployment: Deployment, apiKey: string | undefined, options: ProviderOptions) {
  if (!deployment.baseUrl) throw new Error(`deployment ${deployment.name} needs a base URL`)
  return createOpenAICompatible({
    name: 'openai-compatible',
    baseURL: deployment.baseUrl,
    ...(apiKey ? { apiKey } : {}),
    supportsStructuredOutputs: deployment.capabilities.structuredOutput,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  })
}

/** The AI SDK language model for a deployment, authenticated with `apiKey`. */
export function createLanguageModel(
  deployment: Deployment,
  apiKey: string | undefined,
  options: ProviderOptions = {},
): LanguageModel {
  const sdk = sdkOptions(deployment, apiKey, options)
  switch (deployment.provider) {
    case 'openai':
      // Chat Completions, not the Responses API: it is what every OpenAI-compatible server speaks too.
      return createOpenAI(sdk).chat(deployment.modelId)
    case 'anthropic':
      return createAnthropic(sdk).languageModel(deployment.modelId)
    case 'google':
      return createGoogleGenerativeAI(sdk).languageModel(deployment.modelId)
    case 'ollama':
      return createOllamaChatModel(ollamaOptions(deployment, options))
    case 'openai-compatible':
      return compatibleProvider(deployment, apiKey, options).chatModel(deployment.modelId)
    default:
      return assertNever(deployment.provider, 'provider')
  }
}

/** The AI SDK embedding model for a deployment whose capabilities include embeddings. */
export function createEmbeddingModel(
  deployment: Deployment,
  apiKey: string | undefined,
  options: ProviderOptions = {},
): EmbeddingModelV3 {
  const sdk = sdkOptions(deployment, apiKey, options)
  switch (deployment.provider) {
    case 'openai':
      return createOpenAI(sdk).embedding(deployment.modelId)
    case 'google':
      return createGoogleGenerativeAI(sdk).embedding(deployment.modelId)
    case 'ollama':
      return createOllamaEmbeddingModel(ollamaOptions(deployment, options))
    case 'openai-compatible':
      return compatibleProvider(deployment, apiKey, options).embeddingModel(deployment.modelId)
    case 'anthropic':
      throw new Error(`deployment ${deployment.name}: Anthropic has no embeddings API`)
    default:
      return assertNever(deployment.provider, 'provider')
  }
}
