// Work estimate of a prompt in cost units (sampler steps × megapixels/0.26 × latent frames ×
// batch, plus VAE decodes), and its primary model. The dispatcher learns each backend's speed in these units,
// so only proportions matter: a 20-step 512² image is ~20 units.
import { type ApiPrompt, topologicalOrder, upstreamOf, type WorkflowRequirements } from '@aipipeline/comfyui'

const BASE_PIXELS = 512 * 512

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback
}

function linkTarget(value: unknown): string | null {
  if (!Array.isArray(value) || value.length !== 2) return null
  const [id] = value
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null
}

function ownFactor(inputs: Record<string, unknown>): number | null {
  if (typeof inputs.width !== 'number' || typeof inputs.height !== 'number') return null
  const frames = Math.floor((num(inputs.length, 1) - 1) / 4) + 1
  return ((inputs.width * inputs.height) / BASE_PIXELS) * frames * num(inputs.batch_size, 1)
}

/** The latent shape feeding `nodeId`: the first upstream node with width and height, breadth first. */
function latentFactorSearch(prompt: ApiPrompt, nodeId: string): number {
  const seen = new Set<string>()
  const queue = [nodeId]
  for (let at = 0; at < queue.length; at++) {
    const id = queue[at] ?? ''
    if (seen.has(id)) continue
    seen.add(id)
    const inputs = prompt[id]?.inputs
    if (inputs === undefined) continue
    const own = ownFactor(inputs)
    if (own !== null) return own
    for (const value of Object.values(inputs)) {
      const target = linkTarget(value)
      if (target !== null) queue.push(target)
    }
  }
  return 1
}

/**
 * The latent factor of every node at once, upstream first: the nearest node with width and
 * height, ties to the earlier input — what the breadth-first search finds, in one pass. A
 * search per sampler was quadratic: a 10,000-sampler chain took 50 s of event loop.
 */
function latentFactors(prompt: ApiPrompt): (nodeId: string) => number {
  const nearest = new Map<string, { dist: number; factor: number } | null>()
  const { order } = topologicalOrder(upstreamOf(prompt), new Set(Object.keys(prompt)))
  for (const id of order) {
    const inputs = prompt[id]?.inputs ?? {}
    const own = ownFactor(inputs)
    if (own !== null) {
      nearest.set(id, { dist: 0, factor: own })
      continue
    }
    let best: { dist: number; factor: number } | null = null
    for (const value of Object.values(inputs)) {
      const target = linkTarget(value)
      const found = target === null ? null : (nearest.get(target) ?? null)
      if (found !== null && (best === null || found.dist + 1 < best.dist))
        best = { dist: found.dist + 1, factor: found.factor }
    }
    nearest.set(id, best)
  }
  // Nodes on a dependency cycle are not in `order` (such prompts are refused at submit).
  return (id) => (nearest.has(id) ? (nearest.get(id)?.factor ?? 1) : latentFactorSearch(prompt, id))
}

/**
 * A VAE decode of one 512² frame takes about as long as 2.5 sampler steps. Counting it keeps
 * short, large-frame jobs from looking cheaper than they run, which would skew the speeds the
 * dispatcher learns from a mix of jobs.
 */
const DECODE_STEPS_PER_FRAME = 2.5

/** Estimated work of a prompt in cost units; never below 0.5 (even a graph without a sampler costs). */
export function estimateCost(prompt: ApiPrompt): number {
  const latentFactor = latentFactors(prompt)
  let cost = 0
  for (const [id, node] of Object.entries(prompt)) {
    if (/sampler/i.test(node.class_type)) {
      const steps = num(node.inputs.steps, 20)
      cost += Math.max(1, steps) * latentFactor(id)
    } else if (/VAEDecode/i.test(node.class_type)) {
      cost += DECODE_STEPS_PER_FRAME * latentFactor(id)
    }
  }
  return Math.max(0.5, cost)
}

/** The model whose load dominates a switch: the first checkpoint, else the first diffusion model. */
export function primaryModel(requirements: WorkflowRequirements): string | null {
  return requirements.models.checkpoints[0] ?? requirements.models.diffusionModels[0] ?? null
}

/** Every model file a workflow needs, whatever its folder. */
export function allModels(requirements: WorkflowRequirements): string[] {
  return [...new Set(Object.values(requirements.models).flat())].sort()
}
