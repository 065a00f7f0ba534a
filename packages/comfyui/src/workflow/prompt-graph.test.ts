import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ApiPrompt } from './api-prompt.schema'
import { ObjectInfo } from './object-info.schema'
import { validateApiPrompt } from './prompt.validator'
import { compareNodeIds, findCycles, topologicalOrder, upstreamOf } from './prompt-graph'

const info = ObjectInfo.parse({
  Mix: {
    input: { required: { a: ['LATENT', {}] }, optional: { b: ['LATENT', {}], c: ['LATENT', {}] } },
    output: ['LATENT'],
    name: 'Mix',
    output_node: false,
  },
  Source: { input: {}, output: ['LATENT'], name: 'Source', output_node: false },
  Sink: { input: { required: { a: ['LATENT', {}] } }, output: [], name: 'Sink', output_node: true },
})

/** Random DAG: node i reads from up to three earlier nodes; the last node is the output. */
const dag = fc.integer({ min: 2, max: 40 }).chain((n) =>
  fc.tuple(
    fc.constant(n),
    fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), { minLength: n, maxLength: n }),
    fc.shuffledSubarray(
      Array.from({ length: n }, (_, i) => String(i * 7 + 1)),
      { minLength: n, maxLength: n },
    ),
  ),
)

function build([n, picks, ids]: [number, number[][], string[]]): ApiPrompt {
  const prompt: ApiPrompt = {}
  for (let i = 0; i < n; i++) {
    const id = ids[i] ?? String(i)
    const sources = i === 0 ? [] : (picks[i] ?? []).map((p) => ids[p % i] ?? '')
    const inputs: ApiPrompt[string]['inputs'] = {}
    ;['a', 'b', 'c'].forEach((name, k) => {
      const s = sources[k]
      if (s !== undefined) inputs[name] = [s, 0]
    })
    prompt[id] = i === 0 ? { class_type: 'Source', inputs: {} } : { class_type: 'Mix', inputs }
  }
  // The output also reads every node (through undeclared inputs), so every node will run.
  const sink: ApiPrompt[string] = { class_type: 'Sink', inputs: { a: [ids[n - 1] ?? '', 0] } }
  for (const id of ids) sink.inputs[`from_${id}`] = [id, 0]
  prompt.out = sink
  return prompt
}

describe('prompt graph', () => {
  it('orders ids numerically, then by path', () => {
    expect(['10', '2', '10:3', 'x', '1:12', '1:2'].sort(compareNodeIds)).toEqual([
      '1:2',
      '1:12',
      '2',
      '10',
      '10:3',
      'x',
    ])
  })

  it('topological order puts every source before each node that reads it, deterministically', () => {
    fc.assert(
      fc.property(dag, (spec) => {
        const prompt = build(spec)
        const result = validateApiPrompt(prompt, info)
        if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'))
        const position = new Map(result.executionOrder.map((id, i) => [id, i]))
        for (const id of result.executionOrder) {
          for (const value of Object.values(prompt[id]?.inputs ?? {})) {
            if (Array.isArray(value)) expect(position.get(String(value[0]))).toBeLessThan(position.get(id) ?? -1)
          }
        }
        expect(validateApiPrompt(build(spec), info)).toEqual(result)
      }),
    )
  })

  it('detects an injected cycle and names it as a closed path of real links', () => {
    fc.assert(
      fc.property(dag, fc.nat(), fc.nat(), (spec, x, y) => {
        const prompt = build(spec)
        const up = upstreamOf(prompt)
        const all = new Set(Object.keys(prompt))
        const { order } = topologicalOrder(up, all)
        // Make an early node read from a later one: a → … → b plus b → a closes a loop
        // whenever b depends on a; pick b from a's descendants to guarantee that.
        const a = order[x % order.length] ?? ''
        const descendants = order.filter((id) => id !== a && ancestorsInclude(up, id, a))
        const b = descendants[y % Math.max(descendants.length, 1)] ?? a
        const node = prompt[a]
        if (node === undefined || node.class_type !== 'Mix') return
        node.inputs.c = [b, 0]
        const cycles = findCycles(upstreamOf(prompt), all)
        expect(cycles.length).toBeGreaterThan(0)
        for (const cycle of cycles) {
          expect(cycle[0]).toBe(cycle[cycle.length - 1])
          for (let i = 0; i + 1 < cycle.length; i++) {
            const from = cycle[i] ?? ''
            const to = cycle[i + 1] ?? ''
            expect(upstreamOf(prompt).get(to)).toContain(from)
          }
        }
        const result = validateApiPrompt(prompt, info)
        expect(result.ok).toBe(false)
        expect(result.errors.some((e) => e.code === 'cycle' && e.message.includes(' → '))).toBe(true)
      }),
    )
  })
})

function ancestorsInclude(up: ReadonlyMap<string, readonly string[]>, id: string, target: string): boolean {
  const stack = [id]
  const seen = new Set<string>()
  while (stack.length > 0) {
    const at = stack.pop() ?? ''
    if (at === target) return true
    if (seen.has(at)) continue
    seen.add(at)
    stack.push(...(up.get(at) ?? []))
  }
  return false
}
