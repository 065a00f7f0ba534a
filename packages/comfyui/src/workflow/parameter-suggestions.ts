// Suggested placeholders for a workflow read from a file: the inputs a user usually varies per
// render (prompt texts, sampler seed/steps/cfg/denoise, latent size and length, loaded images,
// frame rate), each with the role the studio fills it with. Literal values only; links and
// existing placeholders are left alone. Equal values of one role share one placeholder.
import { type ApiPrompt, isLink } from './api-prompt.schema'

/** What the studio fills a parameter with (the contracts' ParameterRole). */
export type ParameterRole =
  | 'prompt'
  | 'negative'
  | 'seed'
  | 'width'
  | 'height'
  | 'steps'
  | 'cfg'
  | 'denoise'
  | 'frames'
  | 'fps'
  | 'image'
  | 'mask'
  | 'controlImage'
  | 'loraStrength'
  | 'upscaleFactor'

export interface ParameterSuggestion {
  name: string
  role: ParameterRole
  default: string | number | boolean
  locations: Array<{ nodeId: string; inputName: string }>
}

type Rule = { input: string; role: ParameterRole }

/** Inputs per node class (a `*` class matches every class with the input). */
const RULES: Record<string, Rule[]> = {
  KSampler: [
    { input: 'seed', role: 'seed' },
    { input: 'steps', role: 'steps' },
    { input: 'cfg', role: 'cfg' },
    { input: 'denoise', role: 'denoise' },
  ],
  KSamplerAdvanced: [
    { input: 'noise_seed', role: 'seed' },
    { input: 'steps', role: 'steps' },
    { input: 'cfg', role: 'cfg' },
  ],
  RandomNoise: [{ input: 'noise_seed', role: 'seed' }],
  BasicScheduler: [
    { input: 'steps', role: 'steps' },
    { input: 'denoise', role: 'denoise' },
  ],
  CFGGuider: [{ input: 'cfg', role: 'cfg' }],
  CogVideoSampler: [
    { input: 'seed', role: 'seed' },
    { input: 'steps', role: 'steps' },
    { input: 'cfg', role: 'cfg' },
    { input: 'num_frames', role: 'frames' },
  ],
  LoadImage: [{ input: 'image', role: 'image' }],
  LoadImageMask: [{ input: 'image', role: 'mask' }],
  LoadVideo: [{ input: 'file', role: 'image' }],
  CreateVideo: [{ input: 'fps', role: 'fps' }],
  SaveAnimatedWEBP: [{ input: 'fps', role: 'fps' }],
  SaveWEBM: [{ input: 'fps', role: 'fps' }],
  VHS_VideoCombine: [{ input: 'frame_rate', role: 'fps' }],
  LoraLoader: [{ input: 'strength_model', role: 'loraStrength' }],
  LoraLoaderModelOnly: [{ input: 'strength_model', role: 'loraStrength' }],
  ImageScaleBy: [{ input: 'scale_by', role: 'upscaleFactor' }],
}
const SIZE_RULES: Rule[] = [
  { input: 'width', role: 'width' },
  { input: 'height', role: 'height' },
  { input: 'length', role: 'frames' },
]
/** Latent and conditioning-with-latent nodes whose size inputs set the render's size. */
const SIZED = /^Empty.*Latent|ImageToVideo|ToVideoLatent/
const TEXT_INPUTS: Record<string, string[]> = {
  CLIPTextEncode: ['text'],
  CLIPTextEncodeSDXL: ['text_g', 'text_l'],
  CLIPTextEncodeFlux: ['clip_l', 't5xxl'],
  CogVideoTextEncode: ['prompt'],
  TextEncodeHunyuanVideo_ImageToVideo: ['prompt'],
}

/** Nodes upstream of the given inputs of every node (through links). */
function upstreamOfInputs(prompt: ApiPrompt, inputs: readonly string[]): Set<string> {
  const seen = new Set<string>()
  const queue: string[] = []
  for (const node of Object.values(prompt)) {
    for (const name of inputs) {
      const v = node.inputs[name]
      if (isLink(v)) queue.push(v[0])
    }
  }
  while (queue.length > 0) {
    const id = queue.pop()
    if (id === undefined || seen.has(id)) continue
    seen.add(id)
    for (const v of Object.values(prompt[id]?.inputs ?? {})) if (isLink(v)) queue.push(v[0])
  }
  return seen
}

function isPlaceholder(v: unknown): boolean {
  return typeof v === 'string' && /^\{[A-Za-z_][\w.-]*(:[^{}]*)?\}$/.test(v)
}

/** Lists suggested placeholders for a prompt, ordered by node id. */
export function suggestParameters(prompt: ApiPrompt): ParameterSuggestion[] {
  const positive = upstreamOfInputs(prompt, ['positive', 'conditioning'])
  const negative = upstreamOfInputs(prompt, ['negative'])
  const suggestions: ParameterSuggestion[] = []
  const add = (role: ParameterRole, nodeId: string, inputName: string, value: unknown) => {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return
    if (isPlaceholder(value)) return
    const same = suggestions.find((s) => s.role === role && s.default === value)
    if (same !== undefined) {
      same.locations.push({ nodeId, inputName })
      return
    }
    const count = suggestions.filter((s) => s.role === role).length
    suggestions.push({
      name: count === 0 ? role : `${role}_${count + 1}`,
      role,
      default: value,
      locations: [{ nodeId, inputName }],
    })
  }
  const ids = Object.keys(prompt).sort((a, b) => Number(a) - Number(b) || a.localeCompare(b))
  for (const id of ids) {
    const node = prompt[id]
    if (node === undefined) continue
    for (const input of TEXT_INPUTS[node.class_type] ?? []) {
      // A text feeding only negative inputs is the negative prompt.
      const role = negative.has(id) && !positive.has(id) ? 'negative' : 'prompt'
      add(role, id, input, node.inputs[input])
    }
    const rules = [...(RULES[node.class_type] ?? []), ...(SIZED.test(node.class_type) ? SIZE_RULES : [])]
    for (const rule of rules) add(rule.role, id, rule.input, node.inputs[rule.input])
  }
  return suggestions
}

/** A string that describeParameters would read as a number or boolean default. */
function looksTyped(value: string | number | boolean): boolean {
  if (typeof value !== 'string') return false
  const trimmed = value.trim()
  return (trimmed !== '' && !Number.isNaN(Number(trimmed))) || value === 'true' || value === 'false'
}

/** Roles ComfyUI takes as FLOAT: an integral value still gets a decimal point, so it is typed float. */
const FLOAT_ROLES = new Set<ParameterRole>(['cfg', 'denoise', 'fps', 'loraStrength', 'upscaleFactor'])

/** The prompt with each suggestion written in as a `{name:default}` placeholder. */
export function withPlaceholders(prompt: ApiPrompt, suggestions: readonly ParameterSuggestion[]): ApiPrompt {
  const out: ApiPrompt = structuredClone(prompt)
  for (const s of suggestions) {
    const text = String(s.default)
    // Braces cannot sit inside a placeholder default, and a text default that reads as a number
    // or boolean would type the parameter as one: such a text keeps no default in the graph.
    const typed =
      typeof s.default === 'number' && Number.isInteger(s.default) && FLOAT_ROLES.has(s.role) ? `${text}.0` : text
    const placeholder = /[{}]/.test(text) || looksTyped(s.default) ? `{${s.name}}` : `{${s.name}:${typed}}`
    for (const at of s.locations) {
      const node = out[at.nodeId]
      if (node !== undefined) node.inputs[at.inputName] = placeholder
    }
  }
  return out
}
