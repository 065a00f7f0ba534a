import { createHash } from 'node:crypto'

// Graph facts the simulated executor needs: link reading, cache keys, latent size, timing
// and a VRAM estimate. Durations are nominal milliseconds on a speed-1 GPU at timeScale 1.

export interface SimNode {
  class_type: string
  inputs: Record<string, unknown>
}
export type SimGraph = Record<string, SimNode>

/** `[nodeId, slot]` when the value is a link, else undefined. */
export function asLink(value: unknown): [string, number] | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined
  const [id, slot] = value
  if ((typeof id === 'string' || typeof id === 'number') && typeof slot === 'number') return [String(id), slot]
  return undefined
}

/** Ancestors of `outputs` (inclusive) in an order where every node follows its inputs. */
export function executionOrder(graph: SimGraph, outputs: readonly string[]): string[] {
  const order: string[] = []
  const seen = new Set<string>()
  const visit = (id: string, path: Set<string>): void => {
    if (seen.has(id) || path.has(id)) return
    const node = graph[id]
    if (node === undefined) return
    path.add(id)
    for (const value of Object.values(node.inputs)) {
      const link = asLink(value)
      if (link) visit(link[0], path)
    }
    path.delete(id)
    seen.add(id)
    order.push(id)
  }
  for (const id of outputs) visit(id, new Set())
  return order
}

/** Cache key of a node = its class and inputs with links replaced by upstream keys (ComfyUI's classic cache). */
export function cacheKeys(graph: SimGraph, order: readonly string[]): Map<string, string> {
  const keys = new Map<string, string>()
  for (const id of order) {
    const node = graph[id]
    if (node === undefined) continue
    const inputs: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(node.inputs).sort(([a], [b]) => a.localeCompare(b))) {
      const link = asLink(value)
      inputs[name] = link ? { link: keys.get(link[0]) ?? link[0], slot: link[1] } : value
    }
    keys.set(
      id,
      createHash('sha1')
        .update(JSON.stringify([node.class_type, inputs]))
        .digest('hex'),
    )
  }
  return keys
}

export interface LatentShape {
  width: number
  height: number
  /** Latent frames for video (ComfyUI video latents pack 4 frames into one), 1 for images. */
  frames: number
  /** Pixel frames as the user asked for them (`length`). */
  length: number
  batch: number
}

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback
}

/** Finds the latent size feeding a node by walking upstream to the first node with width/height. */
export function latentShape(graph: SimGraph, id: string): LatentShape {
  const seen = new Set<string>()
  const queue = [id]
  while (queue.length > 0) {
    const cur = queue.shift()
    if (cur === undefined || seen.has(cur)) continue
    seen.add(cur)
    const node = graph[cur]
    if (node === undefined) continue
    const { width, height } = node.inputs
    if (typeof width === 'number' && typeof height === 'number') {
      const length = num(node.inputs.length, 1)
      return { width, height, length, frames: Math.floor((length - 1) / 4) + 1, batch: num(node.inputs.batch_size, 1) }
    }
    for (const value of Object.values(node.inputs)) {
      const link = asLink(value)
      if (link) queue.push(link[0])
    }
  }
  return { width: 512, height: 512, frames: 1, length: 1, batch: 1 }
}

const SAMPLER_CLASSES = new Set(['KSampler', 'KSamplerAdvanced', 'SamplerCustom', 'SamplerCustomAdvanced'])
const SIGMA_SAMPLERS = new Set(['SamplerCustom', 'SamplerCustomAdvanced'])
export const VIDEO_SAVE_CLASSES = new Set(['SaveAnimatedWEBP', 'SaveWEBM', 'SaveVideo', 'VHS_VideoCombine'])
/** Steps ComfyUI's samplers default to; also what a sigma schedule we cannot follow is taken as. */
const DEFAULT_STEPS = 20
// Sigma chains are short; the bound only guards against a cycle the validator missed.
const MAX_SIGMA_HOPS = 64

/** Whether a node is one of the core samplers (the nodes that tick per step and hold the GPU). */
export function isSampler(node: SimNode): boolean {
  return SAMPLER_CLASSES.has(node.class_type)
}

/** Sampler step count a node will tick through, or 0 when it is not a sampler. */
export function samplerSteps(graph: SimGraph, id: string): number {
  const node = graph[id]
  if (node === undefined || !isSampler(node)) return 0
  if (SIGMA_SAMPLERS.has(node.class_type)) {
    // One step per pair of consecutive sigmas; a schedule of one sigma runs no step at all.
    const link = asLink(node.inputs.sigmas)
    const count = link === undefined ? undefined : sigmaCount(graph, link, 0)
    return count === undefined ? DEFAULT_STEPS : Math.max(0, count - 1)
  }
  const steps = num(node.inputs.steps, DEFAULT_STEPS)
  if (node.class_type !== 'KSamplerAdvanced') return Math.max(1, steps)
  const start = num(node.inputs.start_at_step, 0)
  const end = Math.min(num(node.inputs.end_at_step, steps), steps)
  return Math.max(1, end - start)
}

/**
 * Length of the SIGMAS tensor an output carries, following ComfyUI's sigma nodes: schedulers
 * make `steps + 1` values, SplitSigmas keeps `[:step + 1]` and `[step:]`, SplitSigmasDenoise
 * keeps the last `round(steps × denoise) + 1` for its low half, other nodes that take sigmas
 * (FlipSigmas, SetFirstSigma…) keep the length. Undefined when the source is unknown.
 */
function sigmaCount(graph: SimGraph, [id, slot]: [string, number], hops: number): number | undefined {
  const node = graph[id]
  if (node === undefined || hops > MAX_SIGMA_HOPS) return undefined
  const { inputs } = node
  if (node.class_type === 'ManualSigmas' && typeof inputs.sigmas === 'string') {
    return (inputs.sigmas.match(/[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?/gi) ?? []).length
  }
  const upstream = asLink(inputs.sigmas)
  if (upstream !== undefined) {
    const n = sigmaCount(graph, upstream, hops + 1)
    if (n === undefined) return undefined
    if (node.class_type === 'SplitSigmas') {
      const step = Math.max(0, Math.trunc(num(inputs.step, 0)))
      return slot === 0 ? Math.min(step + 1, n) : Math.max(0, n - step)
    }
    if (node.class_type === 'SplitSigmasDenoise') {
      const low = Math.round(Math.max(0, n - 1) * num(inputs.denoise, 1))
      // Python's sigmas[:-0] is empty, hence the high half vanishes when nothing is split off.
      return slot === 0 ? (low === 0 ? 0 : n - low) : Math.min(n, low + 1)
    }
    return n
  }
  if (typeof inputs.steps === 'number') {
    // BasicScheduler returns an empty schedule for denoise 0; other schedulers ignore denoise here.
    if (typeof inputs.denoise === 'number' && inputs.denoise <= 0) return 0
    return Math.max(0, Math.trunc(inputs.steps)) + 1
  }
  return undefined
}

/** Nominal duration of a node (or of one step for samplers), in ms at speed 1. */
export function nominalDurationMs(graph: SimGraph, id: string): number {
  const node = graph[id]
  if (node === undefined) return 0
  const shape = latentShape(graph, id)
  const pixels = ((shape.width * shape.height) / (512 * 512)) * shape.batch
  if (isSampler(node)) return 60 * pixels * shape.frames
  const cls = node.class_type
  if (cls.includes('Loader')) return cls.startsWith('Checkpoint') || cls.startsWith('UNET') ? 3000 : 800
  if (cls.startsWith('CLIPTextEncode')) return 120
  if (cls.startsWith('VAEDecode') || cls.startsWith('VAEEncode')) return 150 * pixels * shape.frames
  if (cls.includes('Upscale')) return 400 * pixels
  if (cls.startsWith('Save') || cls.startsWith('Preview') || cls === 'VHS_VideoCombine') return 40 * shape.frames
  return 10
}

const MODEL_INPUTS = ['ckpt_name', 'unet_name']

/** Rough VRAM need in GB: model weights by family plus activations by latent size. */
export function estimateVramGb(graph: SimGraph): number {
  let weights = 0
  let activation = 0
  for (const [id, node] of Object.entries(graph)) {
    for (const name of MODEL_INPUTS) {
      const file = node.inputs[name]
      if (typeof file !== 'string') continue
      const f = file.toLowerCase()
      const gb = /14b|wan|hunyuan/.test(f) ? 18 : /flux/.test(f) ? 12 : /xl/.test(f) ? 7 : 3.5
      weights = Math.max(weights, gb)
    }
    if (isSampler(node)) {
      const s = latentShape(graph, id)
      activation = Math.max(activation, ((s.width * s.height) / (1024 * 1024)) * 1.5 * Math.sqrt(s.frames) * s.batch)
    }
  }
  return weights + activation
}
