// What a submitted prompt says about how its outputs were made, for the version sidecar: the
// workflow hash, the final positive and negative prompt, the seed and the model files. Pure.
import { createHash } from 'node:crypto'
import { type ApiPrompt, extractRequirements, isLink } from '@aipipeline/comfyui'
import type { WorkflowTemplateRecord } from '@aipipeline/db'

export interface RenderProvenance {
  /** sha256 of the prompt as canonical JSON (keys sorted at every level, no spaces). */
  workflowHash: string
  prompt: string | null
  negativePrompt: string | null
  seed: number | null
  models: { checkpoints: string[]; unets: string[]; loras: string[] }
}

/** JSON with object keys sorted, so equal prompts hash equally whatever order they were written in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** Sampler inputs that carry the conditioning, and the seed inputs of samplers and noise nodes. */
const POSITIVE = ['positive', 'conditioning']
const NEGATIVE = ['negative']
const SEED = ['seed', 'noise_seed']

/** The text of the first text-encode node upstream of `value` (a link), following conditioning nodes. */
function textUpstream(prompt: ApiPrompt, value: unknown, seen = new Set<string>()): string | null {
  if (!isLink(value)) return null
  const [id] = value
  if (seen.has(id)) return null
  seen.add(id)
  const node = prompt[id]
  if (!node) return null
  for (const key of ['text', 'text_g', 'prompt']) {
    const text = node.inputs[key]
    if (typeof text === 'string') return text
  }
  for (const input of Object.values(node.inputs)) {
    const found = textUpstream(prompt, input, seen)
    if (found !== null) return found
  }
  return null
}

/** Reads the provenance of a submitted API prompt. */
export function renderProvenance(prompt: ApiPrompt): RenderProvenance {
  let positive: string | null = null
  let negative: string | null = null
  let seed: number | null = null
  // Node ids in numeric order: the first sampler of the graph speaks for it.
  const ids = Object.keys(prompt).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
  for (const id of ids) {
    const inputs = prompt[id]?.inputs ?? {}
    for (const key of POSITIVE) positive ??= textUpstream(prompt, inputs[key])
    for (const key of NEGATIVE) negative ??= textUpstream(prompt, inputs[key])
    for (const key of SEED) {
      const value = inputs[key]
      if (seed === null && typeof value === 'number') seed = value
    }
  }
  const models = extractRequirements(prompt).models
  return {
    workflowHash: createHash('sha256').update(canonicalJson(prompt)).digest('hex'),
    prompt: positive,
    negativePrompt: negative,
    seed,
    models: { checkpoints: models.checkpoints, unets: models.diffusionModels, loras: models.loras },
  }
}

/** The lineage role of an input version from the parameter it fills (or the template's role for it). */
export function inputRole(parameter: string, templateRole?: string): 'image' | 'mask' | 'control' {
  const hint = templateRole ?? parameter
  if (/mask/i.test(hint)) return 'mask'
  if (/control/i.test(hint)) return 'control'
  return 'image'
}

/**
 * A template's revision and its parameters' roles, read defensively: template rows from before
 * templates had revisions and roles have neither.
 */
export function templateFacts(t: WorkflowTemplateRecord | null): {
  revision: number | null
  roles: Map<string, string>
} {
  const revision: unknown = t === null ? undefined : Object.getOwnPropertyDescriptor(t, 'revision')?.value
  const roles = new Map<string, string>()
  for (const p of t?.parameters ?? []) {
    const role: unknown = Object.getOwnPropertyDescriptor(p, 'role')?.value
    if (typeof role === 'string') roles.set(p.name, role)
  }
  return { revision: typeof revision === 'number' ? revision : null, roles }
}
