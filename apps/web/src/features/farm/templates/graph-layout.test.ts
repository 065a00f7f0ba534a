import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { columnsOf, type GraphLinkInput, layoutGraph, NODE_HEIGHT, NODE_WIDTH } from './graph-layout'

// The default text-to-image graph: checkpoint → prompts → sampler → decode → save.
const nodes = [
  { id: '4', classType: 'CheckpointLoaderSimple' },
  { id: '5', classType: 'EmptyLatentImage' },
  { id: '6', classType: 'CLIPTextEncode', title: 'Positive' },
  { id: '7', classType: 'CLIPTextEncode', title: 'Negative' },
  { id: '3', classType: 'KSampler' },
  { id: '8', classType: 'VAEDecode' },
  { id: '9', classType: 'SaveImage' },
]
const links: GraphLinkInput[] = [
  { from: '4', to: '3', inputName: 'model' },
  { from: '4', to: '6', inputName: 'clip' },
  { from: '4', to: '7', inputName: 'clip' },
  { from: '6', to: '3', inputName: 'positive' },
  { from: '7', to: '3', inputName: 'negative' },
  { from: '5', to: '3', inputName: 'latent_image' },
  { from: '3', to: '8', inputName: 'samples' },
  { from: '4', to: '8', inputName: 'vae' },
  { from: '8', to: '9', inputName: 'images' },
]

function overlaps(a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  return Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT
}

describe('workflow graph preview layout', () => {
  it('puts every node one column right of the furthest node feeding it', () => {
    const layout = layoutGraph(nodes, links)
    const x = (id: string) => layout.nodes.find((n) => n.id === id)?.x ?? Number.NaN
    expect(x('4')).toBe(0)
    expect(x('5')).toBe(0)
    expect(x('6')).toBeGreaterThan(x('4'))
    expect(x('3')).toBeGreaterThan(x('6'))
    expect(x('8')).toBeGreaterThan(x('3'))
    expect(x('9')).toBeGreaterThan(x('8'))
    for (const l of layout.links) expect(l.x2).toBeGreaterThan(l.x1)
  })

  it('titles a node with its title, or its class when it has none', () => {
    const layout = layoutGraph(nodes, links)
    expect(layout.nodes.find((n) => n.id === '6')?.title).toBe('Positive')
    expect(layout.nodes.find((n) => n.id === '3')?.title).toBe('KSampler')
  })

  it('stacks each column of a UI workflow in the order its author drew it', () => {
    const layout = layoutGraph(
      [
        { id: 'low', classType: 'A', x: 0, y: 900 },
        { id: 'high', classType: 'B', x: 500, y: -50 },
        { id: 'sink', classType: 'C', x: 900, y: 0 },
      ],
      [
        { from: 'low', to: 'sink', inputName: 'a' },
        { from: 'high', to: 'sink', inputName: 'b' },
      ],
    )
    const y = (id: string) => layout.nodes.find((n) => n.id === id)?.y ?? Number.NaN
    expect(y('high')).toBeLessThan(y('low'))
    expect(layout.width).toBe(2 * NODE_WIDTH + 80)
  })

  it('survives a cycle and links to nodes that are not in the graph', () => {
    const layout = layoutGraph(
      [
        { id: 'a', classType: 'A' },
        { id: 'b', classType: 'B' },
      ],
      [
        { from: 'a', to: 'b', inputName: 'x' },
        { from: 'b', to: 'a', inputName: 'y' },
        { from: 'ghost', to: 'a', inputName: 'z' },
      ],
    )
    expect(layout.nodes).toHaveLength(2)
    expect(layout.links).toHaveLength(2)
  })

  it('lays out a chain of thousands of nodes without overflowing the stack', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => String(i))
    const chain = ids.slice(1).map((id, i) => ({ from: String(i), to: id, inputName: 'in' }))
    expect(columnsOf(ids, chain).get('4999')).toBe(4999)
  })

  it('never draws two nodes on top of each other, for any graph', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 30 })
          .chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 60 }))),
        ([n, pairs]) => {
          const graphNodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, classType: 'X' }))
          const graphLinks = pairs.map(([a, b]) => ({ from: `n${a}`, to: `n${b}`, inputName: 'in' }))
          const layout = layoutGraph(graphNodes, graphLinks)
          expect(layout.nodes).toHaveLength(n)
          for (const [i, a] of layout.nodes.entries()) {
            for (const b of layout.nodes.slice(i + 1)) expect(overlaps(a, b)).toBe(false)
          }
        },
      ),
    )
  })
})
