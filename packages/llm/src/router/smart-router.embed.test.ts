// router.embed against the fake LLM server: vectors in order, fallback between embedding
// deployments, the embeddings capability as a hard gate, usage and cost in the ledger.
import {
  FAKE_EMBEDDING_DIMENSION,
  type FakeLlmServer,
  fakeEmbedding,
  makeDeployment,
  startFakeLlmServer,
} from '@aipipeline/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Deployment } from '../deployment/deployment'
import { createInMemoryBudgets, createInMemoryCatalog, createInMemoryUsage } from './in-memory-ports'
import { RouterFailed } from './llm-errors'
import { createSmartRouter } from './smart-router'

let fake: FakeLlmServer
beforeAll(async () => {
  fake = await startFakeLlmServer()
})
afterEach(() => fake.reset())
afterAll(async () => fake.close())

const embedder = (overrides: Partial<Deployment> & { fakeUrl?: string }) =>
  makeDeployment({
    capabilities: { structuredOutput: false, vision: false, embeddings: true },
    taskClasses: ['embed'],
    prices: { inputMicrosPerMillion: 20_000, outputMicrosPerMillion: 0 },
    fakeUrl: fake.url,
    ...overrides,
  })

function setup(deployments: Deployment[], limits: Record<string, { limitMicros: number }> = {}) {
  const usage = createInMemoryUsage()
  const keys = Object.fromEntries(deployments.filter((d) => d.hasKey).map((d) => [d.id, `sk-embed-${d.id}-0123456789`]))
  const router = createSmartRouter({
    catalog: createInMemoryCatalog(deployments, keys),
    usage,
    budgets: createInMemoryBudgets(usage, limits),
    policy: { baseDelayMs: 1, maxDelayMs: 2, attemptsPerDeployment: 2 },
    sleep: async () => {},
    random: () => 0.5,
  })
  return { router, usage }
}

const texts = ['a red door', 'the hallway at night', 'close-up, rain on glass']

describe('SmartRouter.embed', () => {
  it('returns one vector per text, in order, at the model dimension, over OpenAI and Ollama', async () => {
    for (const provider of ['openai', 'openai-compatible', 'ollama'] as const) {
      fake.reset()
      const d = embedder({ provider, modelId: `embed-${provider}` })
      const { router } = setup([d])
      const result = await router.embed({ texts })
      expect(result.embeddings).toEqual(texts.map((t) => fakeEmbedding(t, FAKE_EMBEDDING_DIMENSION)))
      expect(result.usage).toMatchObject({ deploymentId: d.id, modelId: d.modelId, outputTokens: 0, attempts: 1 })
      expect(fake.requests).toHaveLength(1)
      expect(fake.requests[0]).toMatchObject({ endpoint: 'embed', inputs: texts, model: d.modelId })
      expect(fake.requests[0]?.path).toBe(provider === 'ollama' ? '/api/embed' : '/v1/embeddings')
    }
    expect(fake.requests[0]?.body).toMatchObject({ truncate: false, options: { num_ctx: 128_000 } })
  })

  it('falls back to a second embedding deployment on 500s', async () => {
    const first = embedder({ provider: 'ollama', modelId: 'embed-local' })
    const second = embedder({ provider: 'openai', modelId: 'embed-cloud' })
    fake.script({ match: (r) => r.model === 'embed-local', reply: { kind: 'fault', fault: { type: 'server-error' } } })
    const { router, usage } = setup([second, first])
    const result = await router.embed({ texts, project: 'p1', job: 'j1' })
    expect(result.embeddings).toHaveLength(3)
    expect(result.usage).toMatchObject({ deploymentId: second.id, attempts: 3 })
    expect(fake.requests.map((r) => r.model)).toEqual(['embed-local', 'embed-local', 'embed-cloud'])
    expect(usage.records.map((r) => [r.modelId, r.outcome, r.taskClass])).toEqual([
      ['embed-local', 'transient', 'embed'],
      ['embed-local', 'transient', 'embed'],
      ['embed-cloud', 'ok', 'embed'],
    ])
    expect(new Set(usage.records.map((r) => r.callId)).size).toBe(1)
  })

  it('never chooses a deployment without the embeddings capability', async () => {
    const chat = makeDeployment({
      provider: 'openai',
      modelId: 'chat-only',
      fakeUrl: fake.url,
      taskClasses: ['embed', 'analysis'],
    })
    const claude = embedder({ provider: 'anthropic', modelId: 'claude-embed' })
    const { router } = setup([chat, claude])
    const failure = await router.embed({ texts }).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(RouterFailed)
    expect(failure instanceof RouterFailed ? failure.skipped : []).toEqual([
      { deploymentId: chat.id, reason: 'does not serve task class embed' },
      { deploymentId: claude.id, reason: 'provider anthropic has no embeddings API' },
    ])
    expect(fake.requests).toHaveLength(0)

    const real = embedder({ provider: 'openai', modelId: 'embed-real', priority: 5 })
    const withReal = setup([chat, real])
    await withReal.router.embed({ texts })
    expect(fake.requests.map((r) => r.model)).toEqual(['embed-real'])
  })

  it('records usage and cost to the micro-dollar, with the reported token count', async () => {
    const d = embedder({
      provider: 'openai',
      modelId: 'embed-priced',
      prices: { inputMicrosPerMillion: 130_000, outputMicrosPerMillion: 0 },
    })
    fake.script({ reply: { kind: 'embeddings', vectors: [[1], [2], [3]], usage: { input: 1_000, output: 0 } } })
    const { router, usage } = setup([d])
    const result = await router.embed({ texts, project: 'p1', job: 'job-7' })
    expect(result.embeddings).toEqual([[1], [2], [3]])
    expect(result.usage).toMatchObject({ inputTokens: 1_000, outputTokens: 0, costMicros: 130 })
    expect(usage.records).toHaveLength(1)
    expect(usage.records[0]).toMatchObject({
      deploymentId: d.id,
      taskClass: 'embed',
      inputTokens: 1_000,
      outputTokens: 0,
      costMicros: 130,
      outcome: 'ok',
      project: 'p1',
      job: 'job-7',
      attempt: 1,
    })
  })

  it('honours the budget hard stop and local-only privacy', async () => {
    const cloud = embedder({ provider: 'openai', modelId: 'embed-cloud' })
    const { router, usage } = setup([cloud], { p1: { limitMicros: 1 } })
    await usage.record({ ...baseRecord(cloud), costMicros: 5, project: 'p1' })
    await expect(router.embed({ texts, project: 'p1' })).rejects.toThrow(/budget/i)
    await expect(setup([cloud]).router.embed({ texts, constraints: { privacy: 'local-only' } })).rejects.toThrow(
      RouterFailed,
    )
    expect(fake.requests).toHaveLength(0)
  })
})

function baseRecord(d: Deployment) {
  return {
    at: new Date().toISOString(),
    deploymentId: d.id,
    provider: d.provider,
    modelId: d.modelId,
    taskClass: 'embed' as const,
    inputTokens: 1,
    outputTokens: 0,
    costMicros: 0,
    latencyMs: 1,
    outcome: 'ok' as const,
    attempt: 1,
    callId: 'seed',
    project: null,
    job: null,
    error: null,
  }
}
