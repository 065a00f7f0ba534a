import { makeDeployment } from '@aipipeline/testing'
import { describe, expect, it } from 'vitest'
import { type PlanInput, planRoute } from './route-planner'

const base = (deployments: PlanInput['deployments'], over: Partial<PlanInput> = {}): PlanInput => ({
  deployments,
  call: { taskClass: 'analysis' },
  inputTokens: 100,
  cooling: new Set(),
  budgetState: 'none',
  remainingMicros: undefined,
  ...over,
})
const ids = (input: PlanInput) => planRoute(input).candidates.map((c) => c.deployment.id)

describe('route planner', () => {
  const local = makeDeployment({ id: 'local', provider: 'ollama', priority: 5 })
  const cheap = makeDeployment({
    id: 'cheap',
    priority: 2,
    prices: { inputMicrosPerMillion: 100_000, outputMicrosPerMillion: 400_000 },
  })
  const best = makeDeployment({
    id: 'best',
    priority: 1,
    prices: { inputMicrosPerMillion: 3_000_000, outputMicrosPerMillion: 15_000_000 },
  })

  it('puts capable local deployments first, then cloud ones by priority', () => {
    expect(ids(base([best, cheap, local]))).toEqual(['local', 'best', 'cheap'])
  })

  it('follows an explicit fallback chain right after its deployment', () => {
    const chained = { ...local, fallbackIds: ['cheap'] }
    expect(ids(base([best, cheap, chained]))).toEqual(['local', 'cheap', 'best'])
  })

  it('orders by cost once a project passes 80 % of its budget, and skips what the rest cannot pay', () => {
    expect(ids(base([best, cheap, local], { budgetState: 'alert' }))).toEqual(['local', 'cheap', 'best'])
    const plan = planRoute(base([best, cheap, local], { budgetState: 'alert', remainingMicros: 5_000 }))
    expect(plan.candidates.map((c) => c.deployment.id)).toEqual(['local', 'cheap'])
    expect(plan.skipped).toEqual([
      { deploymentId: 'best', reason: expect.stringMatching(/left in the project budget/) },
    ])
  })

  it('names why each deployment was skipped', () => {
    const embedOnly = makeDeployment({
      id: 'embed',
      capabilities: { structuredOutput: false, vision: false, embeddings: true },
    })
    const noKey = makeDeployment({ id: 'nokey', hasKey: false })
    const slow = makeDeployment({
      id: 'slow',
      latencyClass: 'slow',
      capabilities: { structuredOutput: false, vision: true, embeddings: false },
    })
    const plan = planRoute(
      base([embedOnly, noKey, slow, { ...best, enabled: false }, cheap], {
        call: {
          taskClass: 'analysis',
          constraints: { needsStructuredOutput: true, latency: 'fast', maxCostMicros: 1 },
        },
        cooling: new Set(['cheap']),
      }),
    )
    expect(plan.candidates).toEqual([])
    expect(Object.fromEntries(plan.skipped.map((s) => [s.deploymentId, s.reason]))).toEqual({
      embed: 'no structured output',
      nokey: 'latency class standard, call needs fast',
      slow: 'no structured output',
      best: 'disabled',
      cheap: 'latency class standard, call needs fast',
    })
  })

  it('keeps local-only calls on local deployments even when one is named explicitly', () => {
    const plan = planRoute(
      base([best, local], {
        call: { taskClass: 'analysis', constraints: { privacy: 'local-only', deploymentId: 'best' } },
      }),
    )
    expect(plan.candidates).toEqual([])
    expect(plan.skipped.find((s) => s.deploymentId === 'best')?.reason).toMatch(/^privacy/)
  })
})
