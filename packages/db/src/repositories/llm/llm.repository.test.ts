import { describeEachEngine } from '@aipipeline/testing'
import { expect, it } from 'vitest'
import { createLlmBudgetRepository } from './llm-budget.repository'
import { createLlmDeploymentRepository, type LlmDeploymentInput } from './llm-deployment.repository'
import { createLlmPriceRepository } from './llm-price.repository'
import { createLlmUsageRepository, type LlmUsageInput } from './llm-usage.repository'
import { createLlmVaultRepository } from './llm-vault.repository'

const deployment = (name: string): LlmDeploymentInput => ({
  name,
  provider: 'openai',
  modelId: 'gpt-4o-mini',
  baseUrl: null,
  contextWindow: 128_000,
  maxOutputTokens: 4_096,
  inputMicrosPerMillion: null,
  outputMicrosPerMillion: 600_000,
  capabilities: { structuredOutput: true, vision: true, embeddings: false },
  locality: 'cloud',
  latencyClass: 'fast',
  taskClasses: ['analysis', 'enhance'],
  priority: 1,
  fallbackIds: ['x'],
  enabled: true,
})

const usage = (over: Partial<LlmUsageInput>): LlmUsageInput => ({
  at: '2026-11-03T10:00:00.000Z',
  callId: 'c',
  attempt: 1,
  deploymentId: 'd1',
  provider: 'openai',
  modelId: 'gpt-4o',
  taskClass: 'analysis',
  inputTokens: 100,
  outputTokens: 10,
  costMicros: 1_000,
  latencyMs: 12,
  outcome: 'ok',
  projectId: 'p1',
  jobId: null,
  error: null,
  ...over,
})

describeEachEngine('llm repositories', (testDb) => {
  it('stores deployments with JSON fields and keeps the sealed key out of plain reads', async () => {
    const repo = createLlmDeploymentRepository(testDb().handle.db)
    const created = await repo.insert(deployment('cloud mini'), { sealed: 'v1.sealed', hint: 'abcd' })
    expect(created).toMatchObject({
      hasKey: true,
      keyHint: 'abcd',
      taskClasses: ['analysis', 'enhance'],
      enabled: true,
    })
    expect(JSON.stringify(await repo.list())).not.toContain('v1.sealed')
    expect(await repo.sealedKey(created.id)).toBe('v1.sealed')
    const updated = await repo.update(created.id, {
      enabled: false,
      priority: 5,
      capabilities: { structuredOutput: false, vision: false, embeddings: true },
    })
    expect(updated).toMatchObject({
      enabled: false,
      priority: 5,
      capabilities: { embeddings: true },
      outputMicrosPerMillion: 600_000,
    })
    await repo.setKey(created.id, null)
    expect(await repo.findById(created.id)).toMatchObject({ hasKey: false, keyHint: null })
    expect(await repo.delete(created.id)).toBe(true)
  })

  it('changes a key only together with the fields it was sent with', async () => {
    const repo = createLlmDeploymentRepository(testDb().handle.db)
    const a = await repo.insert(deployment('key a'), { sealed: 'old-a', hint: 'aaaa' })
    await repo.insert(deployment('key b'), undefined)
    // The name is taken: the whole update fails, and the old key stays.
    await expect(repo.update(a.id, { name: 'key b' }, { sealed: 'new-a', hint: 'bbbb' })).rejects.toThrow()
    expect(await repo.sealedKey(a.id)).toBe('old-a')
    expect(await repo.update(a.id, { priority: 7 }, { sealed: 'new-a', hint: 'bbbb' })).toMatchObject({
      priority: 7,
      keyHint: 'bbbb',
    })
    expect(await repo.sealedKey(a.id)).toBe('new-a')
    expect(await repo.update(a.id, {}, null)).toMatchObject({ hasKey: false, keyHint: null })
  })

  it('rotates every sealed key and the canary together', async () => {
    const db = testDb().handle.db
    const repo = createLlmDeploymentRepository(db)
    const vault = createLlmVaultRepository(db)
    await vault.ensureCanary('old-canary', 'k-old')
    expect(await vault.ensureCanary('other', 'k-x')).toEqual({ sealed: 'old-canary', keyId: 'k-old' })
    const a = await repo.insert(deployment('rot a'), { sealed: 'old-a', hint: '1111' })
    await repo.replaceSealedKeys([{ id: a.id, sealed: 'new-a' }], { sealed: 'new-canary', keyId: 'k-new' })
    expect(await repo.sealedKey(a.id)).toBe('new-a')
    expect(await vault.canary()).toEqual({ sealed: 'new-canary', keyId: 'k-new' })
  })

  it('seeds missing prices without overwriting an edited one', async () => {
    const prices = createLlmPriceRepository(testDb().handle.db)
    await prices.upsert({
      provider: 'openai',
      modelId: 'gpt-4o',
      inputMicrosPerMillion: 1,
      outputMicrosPerMillion: 2,
      contextWindow: null,
      source: 'edited',
      asOf: '2026-11-21',
    })
    const seed = { contextWindow: 128_000, source: 'seed' as const, asOf: '2025-11-01' }
    const added = await prices.seedMissing([
      {
        provider: 'openai',
        modelId: 'gpt-4o',
        inputMicrosPerMillion: 2_500_000,
        outputMicrosPerMillion: 10_000_000,
        ...seed,
      },
      {
        provider: 'openai',
        modelId: 'gpt-4o-mini',
        inputMicrosPerMillion: 150_000,
        outputMicrosPerMillion: 600_000,
        ...seed,
      },
    ])
    expect(added).toBe(1)
    expect(await prices.find('openai', 'gpt-4o')).toMatchObject({ inputMicrosPerMillion: 1, source: 'edited' })
    expect(await prices.find('openai', 'gpt-4o-mini')).toMatchObject({
      outputMicrosPerMillion: 600_000,
      source: 'seed',
    })
  })

  it('keeps one budget per project and month, and sends each alert once', async () => {
    const budgets = createLlmBudgetRepository(testDb().handle.db)
    const b = await budgets.upsert({ projectId: 'film', month: '2026-11', limitMicros: 5_000_000 })
    expect(b).toMatchObject({ override: false, alertedPercent: 0 })
    expect(await budgets.markAlerted(b.id, 80)).toBe(true)
    expect(await budgets.markAlerted(b.id, 80)).toBe(false)
    const raised = await budgets.upsert({ projectId: 'film', month: '2026-11', limitMicros: 9_000_000, override: true })
    expect(raised).toMatchObject({ id: b.id, limitMicros: 9_000_000, override: true, alertedPercent: 0 })
    expect(await budgets.upsert({ projectId: 'film', month: '2026-11', limitMicros: 9_000_000 })).toMatchObject({
      override: true,
    })
    expect(await budgets.list({ projectId: 'film' })).toHaveLength(1)
  })

  it('sums spend exactly and aggregates per day, model and project', async () => {
    const ledger = createLlmUsageRepository(testDb().handle.db)
    await ledger.insert(usage({ costMicros: 8_755 }))
    await ledger.insert(
      usage({ at: '2026-11-04T01:00:00.000Z', modelId: 'claude', costMicros: 1, outcome: 'transient' }),
    )
    await ledger.insert(usage({ at: '2026-10-31T23:59:59.000Z', projectId: 'p2', costMicros: 5 }))
    expect(await ledger.spend({ projectId: 'p1', from: '2026-11-01', to: '2026-12-01' })).toBe(8_756)
    const byDay = await ledger.aggregate({ from: '2026-11-01' }, 'day')
    expect(byDay).toEqual([
      { key: '2026-11-03', calls: 1, failures: 0, inputTokens: 100, outputTokens: 10, costMicros: 8_755 },
      { key: '2026-11-04', calls: 1, failures: 1, inputTokens: 100, outputTokens: 10, costMicros: 1 },
    ])
    expect((await ledger.aggregate({}, 'model')).map((b) => [b.key, b.costMicros])).toEqual([
      ['claude', 1],
      ['gpt-4o', 8_760],
    ])
    expect((await ledger.aggregate({}, 'project')).map((b) => b.key)).toEqual(['p1', 'p2'])
    expect((await ledger.list({ projectId: 'p1', limit: 1 }))[0]?.modelId).toBe('claude')
  })
})
