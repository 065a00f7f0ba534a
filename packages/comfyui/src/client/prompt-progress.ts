// Overall progress of one prompt from node weights: a sampler weighs its step count (that is
// where the time goes), every other node weighs 1. Cached nodes count as done at once.

export interface PromptGraphLike {
  [nodeId: string]: { class_type: string; inputs: Record<string, unknown> }
}

/** Weight of each node in `graph`: samplers by steps, others 1. */
export function nodeWeights(graph: PromptGraphLike): Map<string, number> {
  const weights = new Map<string, number>()
  for (const [id, node] of Object.entries(graph)) {
    const steps = node.inputs.steps
    const isSampler = /sampler/i.test(node.class_type) && typeof steps === 'number' && steps > 0
    weights.set(id, isSampler ? steps : 1)
  }
  return weights
}

export class OverallProgress {
  private readonly done = new Set<string>()
  private current: { node: string; fraction: number } | null = null
  private readonly total: number

  constructor(private readonly weights: Map<string, number>) {
    let sum = 0
    for (const w of weights.values()) sum += w
    this.total = sum
  }

  markDone(nodes: Iterable<string>): void {
    for (const n of nodes) this.done.add(n)
  }

  /** Records that `node` started; the previously running node is finished. */
  start(node: string): void {
    if (this.current && this.current.node !== node) this.done.add(this.current.node)
    this.current = { node, fraction: 0 }
  }

  step(node: string, value: number, max: number): void {
    if (this.current?.node !== node) this.start(node)
    this.current = { node, fraction: max > 0 ? Math.min(1, value / max) : 0 }
  }

  /** 0..1; nodes outside the graph (ComfyUI-expanded ones) do not move it. */
  get value(): number {
    if (this.total === 0) return 0
    let sum = 0
    for (const n of this.done) sum += this.weights.get(n) ?? 0
    if (this.current && !this.done.has(this.current.node)) {
      sum += (this.weights.get(this.current.node) ?? 0) * this.current.fraction
    }
    return Math.min(1, sum / this.total)
  }
}
