// Ollama's native /api/embed as an AI SDK embedding model, for the same reason as the chat
// model (ollama-chat.model.ts): only the native API takes `options.num_ctx`, and `truncate:
// false` makes an input longer than the window an error (context_too_long, so the router
// moves to a larger window) instead of a silently truncated vector.
import type { EmbeddingModel } from 'ai'
import { z } from 'zod'
import { type OllamaHttpSettings, postOllama } from './ollama-http'

export type EmbeddingModelV3 = Extract<EmbeddingModel, { specificationVersion: 'v3' }>

export interface OllamaEmbeddingSettings extends OllamaHttpSettings {
  modelId: string
  /** Sent as options.num_ctx so no input is cut to Ollama's small default window. */
  contextWindow: number
}

const OllamaEmbedResponse = z.object({
  model: z.string().optional(),
  embeddings: z.array(z.array(z.number())),
  prompt_eval_count: z.number().int().nonnegative().optional(),
})

/** An AI SDK embedding model for one Ollama model over the native embed API. */
export function createOllamaEmbeddingModel(settings: OllamaEmbeddingSettings): EmbeddingModelV3 {
  return {
    specificationVersion: 'v3',
    provider: 'ollama',
    modelId: settings.modelId,
    maxEmbeddingsPerCall: 512,
    supportsParallelCalls: false, // one local GPU: batches queue behind each other anyway
    async doEmbed({ values, abortSignal }) {
      const body = {
        model: settings.modelId,
        input: values,
        truncate: false,
        options: { num_ctx: settings.contextWindow },
      }
      const { data, headers } = await postOllama(settings, '/api/embed', body, OllamaEmbedResponse, abortSignal)
      if (data.embeddings.length !== values.length) {
        throw new Error(`Ollama returned ${data.embeddings.length} embeddings for ${values.length} inputs`)
      }
      return {
        embeddings: data.embeddings,
        ...(data.prompt_eval_count !== undefined ? { usage: { tokens: data.prompt_eval_count } } : {}),
        response: { headers },
        warnings: [],
      }
    },
  }
}
