// Encoders for the three wire formats the fake speaks: request parsing into FakeLlmRequest,
// success bodies, streaming chunks and each provider's real error shapes.
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { FakeEndpoint, FakeFault, FakeLlmRequest, FakeUsage, FakeWire } from './fake-llm.types'

const Message = z.object({ role: z.string(), content: z.unknown().optional() }).loose()
const Body = z
  .object({
    model: z.string().default(''),
    messages: z.array(Message).default([]),
    system: z.unknown().optional(),
    stream: z.boolean().optional(),
    response_format: z.object({ type: z.string() }).loose().optional(),
    format: z.unknown().optional(),
    tools: z.array(z.object({ name: z.string().optional() }).loose()).optional(),
    tool_choice: z.unknown().optional(),
    output_config: z.object({ format: z.unknown().optional() }).loose().optional(),
    output_format: z.unknown().optional(),
    /** Embeddings: a string or a list of strings (OpenAI and Ollama alike). */
    input: z.union([z.string(), z.array(z.string())]).optional(),
    /** OpenAI embeddings: the requested vector size. */
    dimensions: z.number().int().positive().optional(),
  })
  .loose()
export type ParsedBody = z.infer<typeof Body>

function textsOf(content: unknown): string[] {
  if (typeof content === 'string') return [content]
  if (!Array.isArray(content)) return []
  return content.flatMap((part: unknown) => {
    const parsed = z.object({ text: z.string() }).loose().safeParse(part)
    return parsed.success ? [parsed.data.text] : []
  })
}

/** The Anthropic json tool the AI SDK forces when it cannot use output_config. */
export function forcedToolName(body: ParsedBody): string | undefined {
  const named = z.object({ type: z.literal('tool'), name: z.string() }).safeParse(body.tool_choice)
  if (named.success) return named.data.name
  // `any` with a single tool is how the AI SDK forces its json tool.
  const any = z
    .object({ type: z.literal('any') })
    .loose()
    .safeParse(body.tool_choice)
  const only = body.tools?.length === 1 ? body.tools[0]?.name : undefined
  return any.success ? only : undefined
}

/** Normalises a parsed JSON body of any wire into what rules match on. */
export function toFakeRequest(
  wire: FakeWire,
  path: string,
  headers: Record<string, string>,
  raw: unknown,
  endpoint: FakeEndpoint = 'chat',
): FakeLlmRequest {
  const body = Body.parse(raw ?? {})
  if (endpoint === 'embed') {
    const inputs = body.input === undefined ? [] : typeof body.input === 'string' ? [body.input] : body.input
    return {
      wire,
      endpoint,
      path,
      model: body.model,
      headers,
      body: raw,
      promptText: inputs.join('\n'),
      inputs,
      wantsJson: false,
      stream: false,
    }
  }
  const texts = [...textsOf(body.system), ...body.messages.flatMap((m) => textsOf(m.content))]
  const wantsJson =
    (body.response_format !== undefined && body.response_format.type !== 'text') ||
    body.format !== undefined ||
    forcedToolName(body) !== undefined ||
    body.output_config?.format !== undefined ||
    body.output_format !== undefined
  const stream = wire === 'ollama' ? body.stream !== false : body.stream === true
  return {
    wire,
    endpoint,
    path,
    model: body.model,
    headers,
    body: raw,
    promptText: texts.join('\n'),
    inputs: [],
    wantsJson,
    stream,
  }
}

/** Token counts the fake reports when a reply does not script them (~4 characters per token). */
export function defaultUsage(request: FakeLlmRequest, output: string): FakeUsage {
  return {
    input: Math.max(1, Math.ceil(request.promptText.length / 4)),
    output: Math.max(1, Math.ceil(output.length / 4)),
  }
}

/**
 * A deterministic unit vector for a text: the same text always gives the same vector, at any
 * dimension, from SHA-256 of the text and a block counter.
 */
export function fakeEmbedding(text: string, dimension: number): number[] {
  const values: number[] = []
  for (let block = 0; values.length < dimension; block++) {
    const digest = createHash('sha256').update(`${block}\u0000${text}`).digest()
    for (let i = 0; i + 4 <= digest.length && values.length < dimension; i += 4) {
      values.push(digest.readUInt32BE(i) / 0xffffffff - 0.5)
    }
  }
  const norm = Math.sqrt(values.reduce((sum, v) => sum + v * v, 0)) || 1
  return values.map((v) => v / norm)
}

/** The vector size an embeddings request asked for (OpenAI `dimensions`), else the fake's default. */
export function embeddingDimensionOf(request: FakeLlmRequest, fallback: number): number {
  return Body.parse(request.body ?? {}).dimensions ?? fallback
}

/** Token counts of an embeddings request (~4 characters per token, at least 1 per input). */
export function embeddingUsage(request: FakeLlmRequest): FakeUsage {
  return { input: request.inputs.reduce((sum, t) => sum + Math.max(1, Math.ceil(t.length / 4)), 0), output: 0 }
}

/** Success body of an embeddings request: OpenAI's list of objects or Ollama's `embeddings`. */
export function embeddingsBody(request: FakeLlmRequest, vectors: number[][], usage: FakeUsage): unknown {
  if (request.wire === 'ollama') {
    return {
      model: request.model,
      embeddings: vectors,
      total_duration: 1_000_000,
      load_duration: 1_000,
      prompt_eval_count: usage.input,
    }
  }
  return {
    object: 'list',
    data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
    model: request.model,
    usage: { prompt_tokens: usage.input, total_tokens: usage.input },
  }
}

/** Success body for a non-streaming answer. */
export function successBody(request: FakeLlmRequest, text: string, usage: FakeUsage, toolInput?: unknown): unknown {
  const created = 1_700_000_000
  switch (request.wire) {
    case 'openai':
      return {
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        created,
        model: request.model,
        choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop', logprobs: null }],
        usage: {
          prompt_tokens: usage.input,
          completion_tokens: usage.output,
          total_tokens: usage.input + usage.output,
        },
      }
    case 'anthropic': {
      const tool = forcedToolName(Body.parse(request.body))
      const content =
        tool !== undefined
          ? [{ type: 'tool_use', id: 'toolu_fake', name: tool, input: toolInput ?? safeJson(text) }]
          : [{ type: 'text', text }]
      return {
        id: 'msg_fake',
        type: 'message',
        role: 'assistant',
        model: request.model,
        content,
        stop_reason: tool !== undefined ? 'tool_use' : 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: usage.input, output_tokens: usage.output },
      }
    }
    case 'ollama':
      return {
        model: request.model,
        created_at: new Date(created * 1000).toISOString(),
        message: { role: 'assistant', content: text },
        done: true,
        done_reason: 'stop',
        total_duration: 1_000_000,
        prompt_eval_count: usage.input,
        eval_count: usage.output,
      }
  }
}

function safeJson(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text)
    return value
  } catch {
    return {}
  }
}

/** Streaming frames: SSE `data:` lines for OpenAI, NDJSON lines for Ollama. */
export function streamFrames(request: FakeLlmRequest, text: string, usage: FakeUsage): string[] {
  const half = Math.ceil(text.length / 2)
  const pieces = [text.slice(0, half), text.slice(half)].filter((p) => p.length > 0)
  if (request.wire === 'ollama') {
    const chunks = pieces.map((p) => ({
      model: request.model,
      message: { role: 'assistant', content: p },
      done: false,
    }))
    const last = {
      model: request.model,
      message: { role: 'assistant', content: '' },
      done: true,
      done_reason: 'stop',
      prompt_eval_count: usage.input,
      eval_count: usage.output,
    }
    return [...chunks, last].map((c) => `${JSON.stringify(c)}\n`)
  }
  const base = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1_700_000_000, model: request.model }
  const chunks = pieces.map((p, i) => ({
    ...base,
    choices: [{ index: 0, delta: i === 0 ? { role: 'assistant', content: p } : { content: p }, finish_reason: null }],
  }))
  const finish = {
    ...base,
    choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
    usage: { prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output },
  }
  return [...chunks, finish].map((c) => `data: ${JSON.stringify(c)}\n\n`).concat('data: [DONE]\n\n')
}

export interface FaultResponse {
  status: number
  headers: Record<string, string>
  body: unknown
}

function presentedKey(request: FakeLlmRequest): string {
  const auth = request.headers.authorization?.replace(/^Bearer /, '')
  return auth ?? request.headers['x-api-key'] ?? '(none)'
}

/** The provider's real error response for a fault (status, headers, JSON body). */
export function faultResponse(
  request: FakeLlmRequest,
  fault: Exclude<FakeFault, { type: 'hang' | 'truncated-body' }>,
): FaultResponse {
  const limit = fault.type === 'context-length' ? (fault.limit ?? 8_192) : 0
  const key = fault.type === 'auth' && fault.echoKey ? presentedKey(request) : 'sk-...****'
  const spec = {
    'rate-limit': {
      status: 429,
      openai: ['rate_limit_exceeded', 'Rate limit reached for requests'],
      anthropic: 'rate_limit_error',
    },
    'server-error': {
      status: fault.type === 'server-error' ? (fault.status ?? 500) : 500,
      openai: ['server_error', 'The server had an error while processing your request. Sorry about that!'],
      anthropic: 'api_error',
    },
    'context-length': {
      status: 400,
      openai: [
        'context_length_exceeded',
        `This model's maximum context length is ${limit} tokens. However, your messages resulted in ${limit + 1000} tokens. Please reduce the length of the messages.`,
      ],
      anthropic: 'invalid_request_error',
    },
    auth: {
      status: 401,
      openai: [
        'invalid_api_key',
        `Incorrect API key provided: ${key}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      ],
      anthropic: 'authentication_error',
    },
    'content-policy': {
      status: 400,
      openai: ['content_policy_violation', 'Your request was rejected as a result of our safety system.'],
      anthropic: 'invalid_request_error',
    },
  }[fault.type]
  const headers: Record<string, string> =
    fault.type === 'rate-limit' ? { 'retry-after': String(fault.retryAfterSeconds ?? 1) } : {}
  const [code, openaiMessage] = spec.openai
  const anthropicMessage =
    fault.type === 'context-length' ? `prompt is too long: ${limit + 1000} tokens > ${limit} maximum` : openaiMessage
  const status =
    request.wire === 'anthropic' && fault.type === 'server-error' && fault.status === 529 ? 529 : spec.status
  switch (request.wire) {
    case 'openai':
      return {
        status,
        headers,
        body: {
          error: {
            message: openaiMessage,
            type: status === 429 ? 'requests' : 'invalid_request_error',
            param: null,
            code,
          },
        },
      }
    case 'anthropic':
      return {
        status,
        headers,
        body: {
          type: 'error',
          error: { type: status === 529 ? 'overloaded_error' : spec.anthropic, message: anthropicMessage },
        },
      }
    case 'ollama': {
      const message =
        fault.type === 'context-length' ? 'input length exceeds the context length' : (openaiMessage ?? 'error')
      return { status, headers, body: { error: message } }
    }
  }
}
