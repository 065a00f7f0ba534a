// Ollama's native /api/chat as an AI SDK language model. We speak the native API rather than
// Ollama's OpenAI-compatible /v1 because only the native one takes `options.num_ctx`:
// without it Ollama runs every model at its small default context and silently drops the
// start of long prompts, which would defeat the router's context-window checks.
import type { LanguageModel } from 'ai'
import { z } from 'zod'
import { type OllamaHttpSettings, postOllama } from './ollama-http'

type LanguageModelV3 = Extract<LanguageModel, { specificationVersion: 'v3' }>
type CallOptions = Parameters<LanguageModelV3['doGenerate']>[0]
type GenerateResult = Awaited<ReturnType<LanguageModelV3['doGenerate']>>
type StreamResult = Awaited<ReturnType<LanguageModelV3['doStream']>>
type StreamPart = StreamResult['stream'] extends ReadableStream<infer P> ? P : never

export interface OllamaChatSettings extends OllamaHttpSettings {
  modelId: string
  /** Sent as options.num_ctx so the server allocates the whole window. */
  contextWindow: number
}

const OllamaChatResponse = z.object({
  model: z.string(),
  message: z.object({ role: z.string(), content: z.string() }),
  done: z.boolean(),
  done_reason: z.string().optional(),
  prompt_eval_count: z.number().int().nonnegative().optional(),
  eval_count: z.number().int().nonnegative().optional(),
})

interface OllamaMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
  images?: string[]
}

function base64Of(data: Uint8Array | string | URL): string {
  if (data instanceof URL) throw new Error('Ollama accepts inline images only, not URLs')
  return typeof data === 'string' ? data : Buffer.from(data).toString('base64')
}

function toOllamaMessages(prompt: CallOptions['prompt']): OllamaMessage[] {
  const out: OllamaMessage[] = []
  for (const message of prompt) {
    if (message.role === 'system') {
      out.push({ role: 'system', content: message.content })
      continue
    }
    if (message.role === 'tool') continue // no tool calling through this model
    const texts: string[] = []
    const images: string[] = []
    for (const part of message.content) {
      if (part.type === 'text') texts.push(part.text)
      else if (part.type === 'file' && part.mediaType.startsWith('image/')) images.push(base64Of(part.data))
    }
    out.push({ role: message.role, content: texts.join('\n'), ...(images.length > 0 ? { images } : {}) })
  }
  return out
}

function finishReasonOf(reason: string | undefined): GenerateResult['finishReason'] {
  return { unified: reason === 'length' ? 'length' : 'stop', raw: reason }
}

async function postChat(settings: OllamaChatSettings, options: CallOptions): Promise<GenerateResult> {
  const format = options.responseFormat?.type === 'json' ? (options.responseFormat.schema ?? 'json') : undefined
  const body = {
    model: settings.modelId,
    messages: toOllamaMessages(options.prompt),
    stream: false,
    ...(format !== undefined ? { format } : {}),
    options: {
      num_ctx: settings.contextWindow,
      ...(options.maxOutputTokens !== undefined ? { num_predict: options.maxOutputTokens } : {}),
      ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
      ...(options.topP !== undefined ? { top_p: options.topP } : {}),
      ...(options.topK !== undefined ? { top_k: options.topK } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.stopSequences !== undefined ? { stop: options.stopSequences } : {}),
    },
  }
  const { data, headers } = await postOllama(settings, '/api/chat', body, OllamaChatResponse, options.abortSignal)
  return {
    content: [{ type: 'text', text: data.message.content }],
    finishReason: finishReasonOf(data.done_reason),
    usage: {
      inputTokens: {
        total: data.prompt_eval_count,
        noCache: data.prompt_eval_count,
        cacheRead: undefined,
        cacheWrite: undefined,
      },
      outputTokens: { total: data.eval_count, text: data.eval_count, reasoning: undefined },
    },
    response: { modelId: data.model, headers },
    warnings: [],
  }
}

/** An AI SDK model for one Ollama model over the native chat API. */
export function createOllamaChatModel(settings: OllamaChatSettings): LanguageModelV3 {
  return {
    specificationVersion: 'v3',
    provider: 'ollama',
    modelId: settings.modelId,
    supportedUrls: {},
    doGenerate: (options) => postChat(settings, options),
    // The router never streams; a one-chunk stream keeps streamText usable for callers who do.
    async doStream(options) {
      const result = await postChat(settings, options)
      const first = result.content[0]
      const text = first?.type === 'text' ? first.text : ''
      const parts: StreamPart[] = [
        { type: 'stream-start', warnings: [] },
        { type: 'text-start', id: '0' },
        { type: 'text-delta', id: '0', delta: text },
        { type: 'text-end', id: '0' },
        { type: 'finish', usage: result.usage, finishReason: result.finishReason },
      ]
      return {
        stream: new ReadableStream<StreamPart>({
          start(controller) {
            for (const part of parts) controller.enqueue(part)
            controller.close()
          },
        }),
      }
    },
  }
}
