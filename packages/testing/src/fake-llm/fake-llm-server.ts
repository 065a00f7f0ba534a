// A local HTTP server that speaks OpenAI chat completions and embeddings, Anthropic messages
// and Ollama's native chat, embed and tags APIs, answering from a script: rules matched on the request, then a
// FIFO queue, then a default echo. Faults reproduce each provider's real error shapes.
// No test reaches a real provider; point deployments at `fake.url` instead.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { FakeEndpoint, FakeLlmReply, FakeLlmRequest, FakeLlmRule, FakeWire, OllamaTag } from './fake-llm.types'
import {
  defaultUsage,
  embeddingDimensionOf,
  embeddingsBody,
  embeddingUsage,
  fakeEmbedding,
  faultResponse,
  streamFrames,
  successBody,
  toFakeRequest,
} from './fake-llm-wire'

export interface FakeLlmServer {
  /** Root URL, e.g. http://127.0.0.1:54321 (OpenAI/Anthropic base URLs add /v1). */
  url: string
  /** Every request received, in order. */
  requests: FakeLlmRequest[]
  /** Adds a rule; rules are tried in the order added. */
  script(rule: FakeLlmRule): void
  /** Queues replies answered in order by requests no rule matched. */
  enqueue(...replies: FakeLlmReply[]): void
  /** Forgets rules, queue and request log. */
  reset(): void
  close(): Promise<void>
}

export interface FakeLlmOptions {
  /** Latency added to every answer, in milliseconds (the fake's own latency in benchmarks). */
  latencyMs?: number
  /** Models listed by GET /api/tags. */
  ollamaModels?: OllamaTag[]
  /** When false, the request log is not kept (long benchmarks). */
  keepRequests?: boolean
  /** Size of the deterministic embedding vectors when a request does not ask (default 16). */
  embeddingDimension?: number
}

/** Vector size of the fake's embeddings unless configured or requested otherwise. */
export const FAKE_EMBEDDING_DIMENSION = 16

const ROUTES: Record<string, { wire: FakeWire; endpoint: FakeEndpoint }> = {
  '/v1/chat/completions': { wire: 'openai', endpoint: 'chat' },
  '/chat/completions': { wire: 'openai', endpoint: 'chat' },
  '/v1/embeddings': { wire: 'openai', endpoint: 'embed' },
  '/embeddings': { wire: 'openai', endpoint: 'embed' },
  '/v1/messages': { wire: 'anthropic', endpoint: 'chat' },
  '/api/chat': { wire: 'ollama', endpoint: 'chat' },
  '/api/embed': { wire: 'ollama', endpoint: 'embed' },
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers })
  res.end(text)
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') out[k] = v
  return out
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Starts the fake on 127.0.0.1 at a free port. */
export async function startFakeLlmServer(options: FakeLlmOptions = {}): Promise<FakeLlmServer> {
  const rules: { rule: FakeLlmRule; left: number }[] = []
  const queue: FakeLlmReply[] = []
  const requests: FakeLlmRequest[] = []

  function pick(request: FakeLlmRequest): FakeLlmReply {
    for (const entry of rules) {
      if (entry.left <= 0 || (entry.rule.match && !entry.rule.match(request))) continue
      entry.left -= 1
      return typeof entry.rule.reply === 'function' ? entry.rule.reply(request) : entry.rule.reply
    }
    const queued = queue.shift()
    if (queued) return queued
    if (request.endpoint === 'embed') return { kind: 'embeddings' }
    return { kind: 'text', text: request.wantsJson ? '{}' : `echo: ${request.promptText.slice(-200)}` }
  }

  function vectorsFor(request: FakeLlmRequest, scripted: number[][] | undefined): number[][] {
    if (scripted) return scripted
    const dimension = embeddingDimensionOf(request, options.embeddingDimension ?? FAKE_EMBEDDING_DIMENSION)
    return request.inputs.map((text) => fakeEmbedding(text, dimension))
  }

  async function answer(res: ServerResponse, request: FakeLlmRequest, reply: FakeLlmReply): Promise<void> {
    const wait = (options.latencyMs ?? 0) + (reply.delayMs ?? 0)
    if (wait > 0) await delay(wait)
    if (reply.kind === 'fault') {
      if (reply.fault.type === 'hang') return // the socket stays open; close() destroys it
      if (reply.fault.type === 'truncated-body') {
        const body =
          request.endpoint === 'embed'
            ? embeddingsBody(request, vectorsFor(request, undefined), embeddingUsage(request))
            : successBody(request, 'never complete', { input: 1, output: 1 })
        const full = JSON.stringify(body)
        res.writeHead(200, { 'content-type': 'application/json' })
        return void res.end(full.slice(0, Math.floor(full.length / 2)))
      }
      const fault = faultResponse(request, reply.fault)
      return sendJson(res, fault.status, fault.body, fault.headers)
    }
    if (request.endpoint === 'embed') {
      const scripted = reply.kind === 'embeddings' ? reply : undefined
      const usage = scripted?.usage ?? embeddingUsage(request)
      return sendJson(res, 200, embeddingsBody(request, vectorsFor(request, scripted?.vectors), usage))
    }
    if (reply.kind === 'embeddings') {
      return sendJson(res, 400, { error: 'fake LLM: an embeddings reply scripted for a chat request' })
    }
    const text = reply.kind === 'json' ? JSON.stringify(reply.value) : reply.text
    const usage = reply.usage ?? defaultUsage(request, text)
    if (request.stream) {
      const ndjson = request.wire === 'ollama'
      res.writeHead(200, { 'content-type': ndjson ? 'application/x-ndjson' : 'text/event-stream' })
      for (const frame of streamFrames(request, text, usage)) res.write(frame)
      return void res.end()
    }
    sendJson(res, 200, successBody(request, text, usage, reply.kind === 'json' ? reply.value : undefined))
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://fake').pathname
    if (req.method === 'GET' && path === '/api/tags') {
      const models = (options.ollamaModels ?? []).map((m) => ({
        name: m.name,
        model: m.name,
        modified_at: '2025-11-01T00:00:00Z',
        size: m.sizeBytes ?? 4_000_000_000,
        digest: 'sha256:fake',
        details: {
          format: 'gguf',
          family: 'fake',
          parameter_size: m.parameterSize ?? '7B',
          quantization_level: 'Q4_K_M',
        },
      }))
      return sendJson(res, 200, { models })
    }
    const route = ROUTES[path]
    if (req.method !== 'POST' || route === undefined)
      return sendJson(res, 404, { error: `fake LLM: no route ${req.method} ${path}` })
    const text = await readBody(req)
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch {
      return sendJson(res, 400, { error: 'fake LLM: body is not JSON' })
    }
    const request = toFakeRequest(route.wire, path, headersOf(req), raw, route.endpoint)
    if (options.keepRequests !== false) requests.push(request)
    await answer(res, request, pick(request))
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: `fake LLM crashed: ${String(err)}` })
    })
  })
  server.keepAliveTimeout = 1_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('fake LLM: no TCP address')
  const port = address.port

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(rule) {
      rules.push({ rule, left: rule.times ?? Number.POSITIVE_INFINITY })
    },
    enqueue(...replies) {
      queue.push(...replies)
    },
    reset() {
      rules.length = 0
      queue.length = 0
      requests.length = 0
    },
    close() {
      server.closeAllConnections()
      return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())))
    },
  }
}
