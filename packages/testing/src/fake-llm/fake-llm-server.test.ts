import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { FAKE_EMBEDDING_DIMENSION, type FakeLlmServer, startFakeLlmServer } from './fake-llm-server'
import { fakeEmbedding } from './fake-llm-wire'

describe('fake LLM server', () => {
  let fake: FakeLlmServer
  beforeAll(async () => {
    fake = await startFakeLlmServer({ ollamaModels: [{ name: 'qwen2.5:14b' }] })
  })
  afterEach(() => fake.reset())
  afterAll(async () => fake.close())

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${fake.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })

  it('answers an OpenAI json_schema request with the scripted object and usage', async () => {
    fake.script({
      match: (r) => r.wantsJson,
      reply: { kind: 'json', value: { scenes: 3 }, usage: { input: 12, output: 5 } },
    })
    const res = await post('/v1/chat/completions', {
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'count scenes' }],
      response_format: { type: 'json_schema', json_schema: { name: 'x', schema: {} } },
    })
    const body = await res.json()
    expect(body.choices[0].message.content).toBe('{"scenes":3}')
    expect(body.usage).toEqual({ prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 })
    expect(fake.requests[0]).toMatchObject({
      wire: 'openai',
      model: 'gpt-4o',
      promptText: 'count scenes',
      wantsJson: true,
    })
  })

  it('streams OpenAI chunks as server-sent events ending in [DONE]', async () => {
    fake.enqueue({ kind: 'text', text: 'hello there' })
    const res = await post('/v1/chat/completions', {
      model: 'm',
      stream: true,
      messages: [{ role: 'user', content: 'hi' }],
    })
    const text = await res.text()
    expect(res.headers.get('content-type')).toBe('text/event-stream')
    expect(text.trim().endsWith('data: [DONE]')).toBe(true)
    expect(text).toContain('"content":"hello "')
  })

  it('answers Anthropic forced json tool calls with a tool_use block', async () => {
    fake.enqueue({ kind: 'json', value: { ok: true } })
    const res = await post('/v1/messages', {
      model: 'claude-sonnet-4-5',
      max_tokens: 100,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'go' }] }],
      tools: [{ name: 'json', input_schema: {} }],
      tool_choice: { type: 'tool', name: 'json' },
    })
    const body = await res.json()
    expect(body.content).toEqual([{ type: 'tool_use', id: 'toolu_fake', name: 'json', input: { ok: true } }])
    expect(body.stop_reason).toBe('tool_use')
  })

  it('speaks Ollama native chat and lists models at /api/tags', async () => {
    fake.enqueue({ kind: 'text', text: 'local answer', usage: { input: 7, output: 2 } })
    const res = await post('/api/chat', {
      model: 'qwen2.5:14b',
      stream: false,
      messages: [{ role: 'user', content: 'hi' }],
    })
    expect(await res.json()).toMatchObject({
      message: { content: 'local answer' },
      done: true,
      prompt_eval_count: 7,
      eval_count: 2,
    })
    const tags = await (await fetch(`${fake.url}/api/tags`)).json()
    expect(tags.models.map((m: { name: string }) => m.name)).toEqual(['qwen2.5:14b'])
  })

  it('returns 429 with Retry-After and each provider’s context-length wording', async () => {
    fake.enqueue({ kind: 'fault', fault: { type: 'rate-limit', retryAfterSeconds: 3 } })
    const limited = await post('/v1/chat/completions', { model: 'm', messages: [] })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('3')
    fake.script({ reply: { kind: 'fault', fault: { type: 'context-length', limit: 100 } } })
    const openai = await (await post('/v1/chat/completions', { model: 'm', messages: [] })).json()
    expect(openai.error.code).toBe('context_length_exceeded')
    const anthropic = await (await post('/v1/messages', { model: 'm', messages: [] })).json()
    expect(anthropic.error.message).toMatch(/^prompt is too long: \d+ tokens > 100 maximum$/)
    const ollama = await post('/api/chat', { model: 'm', messages: [] })
    expect(ollama.status).toBe(400)
    expect((await ollama.json()).error).toMatch(/context length/)
  })

  it('cuts a body in half and hangs until the client aborts', async () => {
    fake.enqueue({ kind: 'fault', fault: { type: 'truncated-body' } }, { kind: 'fault', fault: { type: 'hang' } })
    const truncated = await post('/v1/chat/completions', { model: 'm', messages: [] })
    await expect(truncated.json()).rejects.toThrow()
    const controller = new AbortController()
    const seen = fake.requests.length
    const hanging = fetch(`${fake.url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [] }),
      signal: controller.signal,
    })
    // Abort only once the server holds the request: aborted earlier, it could still arrive
    // after this test and take the next test's queued reply.
    while (fake.requests.length === seen) await new Promise((r) => setTimeout(r, 5))
    controller.abort()
    await expect(hanging).rejects.toThrow(/abort/i)
  })

  it('answers predicate rules before the queue, and a rule retires after `times`', async () => {
    fake.script({ match: (r) => r.model === 'a', reply: { kind: 'text', text: 'rule' }, times: 1 })
    fake.enqueue({ kind: 'text', text: 'queued' })
    const texts: string[] = []
    for (let i = 0; i < 2; i++) {
      const body = await (await post('/v1/chat/completions', { model: 'a', messages: [] })).json()
      texts.push(body.choices[0].message.content)
    }
    expect(texts).toEqual(['rule', 'queued'])
  })

  it('answers OpenAI /v1/embeddings and Ollama /api/embed with deterministic vectors in order', async () => {
    const openai = await (
      await post('/v1/embeddings', { model: 'e', input: ['a', 'bb'], encoding_format: 'float' })
    ).json()
    expect(openai.data.map((d: { index: number }) => d.index)).toEqual([0, 1])
    expect(openai.data[0].embedding).toEqual(fakeEmbedding('a', FAKE_EMBEDDING_DIMENSION))
    expect(openai.data[1].embedding).toHaveLength(FAKE_EMBEDDING_DIMENSION)
    expect(openai.usage).toEqual({ prompt_tokens: 2, total_tokens: 2 })
    const sized = await (await post('/v1/embeddings', { model: 'e', input: 'a', dimensions: 40 })).json()
    expect(sized.data[0].embedding).toEqual(fakeEmbedding('a', 40))
    const ollama = await (await post('/api/embed', { model: 'nomic', input: ['a', 'bb'] })).json()
    expect(ollama.embeddings).toEqual(openai.data.map((d: { embedding: number[] }) => d.embedding))
    expect(ollama.prompt_eval_count).toBe(2)
    expect(fake.requests.map((r) => [r.endpoint, r.inputs])).toEqual([
      ['embed', ['a', 'bb']],
      ['embed', ['a']],
      ['embed', ['a', 'bb']],
    ])
    const norm = Math.hypot(...fakeEmbedding('x', 64))
    expect(norm).toBeCloseTo(1, 10)
  })

  it('injects the same faults on the embeddings endpoints', async () => {
    fake.enqueue(
      { kind: 'fault', fault: { type: 'rate-limit', retryAfterSeconds: 2 } },
      { kind: 'fault', fault: { type: 'server-error' } },
      { kind: 'fault', fault: { type: 'truncated-body' } },
    )
    const limited = await post('/v1/embeddings', { model: 'e', input: ['a'] })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('2')
    const broken = await post('/api/embed', { model: 'e', input: ['a'] })
    expect(broken.status).toBe(500)
    expect((await broken.json()).error).toBeTypeOf('string')
    await expect((await post('/v1/embeddings', { model: 'e', input: ['a'] })).json()).rejects.toThrow()
    fake.script({ match: (r) => r.endpoint === 'embed', reply: { kind: 'embeddings', vectors: [[1, 0]] } })
    expect((await (await post('/api/embed', { model: 'e', input: ['a'] })).json()).embeddings).toEqual([[1, 0]])
  })
})
