// Where each node of a workflow graph is drawn in the preview: a layered layout where every node
// sits one column right of the furthest node feeding it. A UI workflow's columns keep the order
// its author stacked the nodes in ComfyUI (their canvas is too sparse to copy at preview size);
// an API prompt has no positions, so each column is ordered by where its inputs sit, which makes
// links cross less. Pure and deterministic, so the preview never jumps.

export interface GraphNodeInput {
  id: string
  classType: string
  title?: string | undefined
  x?: number | undefined
  y?: number | undefined
}

export interface GraphLinkInput {
  from: string
  to: string
  inputName: string
}

export interface PlacedNode {
  id: string
  classType: string
  title: string
  /** Top-left corner, in layout units (the preview scales them with a viewBox). */
  x: number
  y: number
  width: number
  height: number
}

export interface PlacedLink {
  from: string
  to: string
  inputName: string
  /** Start at the right edge of `from`, end at the left edge of `to`. */
  x1: number
  y1: number
  x2: number
  y2: number
}

export interface GraphLayout {
  nodes: PlacedNode[]
  links: PlacedLink[]
  width: number
  height: number
}

export const NODE_WIDTH = 200
export const NODE_HEIGHT = 48
const COLUMN_GAP = 80
const ROW_GAP = 24
/** Ordering passes over the columns; two already untangle the usual sampler chains. */
const ORDER_SWEEPS = 4

/** Lays out a workflow graph; links to unknown nodes are dropped, cycles do not loop forever. */
export function layoutGraph(nodes: GraphNodeInput[], links: GraphLinkInput[]): GraphLayout {
  const ids = new Set(nodes.map((n) => n.id))
  const kept = links.filter((l) => ids.has(l.from) && ids.has(l.to) && l.from !== l.to)
  const corners = layeredPositions(nodes, kept)
  const placed = nodes.map((n): PlacedNode => {
    const at = corners.get(n.id) ?? { x: 0, y: 0 }
    const title = n.title?.trim() ? n.title.trim() : n.classType
    return { id: n.id, classType: n.classType, title, x: at.x, y: at.y, width: NODE_WIDTH, height: NODE_HEIGHT }
  })
  const byId = new Map(placed.map((n) => [n.id, n]))
  const placedLinks = kept.flatMap((l): PlacedLink[] => {
    const a = byId.get(l.from)
    const b = byId.get(l.to)
    if (!a || !b) return []
    return [{ ...l, x1: a.x + a.width, y1: a.y + a.height / 2, x2: b.x, y2: b.y + b.height / 2 }]
  })
  const width = Math.max(0, ...placed.map((n) => n.x + n.width))
  const height = Math.max(0, ...placed.map((n) => n.y + n.height))
  return { nodes: placed, links: placedLinks, width, height }
}

/** Column of each node: the longest chain of links leading into it (a cycle's back link is ignored). */
export function columnsOf(nodeIds: string[], links: GraphLinkInput[]): Map<string, number> {
  const inputs = new Map<string, string[]>(nodeIds.map((id) => [id, []]))
  for (const l of links) inputs.get(l.to)?.push(l.from)
  const column = new Map<string, number>()
  const visiting = new Set<string>()
  // Iterative depth-first walk: workflows of thousands of nodes must not overflow the stack.
  for (const start of nodeIds) {
    if (column.has(start)) continue
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }]
    visiting.add(start)
    while (stack.length > 0) {
      const top = stack[stack.length - 1]
      if (!top) break
      const sources = inputs.get(top.id) ?? []
      const source = sources[top.next]
      if (source !== undefined) {
        top.next += 1
        if (!column.has(source) && !visiting.has(source)) {
          visiting.add(source)
          stack.push({ id: source, next: 0 })
        }
        continue
      }
      const placedSources = sources.map((s) => column.get(s)).filter((c): c is number => c !== undefined)
      column.set(top.id, placedSources.length === 0 ? 0 : Math.max(...placedSources) + 1)
      visiting.delete(top.id)
      stack.pop()
    }
  }
  return column
}

function layeredPositions(nodes: GraphNodeInput[], links: GraphLinkInput[]): Map<string, { x: number; y: number }> {
  const column = columnsOf(
    nodes.map((n) => n.id),
    links,
  )
  const columnCount = Math.max(0, ...column.values()) + 1
  const layers: string[][] = Array.from({ length: columnCount }, () => [])
  for (const n of nodes) layers[column.get(n.id) ?? 0]?.push(n.id)
  const positioned = nodes.length > 0 && nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y))
  if (positioned) {
    const y = new Map(nodes.map((n) => [n.id, n.y ?? 0]))
    for (const layer of layers) layer.sort((a, b) => (y.get(a) ?? 0) - (y.get(b) ?? 0))
  } else orderLayers(layers, links)
  const tallest = Math.max(0, ...layers.map((l) => l.length))
  const out = new Map<string, { x: number; y: number }>()
  layers.forEach((layer, c) => {
    // Centre shorter columns against the tallest one.
    const offset = ((tallest - layer.length) * (NODE_HEIGHT + ROW_GAP)) / 2
    layer.forEach((id, row) => {
      out.set(id, { x: c * (NODE_WIDTH + COLUMN_GAP), y: offset + row * (NODE_HEIGHT + ROW_GAP) })
    })
  })
  return out
}

/** Barycentre ordering: alternately by the mean row of each node's inputs, then of its outputs. */
function orderLayers(layers: string[][], links: GraphLinkInput[]): void {
  const rowOf = new Map<string, number>()
  const index = (layer: string[]) => {
    for (const [row, id] of layer.entries()) rowOf.set(id, row)
  }
  const from = new Map<string, string[]>()
  const to = new Map<string, string[]>()
  for (const l of links) {
    to.set(l.to, [...(to.get(l.to) ?? []), l.from])
    from.set(l.from, [...(from.get(l.from) ?? []), l.to])
  }
  const sortBy = (layer: string[], neighbours: Map<string, string[]>) => {
    const key = new Map(
      layer.map((id, row) => {
        const rows = (neighbours.get(id) ?? []).map((n) => rowOf.get(n)).filter((r): r is number => r !== undefined)
        return [id, rows.length === 0 ? row : rows.reduce((a, b) => a + b, 0) / rows.length] as const
      }),
    )
    // Stable: equal keys keep their order, so the result does not depend on the engine's sort.
    layer.sort((a, b) => (key.get(a) ?? 0) - (key.get(b) ?? 0))
  }
  for (const layer of layers) index(layer)
  for (let sweep = 0; sweep < ORDER_SWEEPS; sweep += 1) {
    const down = sweep % 2 === 0
    const order = down ? layers.slice(1) : layers.slice(0, -1).reverse()
    for (const layer of order) {
      sortBy(layer, down ? to : from)
      index(layer)
    }
  }
}
