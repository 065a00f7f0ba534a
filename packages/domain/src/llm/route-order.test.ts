import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { orderRoute, providerNeedsKey, type RoutableDeployment, servesTaskClass } from './route-order'

function deployment(overrides: Partial<RoutableDeployment> & { id: string }): RoutableDeployment {
  return {
    provider: 'openai',
    locality: 'cloud',
    priority: 0,
    fallbackIds: [],
    taskClasses: ['analysis', 'creative'],
    capabilities: { embeddings: false },
    ...overrides,
  }
}
const ids = (list: RoutableDeployment[], options = {}) => orderRoute(list, (d) => d, options).map((s) => s.item.id)

describe('LLM route order', () => {
  it('tries local deployments first, then by priority, then by id', () => {
    const list = [
      deployment({ id: 'cloud-b', priority: 5 }),
      deployment({ id: 'cloud-a', priority: 1 }),
      deployment({ id: 'cloud-c', priority: 1 }),
      deployment({ id: 'ollama', provider: 'ollama', locality: 'local', priority: 9 }),
    ]
    expect(ids(list)).toEqual(['ollama', 'cloud-a', 'cloud-c', 'cloud-b'])
  })

  it('breaks priority ties by cost, and near the budget limit puts the cheapest first', () => {
    const cost: Record<string, number> = { a: 30, b: 10, local: 20 }
    const list = [
      deployment({ id: 'a', priority: 1 }),
      deployment({ id: 'b', priority: 1 }),
      deployment({ id: 'local', locality: 'local', priority: 2 }),
    ]
    const costOf = (d: RoutableDeployment) => cost[d.id] ?? 0
    expect(ids(list, { costOf })).toEqual(['local', 'b', 'a'])
    expect(ids(list, { costOf, cheapestFirst: true })).toEqual(['b', 'local', 'a'])
  })

  it("puts a deployment's explicit fallback chain right after it, marked as fallback", () => {
    const list = [
      deployment({ id: 'a', priority: 0, fallbackIds: ['c', 'missing'] }),
      deployment({ id: 'b', priority: 1 }),
      deployment({ id: 'c', priority: 2, fallbackIds: ['a'] }),
    ]
    const steps = orderRoute(list, (d) => d)
    expect(steps.map((s) => [s.item.id, s.viaFallback])).toEqual([
      ['a', false],
      ['c', true],
      ['b', false],
    ])
  })

  it('lists every eligible deployment exactly once whatever the fallback chains', () => {
    const arbitrary = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1 }).chain((names) =>
      fc.tuple(
        ...names.map((id) =>
          fc.record({
            id: fc.constant(id),
            priority: fc.integer({ min: -3, max: 3 }),
            locality: fc.constantFrom('local' as const, 'cloud' as const),
            fallbackIds: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'x')),
          }),
        ),
      ),
    )
    fc.assert(
      fc.property(arbitrary, (parts) => {
        const list = parts.map((p) => deployment(p))
        expect([...ids(list)].sort()).toEqual(list.map((d) => d.id).sort())
      }),
    )
  })

  it('serves embeddings only from embedding models on providers with an embeddings API', () => {
    const embeds = { embeddings: true }
    expect(servesTaskClass(deployment({ id: 'chat' }), 'embed')).toBe(false)
    expect(servesTaskClass(deployment({ id: 'emb', capabilities: embeds }), 'embed')).toBe(true)
    expect(servesTaskClass(deployment({ id: 'claude', provider: 'anthropic', capabilities: embeds }), 'embed')).toBe(
      false,
    )
    expect(servesTaskClass(deployment({ id: 'chat' }), 'creative')).toBe(true)
    expect(servesTaskClass(deployment({ id: 'chat' }), 'summarise')).toBe(false)
  })

  it('needs an API key for hosted providers only', () => {
    expect(['openai', 'anthropic', 'google'].every(providerNeedsKey)).toBe(true)
    expect(['ollama', 'openai-compatible'].some(providerNeedsKey)).toBe(false)
  })
})
