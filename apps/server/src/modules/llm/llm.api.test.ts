// Settings → Models over HTTP against a fake LLM provider: deployments with write-only keys,
// the test call, prices, budgets with the admin-only override, usage aggregates, budget
// alerts, and a grep of every response, log line and error for the plaintext key.
import { LlmBudget, LlmDeployment, LlmPriceList, LlmTestCallResult, LlmUsageAggregate } from '@aipipeline/contracts'
import { type FakeLlmServer, startFakeLlmServer } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

const SECRET = 'sk-proj-THIS-IS-THE-PLAINTEXT-KEY-9f8e7d6c5b4a-wxyz'

describe('LLM settings API', () => {
  let studio: TestStudio
  let fake: FakeLlmServer
  let admin: string
  let manager: string
  let film = ''
  const bodies: string[] = []

  beforeAll(async () => {
    fake = await startFakeLlmServer()
    studio = await createTestStudio('sqlite')
    admin = (await studio.signIn('admin')).accessToken
    manager = (await studio.signIn('manager')).accessToken
    const project = await studio.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { authorization: `Bearer ${manager}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ code: 'FILM1', name: 'Film one' }),
    })
    film = project.json().id
  })
  afterAll(async () => {
    await studio.close()
    await fake.close()
  })

  async function call(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    token: string,
    payload?: unknown,
  ) {
    const res = await studio.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json' } : {}) },
      ...(payload ? { payload: JSON.stringify(payload) } : {}),
    })
    bodies.push(res.body)
    return res
  }

  let cloudId = ''

  it('stores a deployment with its key sealed and answers only hasKey and the last 4 characters', async () => {
    const res = await call('POST', '/api/llm/deployments', admin, {
      name: 'cloud writer',
      provider: 'openai',
      modelId: 'gpt-4o-mini',
      baseUrl: `${fake.url}/v1`,
      apiKey: SECRET,
      contextWindow: 128_000,
    })
    expect(res.statusCode).toBe(201)
    const created = LlmDeployment.parse(res.json())
    cloudId = created.id
    expect(created).toMatchObject({ hasKey: true, keyHint: 'wxyz', priceSource: 'price-table', locality: 'cloud' })
    expect(created.prices).toEqual({ inputMicrosPerMillion: 150_000, outputMicrosPerMillion: 600_000 })
    const listed = await call('GET', '/api/llm/deployments', manager)
    expect(listed.statusCode).toBe(200)
    expect(listed.body).not.toContain('sealed')
  })

  it('refuses a cloud model without any price, and a manager creating deployments', async () => {
    const body = { name: 'mystery', provider: 'openai', modelId: 'gpt-unknown', apiKey: SECRET, contextWindow: 8_000 }
    expect((await call('POST', '/api/llm/deployments', admin, body)).json().error.message).toMatch(
      /no price for openai\/gpt-unknown/,
    )
    expect((await call('POST', '/api/llm/deployments', manager, body)).statusCode).toBe(403)
  })

  it('runs the test call through the router and records its cost', async () => {
    fake.enqueue({ kind: 'text', text: 'ready', usage: { input: 1_000, output: 100 } })
    const res = await call('POST', `/api/llm/deployments/${cloudId}/test`, admin, {})
    const result = LlmTestCallResult.parse(res.json())
    expect(result).toMatchObject({ ok: true, text: 'ready' })
    // 1,000 × 150,000 + 100 × 600,000 micro-dollars per million tokens = 150 + 60.
    expect(result.usage?.costMicros).toBe(210)
    expect(fake.requests.at(-1)?.headers.authorization).toBe(`Bearer ${SECRET}`)
  })

  it('reports a failing test call with its error class, with the key redacted even when the provider echoes it', async () => {
    fake.script({ reply: { kind: 'fault', fault: { type: 'auth', echoKey: true } }, times: 1 })
    const result = LlmTestCallResult.parse(
      (await call('POST', `/api/llm/deployments/${cloudId}/test`, admin, {})).json(),
    )
    expect(result).toMatchObject({ ok: false, errorClass: 'auth' })
    expect(result.error).toContain('Incorrect API key provided')
  })

  it('replaces and removes the key without ever returning it', async () => {
    const replaced = LlmDeployment.parse(
      (await call('PATCH', `/api/llm/deployments/${cloudId}`, admin, { apiKey: `${SECRET}-2` })).json(),
    )
    expect(replaced.keyHint).toBe('yz-2')
    const removed = LlmDeployment.parse(
      (await call('PATCH', `/api/llm/deployments/${cloudId}`, admin, { apiKey: null })).json(),
    )
    expect(removed).toMatchObject({ hasKey: false, keyHint: null })
    await call('PATCH', `/api/llm/deployments/${cloudId}`, admin, { apiKey: SECRET })
  })

  it('lists seeded prices with their date and lets an admin edit one', async () => {
    const list = LlmPriceList.parse((await call('GET', '/api/llm/prices', manager)).json())
    expect(list.items.find((p) => p.modelId === 'claude-sonnet-4-5')).toMatchObject({
      source: 'seed',
      asOf: list.seedAsOf,
      inputMicrosPerMillion: 3_000_000,
    })
    const edited = await call('PUT', '/api/llm/prices', admin, {
      provider: 'openai',
      modelId: 'gpt-4o-mini',
      inputMicrosPerMillion: 200_000,
      outputMicrosPerMillion: 800_000,
    })
    expect(edited.json()).toMatchObject({ source: 'edited', inputMicrosPerMillion: 200_000 })
    expect(
      (
        await call('PUT', '/api/llm/prices', manager, {
          provider: 'openai',
          modelId: 'x',
          inputMicrosPerMillion: 1,
          outputMicrosPerMillion: 1,
        })
      ).statusCode,
    ).toBe(403)
  })

  it('lets managers set budgets but only admins the override, and alerts at 80 % then stops at 100 %', async () => {
    const month = new Date().toISOString().slice(0, 7)
    const set = await call('PUT', '/api/llm/budgets', manager, { projectId: film, month, limitMicros: 1_000 })
    expect(LlmBudget.parse(set.json())).toMatchObject({ state: 'ok', spentMicros: 0 })
    expect(
      (
        await call('PUT', '/api/llm/budgets', manager, {
          projectId: film,
          month,
          limitMicros: 1_000,
          override: true,
        })
      ).statusCode,
    ).toBe(403)
    const alerts: unknown[] = []
    const emit = studio.hub.emit.bind(studio.hub)
    studio.hub.emit = (room, event, payload) => {
      if (event === 'llm:budget-alert') alerts.push({ room, payload })
      emit(room, event, payload)
    }
    fake.enqueue({ kind: 'text', text: 'a', usage: { input: 4_000, output: 0 } }) // 800 µ$ at 200,000 µ$/M
    await studio.llm.router.generateText({
      taskClass: 'analysis',
      messages: [{ role: 'user', content: 'x' }],
      project: film,
      maxOutputTokens: 16,
    })
    expect(alerts).toEqual([
      {
        room: `project:${film}`,
        payload: expect.objectContaining({ percent: 80, spentMicros: 800, limitMicros: 1_000 }),
      },
    ])
    fake.enqueue({ kind: 'text', text: 'b', usage: { input: 1_000, output: 0 } })
    await studio.llm.router.generateText({
      taskClass: 'analysis',
      messages: [{ role: 'user', content: 'y' }],
      project: film,
      maxOutputTokens: 1,
    })
    expect(alerts).toHaveLength(2)
    const budgets = (await call('GET', `/api/llm/budgets?projectId=${film}`, manager)).json().items
    expect(budgets[0]).toMatchObject({ state: 'exceeded', spentMicros: 1_000, percent: 100 })
    await expect(
      studio.llm.router.generateText({
        taskClass: 'analysis',
        messages: [{ role: 'user', content: 'z' }],
        project: film,
      }),
    ).rejects.toThrow(new RegExp(`budget of project ${film} is spent`))
    const overridden = await call('PUT', '/api/llm/budgets', admin, {
      projectId: film,
      month,
      limitMicros: 1_000,
      override: true,
    })
    expect(LlmBudget.parse(overridden.json()).state).toBe('overridden')
  })

  it('lists usage and aggregates spend per model and per day', async () => {
    const usage = (await call('GET', '/api/llm/usage?limit=50', admin)).json().items
    expect(usage.length).toBeGreaterThanOrEqual(4)
    const byModel = LlmUsageAggregate.parse((await call('GET', '/api/llm/usage/summary?groupBy=model', admin)).json())
    expect(byModel.buckets.map((b) => b.key)).toEqual(['gpt-4o-mini'])
    expect(byModel.totalCostMicros).toBe(210 + 800 + 200)
    // A manager sees the usage of the projects they manage, not the studio-wide test call.
    const managed = LlmUsageAggregate.parse((await call('GET', '/api/llm/usage/summary?groupBy=model', manager)).json())
    expect(managed.totalCostMicros).toBe(800 + 200)
    const byDay = LlmUsageAggregate.parse((await call('GET', '/api/llm/usage/summary?groupBy=day', manager)).json())
    expect(byDay.buckets[0]?.key).toBe(new Date().toISOString().slice(0, 10))
    expect((await call('GET', '/api/llm/usage', (await studio.signIn('artist')).accessToken)).statusCode).toBe(403)
  })

  it('estimates tokens per part and the worst-case cost before a call', async () => {
    const res = await call('POST', '/api/llm/estimate', manager, {
      taskClass: 'analysis',
      system: 'You read screenplays.',
      messages: [{ role: 'user', content: 'INT. KITCHEN - NIGHT' }],
      maxOutputTokens: 1_000,
    })
    const estimate = res.json()
    expect(estimate.parts.map((p: { kind: string }) => p.kind)).toEqual(['system', 'text'])
    expect(estimate.candidates[0]).toMatchObject({ deploymentId: cloudId })
    expect(estimate.estimatedCostMicros).toBe(Math.ceil((estimate.inputTokens * 200_000 + 1_000 * 800_000) / 1_000_000))
  })

  it('never shows the plaintext key in any response, log line or error message', () => {
    expect(bodies.length).toBeGreaterThan(10)
    for (const body of bodies) expect(body).not.toContain(SECRET)
    const logText = JSON.stringify(studio.logs)
    expect(logText).toContain('LLM attempt failed') // the auth failure was logged...
    expect(logText).not.toContain(SECRET) // ...without the key
    expect(logText).not.toContain(SECRET.slice(0, 24))
  })
})
