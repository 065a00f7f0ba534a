import { describe, expect, it } from 'vitest'
import { deployment } from './llm-fixtures.test-support'
import { routeFor, routingPolicy } from './routing-policy'

const ids = (route: ReturnType<typeof routeFor>) => route.steps.map((s) => s.deployment.id)

describe('routing policy view', () => {
  it('tries local deployments first, then by priority', () => {
    const list = [
      deployment({ id: 'cloud-b', priority: 5 }),
      deployment({ id: 'cloud-a', priority: 1 }),
      deployment({ id: 'ollama', provider: 'ollama', locality: 'local', hasKey: false, priority: 9 }),
    ]
    expect(ids(routeFor(list, 'analysis'))).toEqual(['ollama', 'cloud-a', 'cloud-b'])
  })

  it("puts a deployment's explicit fallback chain right after it", () => {
    const list = [
      deployment({ id: 'a', priority: 0, fallbackIds: ['c'] }),
      deployment({ id: 'b', priority: 1 }),
      deployment({ id: 'c', priority: 2 }),
    ]
    const route = routeFor(list, 'creative')
    expect(ids(route)).toEqual(['a', 'c', 'b'])
    expect(route.steps.map((s) => s.viaFallback)).toEqual([false, true, false])
  })

  it('lists disabled and keyless cloud deployments as unavailable, with the reason', () => {
    const list = [
      deployment({ id: 'off', enabled: false }),
      deployment({ id: 'keyless', hasKey: false, keyHint: null }),
      deployment({ id: 'compat', provider: 'openai-compatible', hasKey: false, keyHint: null }),
    ]
    const route = routeFor(list, 'enhance')
    expect(ids(route)).toEqual(['compat'])
    expect(route.unavailable.map((u) => [u.deployment.id, u.reason])).toEqual([
      ['off', 'disabled'],
      ['keyless', 'no-key'],
    ])
  })

  it('serves embeddings only from deployments that can embed', () => {
    const list = [
      deployment({ id: 'chat' }),
      deployment({ id: 'emb', capabilities: { structuredOutput: false, vision: false, embeddings: true } }),
    ]
    expect(ids(routeFor(list, 'embed'))).toEqual(['emb'])
  })

  it('leaves out embedding deployments on a provider without an embeddings API, as the router does', () => {
    const list = [
      deployment({ id: 'emb', capabilities: { structuredOutput: false, vision: false, embeddings: true } }),
      deployment({
        id: 'claude',
        provider: 'anthropic',
        capabilities: { structuredOutput: true, vision: true, embeddings: true },
      }),
    ]
    expect(ids(routeFor(list, 'embed'))).toEqual(['emb'])
  })

  it('covers every task class', () => {
    expect(routingPolicy([]).map((r) => r.taskClass)).toEqual(['analysis', 'creative', 'enhance', 'summarise', 'embed'])
  })
})
