import { type ApiPrompt, isLink } from './api-prompt.schema'

const DIGITS = /^\d+$/

/** Orders node ids as people read them: `2` < `10` < `10:3` < `10:12` < `abc`. */
export function compareNodeIds(a: string, b: string): number {
  // Fast path for the common case of plain numeric ids.
  if (DIGITS.test(a) && DIGITS.test(b)) return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0
  const left = a.split(':')
  const right = b.split(':')
  const n = Math.min(left.length, right.length)
  for (let i = 0; i < n; i++) {
    const x = left[i] ?? ''
    const y = right[i] ?? ''
    if (x === y) continue
    const nx = /^\d+$/.test(x) ? Number(x) : Number.NaN
    const ny = /^\d+$/.test(y) ? Number(y) : Number.NaN
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny
    if (!Number.isNaN(nx)) return -1
    if (!Number.isNaN(ny)) return 1
    return x < y ? -1 : 1
  }
  return left.length - right.length
}

/** Upstream node ids of each node (links to missing nodes are left out). */
export function upstreamOf(prompt: ApiPrompt): Map<string, string[]> {
  const up = new Map<string, string[]>()
  for (const [id, node] of Object.entries(prompt)) {
    const sources: string[] = []
    for (const value of Object.values(node.inputs)) {
      if (isLink(value) && value[0] in prompt && !sources.includes(value[0])) sources.push(value[0])
    }
    up.set(id, sources)
  }
  return up
}

/** `roots` and everything they depend on through links: what ComfyUI executes for those outputs. */
export function ancestorsOf(up: ReadonlyMap<string, readonly string[]>, roots: Iterable<string>): Set<string> {
  const seen = new Set<string>()
  const stack = [...roots]
  while (stack.length > 0) {
    const id = stack.pop()
    if (id === undefined || seen.has(id)) continue
    seen.add(id)
    for (const source of up.get(id) ?? []) if (!seen.has(source)) stack.push(source)
  }
  return seen
}

/** Binary min-heap of numbers (ranks of ready node ids). */
function heapPush(heap: number[], value: number): void {
  heap.push(value)
  for (let i = heap.length - 1; i > 0; ) {
    const parent = (i - 1) >> 1
    const p = heap[parent] ?? 0
    if (p <= value) break
    heap[i] = p
    heap[parent] = value
    i = parent
  }
}

function heapPop(heap: number[]): number | undefined {
  const top = heap[0]
  const last = heap.pop()
  if (heap.length === 0 || last === undefined) return top
  heap[0] = last
  for (let i = 0; ; ) {
    const l = 2 * i + 1
    const r = l + 1
    let m = i
    if (l < heap.length && (heap[l] ?? 0) < (heap[m] ?? 0)) m = l
    if (r < heap.length && (heap[r] ?? 0) < (heap[m] ?? 0)) m = r
    if (m === i) break
    const tmp = heap[m] ?? 0
    heap[m] = heap[i] ?? 0
    heap[i] = tmp
    i = m
  }
  return top
}

/**
 * Kahn's algorithm over `nodes`, always taking the smallest ready id, so the same graph
 * gives the same order. Nodes on a cycle are left out; `complete` says whether any were.
 */
export function topologicalOrder(
  up: ReadonlyMap<string, readonly string[]>,
  nodes: ReadonlySet<string>,
): { order: string[]; complete: boolean } {
  // Rank ids once so the heap compares integers instead of id strings.
  const ids = [...nodes].sort(compareNodeIds)
  const rank = new Map<string, number>(ids.map((id, i) => [id, i]))
  const pending = new Array<number>(ids.length).fill(0)
  const down: number[][] = ids.map(() => [])
  for (let i = 0; i < ids.length; i++) {
    for (const s of up.get(ids[i] ?? '') ?? []) {
      const r = rank.get(s)
      if (r === undefined) continue
      pending[i] = (pending[i] ?? 0) + 1
      down[r]?.push(i)
    }
  }
  const heap: number[] = []
  for (let i = 0; i < ids.length; i++) if (pending[i] === 0) heap.push(i)
  const order: string[] = []
  for (let at = heapPop(heap); at !== undefined; at = heapPop(heap)) {
    order.push(ids[at] ?? '')
    for (const next of down[at] ?? []) {
      const left = (pending[next] ?? 0) - 1
      pending[next] = left
      if (left === 0) heapPush(heap, next)
    }
  }
  return { order, complete: order.length === ids.length }
}

/**
 * Every dependency cycle among `nodes`, one per strongly connected component, each written
 * as a closed path starting at its smallest id in the direction of data flow (`3 → 7 → 3`).
 */
export function findCycles(
  up: ReadonlyMap<string, readonly string[]>,
  nodes: ReadonlySet<string>,
  order: readonly string[] = topologicalOrder(up, nodes).order,
): string[][] {
  const acyclic = new Set(order)
  // Nodes left over are on a cycle or downstream of one; peel off the pure downstream ones.
  const rest = new Set([...nodes].filter((id) => !acyclic.has(id)))
  const down = new Map<string, string[]>()
  for (const id of rest) {
    for (const s of up.get(id) ?? []) {
      if (!rest.has(s)) continue
      const list = down.get(s)
      if (list === undefined) down.set(s, [id])
      else list.push(id)
    }
  }
  const cycles: string[][] = []
  const covered = new Set<string>()
  for (const start of [...rest].sort(compareNodeIds)) {
    if (covered.has(start)) continue
    const path = shortestCycleThrough(start, down)
    if (path === undefined) continue
    for (const id of path) covered.add(id)
    cycles.push(path)
  }
  return cycles
}

/** Breadth-first search from `start` back to itself along downstream edges. */
function shortestCycleThrough(start: string, down: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const parent = new Map<string, string>()
  const queue = [start]
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] ?? ''
    const nexts = [...(down.get(id) ?? [])].sort(compareNodeIds)
    for (const next of nexts) {
      if (next === start) {
        const path = [start]
        for (let at: string | undefined = id; at !== undefined && at !== start; at = parent.get(at))
          path.splice(1, 0, at)
        path.push(start)
        return path
      }
      if (!parent.has(next)) {
        parent.set(next, id)
        queue.push(next)
      }
    }
  }
  return undefined
}

/** Groups `nodes` into independent sub-graphs (connected through links in either direction). */
export function connectedComponents(
  up: ReadonlyMap<string, readonly string[]>,
  nodes: ReadonlySet<string>,
): string[][] {
  const root = new Map<string, string>()
  const find = (id: string): string => {
    let at = id
    for (let next = root.get(at); next !== undefined && next !== at; next = root.get(at)) at = next
    root.set(id, at)
    return at
  }
  for (const id of nodes) root.set(id, id)
  for (const id of nodes) {
    for (const s of up.get(id) ?? []) {
      if (!nodes.has(s)) continue
      const a = find(id)
      const b = find(s)
      if (a !== b) root.set(compareNodeIds(a, b) < 0 ? b : a, compareNodeIds(a, b) < 0 ? a : b)
    }
  }
  const groups = new Map<string, string[]>()
  for (const id of [...nodes].sort(compareNodeIds)) {
    const r = find(id)
    const list = groups.get(r)
    if (list === undefined) groups.set(r, [id])
    else list.push(id)
  }
  return [...groups.values()]
}
