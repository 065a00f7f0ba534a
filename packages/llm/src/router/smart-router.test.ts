// The router's promises, against the fake LLM server over real sockets: fallback, cooldown
// and recovery, Retry-After, context-window fallback, privacy, budgets and exact costs.
import { type FakeLlmServer, makeDeployment, startFakeLlmServer } from '@aipipeline/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { Deployment } from '../deployment/deployment'
import { createInMemoryBudgets, createInMemoryCatalog, createInMemoryUsage } from './in-memory-ports'
import { RouterFailed } from './llm-errors'
import { createSmartRouter } from './smart-router'
import type { RouterPolicy } from './smart-router.types'

let fake: FakeLlmServer
beforeAll(async () => {
  fake = await startFakeLlmServer()
})
afterEach(() => fake.reset())
afterAll(async () => fake.close())

const ask = (text: string) => ({ taskClass: 'analysis' as const, messages: [{ role: 'user' as const, content: text }] })
const modelsCalled = () => fake.requests.map((r) => r.model)

function setup(
  deployments: Deployment[],
  opts: { policy?: Partial<RouterPolicy>; limits?: Record<string, { limitMicros: number; override?: boolean }> } = {},
) {
  const usage = createInMemoryUsage()
  const delays: number[] = []
  const keys = Object.fromEntries(
    deployments.filter((d) => d.hasKey).map((d) => [d.id, `sk-test-${d.id}-0123456789abcdef`]),
  )
  const router = createSmartRouter({
    catalog: createInMemoryCatalog(deployments, keys),
    usage,
    budgets: createInMemoryBudgets(usage, opts.limits ?? {}),
    policy: { baseDelayMs: 1, maxDelayMs: 4, ...opts.policy },
    sleep: async (ms) => {
      delays.push(ms)
    },
    random: () => 0.5,
  })
  return { router, usage, delays, keys }
}

describe('SmartRouter', () => {
  it('tries the local deployment first and falls back to the cloud one on repeated 500s', async () => {
    const local = makeDeployment({ provider: 'ollama', modelId: 'local-a', fakeUrl: fake.url })
    const cloud = makeDeployment({ provider: 'openai', modelId: 'cloud-b', fakeUrl: fake.url })
    fake.script({ match: (r) => r.model === 'local-a', reply: { kind: 'fault', fault: { type: 'server-error' } } })
    fake.script({ match: (r) => r.model === 'cloud-b', reply: { kind: 'text', text: 'from the cloud' } })
    const { router, usage } = setup([cloud, local], { policy: { attemptsPerDeployment: 2 } })
    const result = await router.generateText(ask('hello'))
    expect(result.text).toBe('from the cloud')
    expect(modelsCalled()).toEqual(['local-a', 'local-a', 'cloud-b'])
    expect(usage.records.map((r) => [r.modelId, r.outcome])).toEqual([
      ['local-a', 'transient'],
      ['local-a', 'transient'],
      ['cloud-b', 'ok'],
    ])
    expect(new Set(usage.records.map((r) => r.callId)).size).toBe(1)
  })

  it('cools a deployment down after repeated failures and brings it back after the cooldown', async () => {
    const local = makeDeployment({ provider: 'ollama', modelId: 'flaky', fakeUrl: fake.url })
    const cloud = makeDeployment({ provider: 'openai', modelId: 'steady', fakeUrl: fake.url })
    fake.script({
      match: (r) => r.model === 'flaky',
      reply: { kind: 'fault', fault: { type: 'server-error', status: 503 } },
      times: 2,
    })
    const { router } = setup([local, cloud], {
      policy: { attemptsPerDeployment: 1, breakerFailures: 2, cooldownMs: 80 },
    })
    await router.generateText(ask('one'))
    await router.generateText(ask('two'))
    expect(router.health()[local.id]).toBe('open')
    fake.reset()
    await router.generateText(ask('three'))
    expect(modelsCalled()).toEqual(['steady']) // the flaky deployment was not contacted
    await new Promise((r) => setTimeout(r, 120)) // let the cooldown pass
    fake.reset()
    const recovered = await router.generateText(ask('four'))
    expect(modelsCalled()).toEqual(['flaky'])
    expect(recovered.usage.deploymentId).toBe(local.id)
    expect(router.health()[local.id]).toBe('closed')
  })

  it('waits at least Retry-After before retrying the same deployment', async () => {
    const cloud = makeDeployment({ modelId: 'limited', fakeUrl: fake.url })
    fake.enqueue(
      { kind: 'fault', fault: { type: 'rate-limit', retryAfterSeconds: 2 } },
      { kind: 'text', text: 'finally' },
    )
    const { router, delays } = setup([cloud])
    const result = await router.generateText(ask('hi'))
    expect(result.text).toBe('finally')
    expect(delays).toHaveLength(1)
    expect(delays[0]).toBeGreaterThanOrEqual(2_000)
    expect(result.usage.attempts).toBe(2)
  })

  it('falls back instead of waiting when Retry-After is longer than the router will wait', async () => {
    const a = makeDeployment({ modelId: 'slow-limit', fakeUrl: fake.url, priority: 0 })
    const b = makeDeployment({ modelId: 'other', fakeUrl: fake.url, priority: 1 })
    fake.script({
      match: (r) => r.model === 'slow-limit',
      reply: { kind: 'fault', fault: { type: 'rate-limit', retryAfterSeconds: 120 } },
    })
    const { router, delays } = setup([a, b])
    expect((await router.generateText(ask('x'))).usage.deploymentId).toBe(b.id)
    expect(delays).toEqual([])
  })

  it('skips deployments whose window is too small for the prompt, and escalates on a context-length error', async () => {
    const small = makeDeployment({ provider: 'ollama', modelId: 'small', contextWindow: 1_000, fakeUrl: fake.url })
    const medium = makeDeployment({ modelId: 'medium', contextWindow: 16_000, priority: 0, fakeUrl: fake.url })
    const alsoMedium = makeDeployment({ modelId: 'medium-2', contextWindow: 16_000, priority: 1, fakeUrl: fake.url })
    const large = makeDeployment({
      provider: 'anthropic',
      modelId: 'large',
      contextWindow: 200_000,
      priority: 2,
      fakeUrl: fake.url,
    })
    fake.script({
      match: (r) => r.model === 'medium',
      reply: { kind: 'fault', fault: { type: 'context-length', limit: 16_000 } },
    })
    const { router } = setup([small, medium, alsoMedium, large])
    const long = ask('word '.repeat(2_000)) // ~2,900 estimated tokens: too big for 1,000
    const estimate = await router.estimate(long)
    expect(estimate.skipped).toContainEqual({ deploymentId: small.id, reason: expect.stringMatching(/^context:/) })
    const result = await router.generateText(long)
    expect(result.usage.deploymentId).toBe(large.id)
    expect(modelsCalled()).toEqual(['medium', 'large'])
  })

  it('never sends a local-only call to a cloud deployment, even when every local one fails', async () => {
    const local = makeDeployment({ provider: 'ollama', modelId: 'private', fakeUrl: fake.url })
    const cloud = makeDeployment({ modelId: 'public', fakeUrl: fake.url })
    fake.script({ match: (r) => r.model === 'private', reply: { kind: 'fault', fault: { type: 'server-error' } } })
    const { router } = setup([local, cloud])
    const call = router.generateText({
      ...ask('confidential script'),
      constraints: { privacy: 'local-only', deploymentId: cloud.id },
    })
    await expect(call).rejects.toBeInstanceOf(RouterFailed)
    const call2 = router.generateText({ ...ask('confidential script'), constraints: { privacy: 'local-only' } })
    await expect(call2).rejects.toThrow(/privacy: local-only/)
    expect(modelsCalled().every((m) => m === 'private')).toBe(true)
  })

  it('stops at 100 % of a project budget before any model is called, unless overridden', async () => {
    const cloud = makeDeployment({ modelId: 'paid', fakeUrl: fake.url })
    fake.script({ reply: { kind: 'text', text: 'ok', usage: { input: 400_000, output: 0 } } }) // $1.00 at $2.50/M
    const { router, usage } = setup([cloud], { limits: { film: { limitMicros: 1_000_000 } } })
    await router.generateText({ ...ask('spend it'), project: 'film' })
    expect(usage.records[0]?.costMicros).toBe(1_000_000)
    await expect(router.generateText({ ...ask('more'), project: 'film' })).rejects.toThrow(
      /budget of project film is spent/,
    )
    expect(fake.requests).toHaveLength(1)
    const overridden = setup([cloud], { limits: { film: { limitMicros: 1, override: true } } })
    await overridden.router.generateText({ ...ask('a'), project: 'film' })
    await expect(overridden.router.generateText({ ...ask('b'), project: 'film' })).resolves.toBeDefined()
  })

  it('records tokens, cost to the micro-dollar, latency, project and job of every call', async () => {
    const cloud = makeDeployment({
      modelId: 'priced',
      fakeUrl: fake.url,
      prices: { inputMicrosPerMillion: 2_500_000, outputMicrosPerMillion: 10_000_000 },
    })
    fake.enqueue({ kind: 'text', text: 'done', usage: { input: 1_234, output: 567 } })
    const { router, usage } = setup([cloud])
    const result = await router.generateText({ ...ask('cost me'), project: 'p1', job: 'j1' })
    // 1,234 × $2.50/M + 567 × $10/M = 3,085 + 5,670 micro-dollars.
    expect(result.usage.costMicros).toBe(8_755)
    expect(usage.records).toEqual([
      expect.objectContaining({
        deploymentId: cloud.id,
        modelId: 'priced',
        inputTokens: 1_234,
        outputTokens: 567,
        costMicros: 8_755,
        outcome: 'ok',
        project: 'p1',
        job: 'j1',
        taskClass: 'analysis',
      }),
    ])
    expect(usage.records[0]?.latencyMs).toBeGreaterThanOrEqual(0)
  })

  it('returns schema-checked objects over OpenAI, Anthropic and Ollama wires', async () => {
    const Scene = z.object({ heading: z.string(), characters: z.array(z.string()) })
    const value = { heading: 'INT. STUDIO - NIGHT', characters: ['MINA'] }
    // claude-sonnet-4-5 gets Anthropic's native output format; an unknown model id the json tool.
    const models = [
      ['openai', 'gpt-4o'],
      ['anthropic', 'claude-sonnet-4-5'],
      ['anthropic', 'custom-claude'],
      ['ollama', 'qwen2.5:14b'],
    ] as const
    for (const [provider, modelId] of models) {
      fake.reset()
      fake.enqueue({ kind: 'json', value })
      const { router } = setup([makeDeployment({ provider, modelId, fakeUrl: fake.url })])
      const { object } = await router.generateObject({ ...ask('analyse'), schema: Scene, schemaName: 'scene' })
      expect(object).toEqual(value)
      expect(fake.requests[0]?.wantsJson).toBe(true)
    }
  })

  it('moves to the next deployment when a model answers with invalid JSON, and still bills its tokens', async () => {
    const a = makeDeployment({ modelId: 'sloppy', fakeUrl: fake.url, priority: 0 })
    const b = makeDeployment({ modelId: 'careful', fakeUrl: fake.url, priority: 1 })
    fake.script({
      match: (r) => r.model === 'sloppy',
      reply: { kind: 'raw', text: '{"heading": "INT.', usage: { input: 100, output: 10 } },
    })
    fake.script({ match: (r) => r.model === 'careful', reply: { kind: 'json', value: { heading: 'x' } } })
    const { router, usage } = setup([a, b])
    const { object } = await router.generateObject({ ...ask('go'), schema: z.object({ heading: z.string() }) })
    expect(object).toEqual({ heading: 'x' })
    expect(usage.records[0]).toMatchObject({
      outcome: 'invalid_output',
      inputTokens: 100,
      outputTokens: 10,
      costMicros: 350,
    })
    fake.reset()
    fake.script({ reply: { kind: 'raw', text: '{"heading": "INT.' } })
    const alone = setup([a])
    const failure = await alone.router
      .generateObject({ ...ask('go'), schema: z.object({ heading: z.string() }) })
      .catch((e: unknown) => e)
    // The agent runner's repair re-ask quotes the rejected answer.
    expect(failure instanceof RouterFailed ? failure.lastInvalidOutput : undefined).toBe('{"heading": "INT.')
  })

  it('gives up on a hanging deployment at the timeout and falls back', async () => {
    const a = makeDeployment({ modelId: 'hangs', fakeUrl: fake.url, priority: 0 })
    const b = makeDeployment({ modelId: 'answers', fakeUrl: fake.url, priority: 1 })
    fake.script({ match: (r) => r.model === 'hangs', reply: { kind: 'fault', fault: { type: 'hang' } } })
    const { router, usage } = setup([a, b], { policy: { attemptsPerDeployment: 1 } })
    const result = await router.generateText({ ...ask('x'), constraints: { timeoutMs: 100 } })
    expect(result.usage.deploymentId).toBe(b.id)
    expect(usage.records[0]?.outcome).toBe('timeout')
  })

  it('stops without falling back when the caller aborts', async () => {
    const a = makeDeployment({ modelId: 'slow', fakeUrl: fake.url, priority: 0 })
    const b = makeDeployment({ modelId: 'never', fakeUrl: fake.url, priority: 1 })
    fake.script({ match: (r) => r.model === 'slow', reply: { kind: 'fault', fault: { type: 'hang' } } })
    const { router, usage } = setup([a, b])
    const controller = new AbortController()
    const answer = router.generateText({ ...ask('x'), abortSignal: controller.signal }).catch((e: unknown) => e)
    // Abort only once the server holds the request: aborted earlier (a loaded machine), it could
    // still arrive after this test and take the next test's queued reply.
    while (fake.requests.length === 0) await new Promise((r) => setTimeout(r, 5))
    controller.abort()
    expect(await answer).toBeInstanceOf(Error)
    expect(modelsCalled()).toEqual(['slow'])
    expect(usage.records.map((r) => r.outcome)).toEqual(['aborted'])
  })

  it('treats a truncated response body as a passing fault', async () => {
    const a = makeDeployment({ modelId: 'cut', fakeUrl: fake.url })
    fake.enqueue({ kind: 'fault', fault: { type: 'truncated-body' } }, { kind: 'text', text: 'whole' })
    const { router, usage } = setup([a])
    expect((await router.generateText(ask('x'))).text).toBe('whole')
    expect(usage.records.map((r) => r.outcome)).toEqual(['transient', 'ok'])
  })

  it('keeps the API key out of failures even when the provider echoes it', async () => {
    const a = makeDeployment({ modelId: 'leaky', fakeUrl: fake.url })
    fake.script({ reply: { kind: 'fault', fault: { type: 'auth', echoKey: true } } })
    const { router, usage, keys } = setup([a])
    const key = keys[a.id] ?? 'missing'
    const error = await router.generateText(ask('x')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RouterFailed)
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${key}`) // the provider did get it
    expect(JSON.stringify(usage.records)).not.toContain(key)
    expect(String(error instanceof Error ? error.message : error)).not.toContain(key)
    expect(usage.records[0]?.outcome).toBe('auth')
  })
})
