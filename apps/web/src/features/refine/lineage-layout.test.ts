import type { LineageNode } from '@aipipeline/contracts'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CARD_HEIGHT, CARD_WIDTH, layoutLineage, treeParents } from './lineage-layout'

const node = (versionId: string, extra: Partial<LineageNode> = {}): LineageNode => ({
  versionId,
  gone: false,
  taskId: 't1',
  taskTypeName: 'Keyframe',
  number: 1,
  kind: 'image',
  thumbnailFileId: null,
  mode: null,
  approved: false,
  createdAt: `2026-01-01T00:00:0${versionId.length}Z`,
  ...extra,
})
const edge = (parentId: string, childId: string, role = 'image') => ({ parentId, childId, role, parameter: role })

function overlap(a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  return Math.abs(a.x - b.x) < CARD_WIDTH && Math.abs(a.y - b.y) < CARD_HEIGHT
}

describe('lineage tree layout', () => {
  it('puts a render refined twice in three columns, each child right of its parent', () => {
    const layout = layoutLineage({
      nodes: [node('v1'), node('v2', { mode: 'refine' }), node('v3', { mode: 'refine' })],
      edges: [edge('v1', 'v2'), edge('v2', 'v3')],
    })
    expect(layout.levels).toBe(3)
    const x = Object.fromEntries(layout.nodes.map((n) => [n.node.versionId, n.x]))
    expect(x.v1).toBeLessThan(x.v2 ?? 0)
    expect(x.v2).toBeLessThan(x.v3 ?? 0)
    expect(layout.links.map((l) => [l.parentId, l.childId, l.primary])).toEqual([
      ['v1', 'v2', true],
      ['v2', 'v3', true],
    ])
  })

  it('hangs a guided version under its image parent and draws the control link beside', () => {
    const lineage = {
      nodes: [node('a'), node('b'), node('cc', { mode: 'guide' })],
      edges: [edge('b', 'cc', 'control'), edge('a', 'cc', 'image')],
    }
    expect(treeParents(lineage).get('cc')).toBe('a')
    const links = layoutLineage(lineage).links
    expect(links.find((l) => l.role === 'control')?.primary).toBe(false)
    expect(links.find((l) => l.role === 'image')?.primary).toBe(true)
  })

  it('keeps a deleted parent as a node of its own with its children under it', () => {
    const layout = layoutLineage({
      nodes: [node('gone', { gone: true, number: null, createdAt: null }), node('kid', { mode: 'upscale' })],
      edges: [edge('gone', 'kid')],
    })
    expect(layout.nodes.find((n) => n.node.versionId === 'gone')?.depth).toBe(0)
    expect(layout.nodes.find((n) => n.node.versionId === 'kid')?.parentId).toBe('gone')
  })

  it('ends on a loop and ignores links to versions it does not list', () => {
    const layout = layoutLineage({
      nodes: [node('a'), node('b')],
      edges: [edge('a', 'b'), edge('b', 'a'), edge('missing', 'a')],
    })
    expect(layout.nodes).toHaveLength(2)
    const mixed = { nodes: [node('a'), node('b')], edges: [edge('a', 'b', 'image'), edge('b', 'a', 'control')] }
    expect([...treeParents(mixed)]).toEqual([
      ['a', null],
      ['b', 'a'],
    ])
  })

  it('places every version once, without overlaps, inside its box, for any forest', () => {
    const forest = fc.integer({ min: 1, max: 40 }).chain((n) =>
      fc.tuple(
        fc.constant(n),
        // Parent of version i: none, or one made before it (lineage runs forward in time).
        fc.array(fc.option(fc.nat(), { nil: null }), { minLength: n, maxLength: n }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }),
      ),
    )
    fc.assert(
      fc.property(forest, ([n, parentPicks, extra]) => {
        const ids = Array.from({ length: n }, (_, i) => `v${String(i).padStart(2, '0')}`)
        const nodes = ids.map((id) => node(id))
        const edges = parentPicks.flatMap((pick, i) =>
          pick === null || i === 0 ? [] : [edge(ids[pick % i] ?? '', ids[i] ?? '')],
        )
        const controls = extra.map(([p, c]) => edge(ids[p % n] ?? '', ids[c % n] ?? '', 'control'))
        const layout = layoutLineage({ nodes, edges: [...edges, ...controls] })
        expect(layout.nodes.map((p) => p.node.versionId).sort()).toEqual(ids)
        for (const [i, a] of layout.nodes.entries()) {
          expect(a.x).toBeGreaterThanOrEqual(0)
          expect(a.y).toBeGreaterThanOrEqual(0)
          expect(a.x + CARD_WIDTH).toBeLessThanOrEqual(layout.width)
          expect(a.y + CARD_HEIGHT).toBeLessThanOrEqual(layout.height)
          for (const b of layout.nodes.slice(i + 1)) expect(overlap(a, b)).toBe(false)
        }
        const byId = new Map(layout.nodes.map((p) => [p.node.versionId, p]))
        for (const e of edges) expect(byId.get(e.childId)?.depth).toBe((byId.get(e.parentId)?.depth ?? -2) + 1)
      }),
    )
  })
})
