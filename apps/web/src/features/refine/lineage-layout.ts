// Where each version of a shot's lineage is drawn: a tidy tree (d3-hierarchy's Reingold–Tilford
// layout) growing left to right, first renders and uploads at the left, each refine one column
// right of its parent. A version made from several (an image and a control image or mask) hangs
// under its image parent; the other links are drawn too but do not shape the tree. Pure and
// deterministic (siblings by creation time), so the tree does not jump when it refetches.
import type { LineageNode, VersionLineage } from '@aipipeline/contracts'
import { hierarchy, tree } from 'd3-hierarchy'

export const CARD_WIDTH = 144
export const CARD_HEIGHT = 112
const COLUMN_GAP = 56
const ROW_GAP = 16

export interface PlacedVersion {
  node: LineageNode
  /** Top-left corner in pixels. */
  x: number
  y: number
  /** 0 for a version made from none; +1 per refine step. */
  depth: number
  parentId: string | null
}

export interface PlacedLink {
  parentId: string
  childId: string
  role: string
  /** The link the tree hangs on; others (control images, masks from elsewhere) are drawn dashed. */
  primary: boolean
  x1: number
  y1: number
  x2: number
  y2: number
}

export interface LineageLayout {
  nodes: PlacedVersion[]
  links: PlacedLink[]
  width: number
  height: number
  /** How many generations deep the tree is (1 with no refines). */
  levels: number
}

const ROLE_RANK: Record<string, number> = { image: 0, control: 1, mask: 2 }
const rank = (role: string) => ROLE_RANK[role] ?? 3

const byAge = (a: LineageNode, b: LineageNode) =>
  (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.versionId.localeCompare(b.versionId)

/** Each version's tree parent: its image parent where there is one, never making a loop. */
export function treeParents(lineage: Pick<VersionLineage, 'nodes' | 'edges'>): Map<string, string | null> {
  const ids = new Set(lineage.nodes.map((n) => n.versionId))
  const best = new Map<string, { parentId: string; role: string }>()
  for (const edge of lineage.edges) {
    if (!ids.has(edge.parentId) || !ids.has(edge.childId) || edge.parentId === edge.childId) continue
    const current = best.get(edge.childId)
    if (
      current === undefined ||
      rank(edge.role) < rank(current.role) ||
      (rank(edge.role) === rank(current.role) && edge.parentId < current.parentId)
    )
      best.set(edge.childId, edge)
  }
  const parents = new Map<string, string | null>()
  for (const id of ids) parents.set(id, best.get(id)?.parentId ?? null)
  // A loop (which lineage should never have) is cut at its weakest link (a control or mask
  // before an image), so layout always ends and image parents stay where they can.
  for (const id of ids) {
    const path: string[] = []
    let at: string | null = id
    while (at !== null && !path.includes(at)) {
      path.push(at)
      at = parents.get(at) ?? null
    }
    if (at === null) continue
    const loop = path.slice(path.indexOf(at))
    const weakest = loop.reduce((a, b) => (rank(best.get(b)?.role ?? '') >= rank(best.get(a)?.role ?? '') ? b : a))
    parents.set(weakest, null)
  }
  return parents
}

interface TreeDatum {
  node: LineageNode | null
  children: TreeDatum[]
}

/** Lays out a lineage; an empty one is an empty layout. */
export function layoutLineage(lineage: Pick<VersionLineage, 'nodes' | 'edges'>): LineageLayout {
  if (lineage.nodes.length === 0) return { nodes: [], links: [], width: 0, height: 0, levels: 0 }
  const parents = treeParents(lineage)
  const data = new Map<string, TreeDatum>()
  for (const node of [...lineage.nodes].sort(byAge)) data.set(node.versionId, { node, children: [] })
  // One invisible root above the first renders, so several of them make one tree.
  const root: TreeDatum = { node: null, children: [] }
  for (const [id, datum] of data) {
    const parentId = parents.get(id) ?? null
    ;(parentId === null ? root : (data.get(parentId) ?? root)).children.push(datum)
  }

  const laidOut = tree<TreeDatum>()
    .nodeSize([CARD_HEIGHT + ROW_GAP, CARD_WIDTH + COLUMN_GAP])
    .separation(() => 1)(hierarchy(root))
  const placed = laidOut.descendants().filter((d) => d.data.node !== null)
  // d3 grows trees downward: its x is our row, its y our column; the invisible root is depth 0.
  const top = Math.min(...placed.map((d) => d.x))
  const nodes: PlacedVersion[] = placed.map((d) => ({
    node: d.data.node as LineageNode,
    x: (d.depth - 1) * (CARD_WIDTH + COLUMN_GAP),
    y: d.x - top,
    depth: d.depth - 1,
    parentId: parents.get((d.data.node as LineageNode).versionId) ?? null,
  }))

  const at = new Map(nodes.map((n) => [n.node.versionId, n]))
  const links: PlacedLink[] = []
  for (const edge of lineage.edges) {
    const from = at.get(edge.parentId)
    const to = at.get(edge.childId)
    if (!from || !to || from === to) continue
    const primary =
      parents.get(edge.childId) === edge.parentId && !links.some((l) => l.primary && l.childId === edge.childId)
    links.push({
      parentId: edge.parentId,
      childId: edge.childId,
      role: edge.role,
      primary,
      x1: from.x + CARD_WIDTH,
      y1: from.y + CARD_HEIGHT / 2,
      x2: to.x,
      y2: to.y + CARD_HEIGHT / 2,
    })
  }
  const levels = Math.max(...nodes.map((n) => n.depth)) + 1
  return {
    nodes,
    links,
    width: Math.max(...nodes.map((n) => n.x)) + CARD_WIDTH,
    height: Math.max(...nodes.map((n) => n.y)) + CARD_HEIGHT,
    levels,
  }
}
