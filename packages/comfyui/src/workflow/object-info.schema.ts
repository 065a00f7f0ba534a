import { z } from 'zod'

/** A combo choice as ComfyUI lists it: file names are strings, a few nodes list numbers. */
export const ComboValue = z.union([z.string(), z.number(), z.boolean(), z.null()])
export type ComboValue = z.infer<typeof ComboValue>

/** One branch of a dynamic combo: choosing `key` reveals `inputs`. */
export const DynamicComboOption = z.object({ key: z.string(), inputs: z.unknown().optional() }).loose()

/**
 * The options object of an input spec. Strict on the keys we read, lenient on the many
 * UI-only keys (tooltip, multiline, display, …) that differ between ComfyUI versions.
 */
export const InputOptions = z
  .object({
    default: z.unknown().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    step: z.number().optional(),
    // Dynamic combos (`COMFY_DYNAMICCOMBO_V3`) list `{key, inputs}` objects instead of values.
    options: z.array(z.union([ComboValue, DynamicComboOption])).optional(),
    control_after_generate: z.union([z.boolean(), z.string()]).optional(),
    forceInput: z.boolean().optional(),
    defaultInput: z.boolean().optional(),
    multiline: z.boolean().optional(),
  })
  .loose()
export type InputOptions = z.infer<typeof InputOptions>

/**
 * `["INT", {min,max}]`, `[["a.safetensors", …], {}]` (legacy combo), `["COMBO", {options}]` (V3),
 * a bare `["MODEL"]`, and a trailing third element seen in a few custom nodes.
 */
export const InputSpec = z.union([
  z.tuple([z.union([z.string(), z.array(ComboValue)])]),
  z.tuple([z.union([z.string(), z.array(ComboValue)]), InputOptions]).rest(z.unknown()),
])
export type InputSpec = z.infer<typeof InputSpec>

/** Hidden inputs are sometimes written as a bare type string (`"prompt": "PROMPT"`). */
const HiddenSpec = z.union([InputSpec, z.string()])

export const NodeDef = z
  .object({
    input: z
      .object({
        required: z.record(z.string(), InputSpec).optional(),
        optional: z.record(z.string(), InputSpec).optional(),
        hidden: z.record(z.string(), HiddenSpec).optional(),
      })
      .loose(),
    input_order: z
      .object({
        required: z.array(z.string()).optional(),
        optional: z.array(z.string()).optional(),
        hidden: z.array(z.string()).optional(),
      })
      .loose()
      .optional(),
    // A few custom nodes return a combo list as an output type.
    output: z.array(z.union([z.string(), z.array(ComboValue)])),
    output_is_list: z.array(z.boolean().nullable()).optional(),
    output_name: z.array(z.string()).optional(),
    name: z.string(),
    display_name: z.string().nullable().optional(),
    description: z.string().optional(),
    category: z.string().optional(),
    python_module: z.string().optional(),
    output_node: z.boolean(),
    deprecated: z.boolean().optional(),
    experimental: z.boolean().optional(),
    api_node: z.boolean().optional(),
  })
  .loose()
export type NodeDef = z.infer<typeof NodeDef>

/** The `GET /object_info` response: node class name → definition. */
export const ObjectInfo = z.record(z.string(), NodeDef)
export type ObjectInfo = z.infer<typeof ObjectInfo>

/** Which part of `input` an input was declared in. */
export type InputCategory = 'required' | 'optional' | 'hidden'

/** An input spec reduced to what validation and conversion need. */
export interface ResolvedInput {
  name: string
  category: InputCategory
  /** `COMBO` for both combo forms; otherwise the declared type (`INT`, `MODEL`, `IMAGE,MASK`, `*`). */
  type: string
  /** Combo choices, for either combo form. */
  choices?: readonly ComboValue[]
  options: InputOptions
  /** The spec exactly as the server sent it (ComfyUI echoes it in `input_config`). */
  raw: unknown
}

/** Reduces one input spec to its type, combo choices and options. */
export function resolveInputSpec(name: string, category: InputCategory, spec: InputSpec | string): ResolvedInput {
  if (typeof spec === 'string') return { name, category, type: spec, options: {}, raw: spec }
  const head = spec[0]
  const options: InputOptions = spec.length > 1 && spec[1] !== undefined ? spec[1] : {}
  if (Array.isArray(head)) return { name, category, type: 'COMBO', choices: head, options, raw: spec }
  if (head === 'COMBO' || /^COMFY_.*COMBO/.test(head)) {
    const choices = (options.options ?? []).map((o) => (typeof o === 'object' && o !== null ? o.key : o))
    return { name, category, type: 'COMBO', choices, options, raw: spec }
  }
  return { name, category, type: head, options, raw: spec }
}

const resolvedCache = new WeakMap<NodeDef, ResolvedInput[]>()

/**
 * All inputs of a class in declaration order: `input_order` when the server sends it,
 * otherwise key order, required before optional before hidden. Cached per definition.
 */
export function listInputs(def: NodeDef): ResolvedInput[] {
  const cached = resolvedCache.get(def)
  if (cached !== undefined) return cached
  const out: ResolvedInput[] = []
  for (const category of ['required', 'optional', 'hidden'] as const) {
    const section = def.input[category]
    if (section === undefined) continue
    const declared = Object.keys(section)
    const ordered = def.input_order?.[category]
    // Trust input_order only for names it knows, and keep any it forgot in key order.
    const names = ordered === undefined ? declared : [...ordered, ...declared.filter((n) => !ordered.includes(n))]
    for (const name of names) {
      const spec = section[name]
      if (spec !== undefined) out.push(resolveInputSpec(name, category, spec))
    }
  }
  resolvedCache.set(def, out)
  return out
}

/** Looks up one input of a class by name. */
export function findInput(def: NodeDef, name: string): ResolvedInput | undefined {
  return listInputs(def).find((input) => input.name === name)
}

/** Type name of one output slot (`COMBO` for list-typed outputs). */
export function outputType(def: NodeDef, slot: number): string | undefined {
  const type = def.output[slot]
  if (type === undefined) return undefined
  return Array.isArray(type) ? 'COMBO' : type
}

/** The V3 schema's "same type as the other end" socket (e.g. the core Switch node's inputs and output). */
export const MATCH_TYPE = 'COMFY_MATCHTYPE_V3'

/**
 * ComfyUI's link type rule (`validate_node_input`): equal types match, `*` matches anything,
 * a MatchType socket on either end matches anything (the server leaves that check to the
 * editor), and comma-separated unions match when they overlap.
 */
export function typesCompatible(received: string, expected: string): boolean {
  if (received === expected) return true
  if (received === MATCH_TYPE || expected === MATCH_TYPE) return true
  const left = received.split(',').map((t) => t.trim())
  const right = expected.split(',').map((t) => t.trim())
  if (left.includes('*') || right.includes('*')) return true
  return left.some((t) => right.includes(t))
}
