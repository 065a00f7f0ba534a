// Work estimate of a prompt in cost units (sampler steps × megapixels/0.26 × latent frames ×
// batch, plus VAE decodes), and its primary model. The dispatcher learns each backend's speed in these units,
// so only proportions matter: a 20-step 512² image is ~20 units.
import type { ApiPrompt, WorkflowRequirements } from '@aipipeline/comfyui'

const BASE_PIXELS = 512 * 512

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback
}

function linkTarget(value: unknown): string | null {
  if (!Array.isArray(value) || value.length !== 2) return null
  const [id] = value
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null
}

/** The latent shape feeding `nodeId`: the first upstream node with width and height. */
function latentFactor(prompt: ApiPrompt, nodeId: string): number {
  const seen = new Set<string>()
  const queue = [nodeId]
  while (queue.length > 0) {
    const id = queue.shift()
    if (id === undefined || seen.has(id)) continue
    seen.add(id)
    const inputs = prompt[id]?.inputs
    if (inputs === undefined) continue
    if (typeof inputs.width === 'number' && typeof inputs.height === 'number') {
      const frames = Math.floor((num(inputs.length, 1) - 1) / 4) + 1
      return ((inputs.width * inputs.height) / BASE_PIXELS) * frames * num(inputs.batch_size, 1)
    }
    for (const value of Object.values(inputs)) {
      const target = linkTarget(value)
      if (target !== null) queue.push(target)
    }
  }
  return 1
}

/**
 * A VAE decode of one 512² frame takes about as long as 2.5 sampler steps. Counting it keeps
 * short, large-frame jobs from looking cheaper than they run, which would skew the speeds the
 * dispatcher learns from a mix of jobs.
 */
const DECODE_STEPS_PER_FRAME = 2.5

/** Estimated work of a prompt in cost units; never below 0.5 (even a graph without a sampler costs). */
export function estimateCost(prompt: ApiPrompt): number {
  let cost = 0
  for (const [id, node] of Object.entries(prompt)) {
    if (/sampler/i.test(node.class_type)) {
      const steps = num(node.inputs.steps, 20)
      cost += Math.max(1, steps) * latentFactor(prompt, id)
    } else if (/VAEDecode/i.test(node.class_type)) {
      cost += DECODE_STEPS_PER_FRAME * latentFactor(prompt, id)
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
