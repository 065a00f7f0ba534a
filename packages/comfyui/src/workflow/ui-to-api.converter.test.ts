import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ApiPrompt } from './api-prompt.schema'
import { ObjectInfo } from './object-info.schema'
import { testObjectInfo } from './test-object-info.test-helper'
import { convertUiToApi } from './ui-to-api.converter'

const info = ObjectInfo.parse({
  Source: {
    input: { required: { value: ['INT', { default: 0 }] } },
    output: ['LATENT'],
    name: 'Source',
    output_node: false,
  },
  Mix: {
    input: { required: { a: ['LATENT', {}], k: ['INT', {}] }, optional: { b: ['LATENT', {}] } },
    input_order: { required: ['a', 'k'], optional: ['b'] },
    output: ['LATENT'],
    name: 'Mix',
    output_node: false,
  },
  Sink: { input: { required: { a: ['LATENT', {}] } }, output: [], name: 'Sink', output_node: true },
})

type Link = [number, number, number, number, number, string]

/** Builds UI documents: real nodes plus reroute/bypass chains on chosen links. */
class UiBuilder {
  nodes: Record<string, unknown>[] = []
  links: Link[] = []
  private nextId = 1000
  private nextLink = 1
  add(node: Record<string, unknown>): number {
    this.nodes.push(node)
    return Number(node.id)
  }
  /** Links `from` output 0 to `to` input `slot` through a chain of reroutes / bypassed nodes. */
  connect(from: number, to: number, slot: number, chain: readonly ('reroute' | 'bypass')[]): number {
    let source = from
    for (const hop of chain) {
      const id = this.nextId++
      const linkId = this.link(source, id, 0)
      const input = { name: hop === 'reroute' ? '' : 'a', type: hop === 'reroute' ? '*' : 'LATENT', link: linkId }
      this.add(
        hop === 'reroute'
          ? { id, type: 'Reroute', mode: 0, inputs: [input], outputs: [{ name: '', type: '*' }] }
          : { id, type: 'Mix', mode: 4, inputs: [input], outputs: [{ type: 'LATENT' }], widgets_values: [9] },
      )
      source = id
    }
    return this.link(source, to, slot)
  }
  private link(from: number, to: number, slot: number): number {
    const id = this.nextLink++
    this.links.push([id, from, 0, to, slot, 'LATENT'])
    return id
  }
  build(extra: Record<string, unknown> = {}): unknown {
    return { nodes: this.nodes, links: this.links, version: 0.4, ...extra }
  }
}

function strip(prompt: ApiPrompt) {
  return Object.fromEntries(
    Object.entries(prompt).map(([id, n]) => [id, { class_type: n.class_type, inputs: n.inputs }]),
  )
}

describe('convertUiToApi', () => {
  it('maps widgets by input order and skips the control_after_generate companion', () => {
    const ui = {
      nodes: [
        {
          id: 3,
          type: 'KSampler',
          mode: 0,
          inputs: [{ name: 'model', type: 'MODEL', link: null }],
          widgets_values: [42, 'randomize', 20, 7, 'euler', 'normal', 1],
        },
      ],
      links: [],
    }
    const result = convertUiToApi(ui, testObjectInfo)
    expect(result.ok && result.prompt['3']?.inputs).toEqual({
      seed: 42,
      steps: 20,
      cfg: 7,
      sampler_name: 'euler',
      scheduler: 'normal',
      denoise: 1,
    })
  })

  it('reads dict widgets_values by name and wraps list values as __value__', () => {
    const ui = {
      nodes: [
        {
          id: 1,
          type: 'EmptyLatentImage',
          mode: 0,
          widgets_values: { width: 64, height: [1, 2], batch_size: 1, x: 3 },
        },
      ],
      links: [],
    }
    const result = convertUiToApi(ui, testObjectInfo)
    expect(result.ok && result.prompt['1']?.inputs).toEqual({ width: 64, height: { __value__: [1, 2] }, batch_size: 1 })
  })

  it('omits muted nodes and drops inputs that pointed at them', () => {
    const b = new UiBuilder()
    b.add({ id: 1, type: 'Source', mode: 2, outputs: [{ type: 'LATENT' }], widgets_values: [1] })
    b.add({ id: 2, type: 'Sink', mode: 0, inputs: [{ name: 'a', type: 'LATENT', link: b.connect(1, 2, 0, []) }] })
    const result = convertUiToApi(b.build(), info)
    expect(result.ok && strip(result.prompt)).toEqual({ '2': { class_type: 'Sink', inputs: {} } })
  })

  it('refuses legacy group nodes and unknown classes, naming the node', () => {
    const ui = {
      nodes: [
        { id: 5, type: 'workflow>Upscale', mode: 0 },
        { id: 6, type: 'MysteryNode', mode: 0, title: 'Magic' },
      ],
      links: [],
    }
    const result = convertUiToApi(ui, info)
    expect(!result.ok && result.errors.map((e) => [e.code, e.nodeId])).toEqual([
      ['unsupported-node', '5'],
      ['unknown-class', '6'],
    ])
    expect(!result.ok && result.errors[1]?.message).toBe(
      'node #6 "Magic" (MysteryNode): node class "MysteryNode" is not installed on this server',
    )
  })

  it('inlines nested subgraphs with outer:inner ids and maps their inputs and outputs', () => {
    const inner = {
      id: 'aaaaaaaa-0000-4000-8000-000000000002',
      nodes: [{ id: 1, type: 'Mix', mode: 0, inputs: [{ name: 'a', link: 1 }], widgets_values: [5] }],
      links: [
        { id: 1, origin_id: -10, origin_slot: 0, target_id: 1, target_slot: 0 },
        { id: 2, origin_id: 1, origin_slot: 0, target_id: -20, target_slot: 0 },
      ],
      inputs: [{ name: 'lat' }],
      outputs: [{ name: 'out' }],
    }
    const outer = {
      id: 'aaaaaaaa-0000-4000-8000-000000000001',
      nodes: [{ id: 7, type: inner.id, mode: 0, inputs: [{ name: 'lat', link: 1 }] }],
      links: [
        { id: 1, origin_id: -10, origin_slot: 0, target_id: 7, target_slot: 0 },
        { id: 2, origin_id: 7, origin_slot: 0, target_id: -20, target_slot: 0 },
      ],
      inputs: [{ name: 'lat' }],
      outputs: [{ name: 'out' }],
    }
    const ui = {
      nodes: [
        { id: 1, type: 'Source', mode: 0, widgets_values: [3] },
        { id: 2, type: outer.id, mode: 0, inputs: [{ name: 'lat', link: 1 }] },
        { id: 3, type: 'Sink', mode: 0, inputs: [{ name: 'a', link: 2 }] },
      ],
      links: [
        [1, 1, 0, 2, 0, 'LATENT'],
        [2, 2, 0, 3, 0, 'LATENT'],
      ],
      definitions: { subgraphs: [outer, inner] },
    }
    const result = convertUiToApi(ui, info)
    expect(result.ok && strip(result.prompt)).toEqual({
      '1': { class_type: 'Source', inputs: { value: 3 } },
      '2:7:1': { class_type: 'Mix', inputs: { a: ['1', 0], k: 5 } },
      '3': { class_type: 'Sink', inputs: { a: ['2:7:1', 0] } },
    })
  })

  it('equals a directly built prompt for random DAGs with reroute, bypass and mute', () => {
    const hop = fc.constantFrom<'reroute' | 'bypass'>('reroute', 'bypass')
    const edge = fc.record({ from: fc.nat(), chain: fc.array(hop, { maxLength: 3 }) })
    const spec = fc.array(fc.record({ edges: fc.array(edge, { minLength: 1, maxLength: 2 }), muted: fc.boolean() }), {
      minLength: 1,
      maxLength: 25,
    })
    fc.assert(
      fc.property(spec, (nodes) => {
        const b = new UiBuilder()
        const expected: ApiPrompt = { '1': { class_type: 'Source', inputs: { value: 1 } } }
        b.add({ id: 1, type: 'Source', mode: 0, outputs: [{ type: 'LATENT' }], widgets_values: [1] })
        const muted = new Set<number>()
        nodes.forEach((node, i) => {
          const id = i + 2
          const inputs: Record<string, unknown>[] = []
          const apiInputs: ApiPrompt[string]['inputs'] = { k: id }
          node.edges.forEach((e, slot) => {
            const from = 1 + (e.from % (id - 1))
            const name = slot === 0 ? 'a' : 'b'
            inputs.push({ name, type: 'LATENT', link: b.connect(from, id, slot, e.chain) })
            if (!muted.has(from)) apiInputs[name] = [String(from), 0]
          })
          if (node.muted) muted.add(id)
          else expected[String(id)] = { class_type: 'Mix', inputs: apiInputs }
          b.add({
            id,
            type: 'Mix',
            mode: node.muted ? 2 : 0,
            inputs,
            outputs: [{ type: 'LATENT' }],
            widgets_values: [id],
          })
        })
        const result = convertUiToApi(b.build(), info)
        if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'))
        expect(strip(result.prompt)).toEqual(strip(expected))
      }),
    )
  })
})
