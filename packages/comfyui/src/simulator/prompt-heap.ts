import type { SimGraph } from './simulator-graph'

/** A queued prompt, as ComfyUI's PromptQueue tuple plus what the executor precomputed. */
export interface QueuedPrompt {
  number: number
  promptId: string
  prompt: SimGraph
  extraData: Record<string, unknown>
  outputs: string[]
  executionOrder: string[]
  clientId: string | null
}

// Python's heapq orders tuples `(number, prompt_id, …)`: lower number first, id breaks ties.
function before(a: QueuedPrompt, b: QueuedPrompt): boolean {
  return a.number < b.number || (a.number === b.number && a.promptId < b.promptId)
}

/** A binary min-heap with ComfyUI's ordering; `items` is the raw heap array, unsorted like /queue. */
export class PromptHeap {
  readonly items: QueuedPrompt[] = []

  get size(): number {
    return this.items.length
  }

  push(item: QueuedPrompt): void {
    const a = this.items
    a.push(item)
    let i = a.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      const cur = a[i]
      const parent = a[p]
      if (cur === undefined || parent === undefined || !before(cur, parent)) break
      a[i] = parent
      a[p] = cur
      i = p
    }
  }

  pop(): QueuedPrompt | undefined {
    const a = this.items
    const top = a[0]
    const last = a.pop()
    if (a.length > 0 && last !== undefined) {
      a[0] = last
      this.siftDown(0)
    }
    return top
  }

  /** Removes pending items whose id matches; returns how many were removed. */
  remove(ids: ReadonlySet<string>): number {
    const keep = this.items.filter((i) => !ids.has(i.promptId))
    const removed = this.items.length - keep.length
    this.items.length = 0
    for (const item of keep) this.push(item)
    return removed
  }

  clear(): void {
    this.items.length = 0
  }

  private siftDown(start: number): void {
    const a = this.items
    let i = start
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      const lv = a[l]
      const rv = a[r]
      if (lv !== undefined && before(lv, a[m] ?? lv)) m = l
      if (rv !== undefined && before(rv, a[m] ?? rv)) m = r
      if (m === i) return
      const tmp = a[i]
      const mv = a[m]
      if (tmp === undefined || mv === undefined) return
      a[i] = mv
      a[m] = tmp
      i = m
    }
  }
}
