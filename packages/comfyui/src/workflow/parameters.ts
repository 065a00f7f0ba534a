import { type ApiNode, type ApiPrompt, isLink } from './api-prompt.schema'
import { findInput, type ObjectInfo } from './object-info.schema'
import { compareNodeIds } from './prompt-graph'
import type { WorkflowError } from './workflow-error'

export type ParameterType = 'string' | 'int' | 'float' | 'boolean' | 'seed'

/** Where a placeholder sits: `whole` means the input's entire value is the placeholder. */
export interface ParameterLocation {
  nodeId: string
  inputName: string
  whole: boolean
}

/** A named placeholder (`{steps}`, `{steps:30}`) found in a workflow's string inputs. */
export interface Parameter {
  name: string
  type: ParameterType
  default?: string | number | boolean
  locations: ParameterLocation[]
}

export type ParameterValues = Record<string, unknown>

// `{name}` / `{name:default}`; names are identifiers, so `{a|b}` dynamic prompts and JSON are left alone.
const PLACEHOLDER = /\{([A-Za-z_][\w.-]*)(?::([^{}]*))?\}/g
const WHOLE = /^\{([A-Za-z_][\w.-]*)(?::([^{}]*))?\}$/

function typedDefault(raw: string | undefined, type: ParameterType): string | number | boolean | undefined {
  if (raw === undefined) return undefined
  if (type === 'string') return raw
  if (type === 'boolean') return raw === 'true'
  return Number(raw)
}

/** The type of a whole-value placeholder: from the server's input type when known, else its default. */
function wholeType(inputName: string, declared: string | undefined, raw: string | undefined): ParameterType {
  const seedLike = /seed/i.test(inputName)
  if (declared === 'INT') return seedLike ? 'seed' : 'int'
  if (declared === 'FLOAT') return 'float'
  if (declared === 'BOOLEAN') return 'boolean'
  if (declared !== undefined) return 'string'
  if (raw === undefined) return seedLike ? 'seed' : 'string'
  if (/^[-+]?\d+$/.test(raw.trim())) return seedLike ? 'seed' : 'int'
  if (raw.trim() !== '' && !Number.isNaN(Number(raw))) return 'float'
  if (raw === 'true' || raw === 'false') return 'boolean'
  return 'string'
}

/** Lists the placeholders of a prompt, typed by the input they fill (pass object_info for exact types). */
export function describeParameters(prompt: ApiPrompt, objectInfo?: ObjectInfo): Parameter[] {
  const found = new Map<string, Parameter>()
  for (const nodeId of Object.keys(prompt).sort(compareNodeIds)) {
    const node = prompt[nodeId]
    if (node === undefined) continue
    const def = objectInfo?.[node.class_type]
    for (const [inputName, value] of Object.entries(node.inputs)) {
      if (typeof value !== 'string' || !value.includes('{')) continue
      const whole = WHOLE.exec(value)
      if (whole?.[1] !== undefined) {
        const declared = def === undefined ? undefined : findInput(def, inputName)?.type
        note(found, whole[1], wholeType(inputName, declared, whole[2]), whole[2], { nodeId, inputName, whole: true })
        continue
      }
      for (const match of value.matchAll(PLACEHOLDER)) {
        if (match[1] !== undefined) note(found, match[1], 'string', match[2], { nodeId, inputName, whole: false })
      }
    }
  }
  return [...found.values()]
}

function note(
  found: Map<string, Parameter>,
  name: string,
  type: ParameterType,
  rawDefault: string | undefined,
  location: ParameterLocation,
): void {
  const existing = found.get(name)
  if (existing === undefined) {
    const parameter: Parameter = { name, type, locations: [location] }
    const fallback = typedDefault(rawDefault, type)
    if (fallback !== undefined) parameter.default = fallback
    found.set(name, parameter)
    return
  }
  existing.locations.push(location)
  // A typed (whole-value) use is more precise than text substitution.
  if (existing.type === 'string' && type !== 'string') existing.type = type
  if (existing.default === undefined && rawDefault !== undefined) {
    const fallback = typedDefault(rawDefault, existing.type)
    if (fallback !== undefined) existing.default = fallback
  }
}

/** Checks and normalises a value for a parameter type; numeric strings are accepted for numbers. */
export function coerceParameter(type: ParameterType, value: unknown): string | number | boolean | undefined {
  switch (type) {
    case 'string':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : undefined
    case 'boolean':
      if (typeof value === 'boolean') return value
      return value === 'true' ? true : value === 'false' ? false : undefined
    case 'int':
    case 'seed': {
      const n = typeof value === 'string' && /^[-+]?\d+$/.test(value.trim()) ? Number(value) : value
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) return undefined
      return type === 'seed' && n < 0 ? undefined : n
    }
    case 'float': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
      return typeof n === 'number' && Number.isFinite(n) ? n : undefined
    }
  }
}

export interface ApplyParametersResult {
  /** A new prompt; the input prompt is never modified. */
  prompt: ApiPrompt
  errors: WorkflowError[]
}

/**
 * Fills placeholders and applies overrides addressed as `<node>.<input>` or
 * `<node>.inputs.<input>`, where `<node>` is a node id, a `_meta.title` or a class type
 * (titles and classes may match several nodes; all of them are set).
 */
export function applyParameters(
  prompt: ApiPrompt,
  values: ParameterValues,
  objectInfo?: ObjectInfo,
): ApplyParametersResult {
  const errors: WorkflowError[] = []
  const out: ApiPrompt = {}
  for (const [id, node] of Object.entries(prompt)) out[id] = copyNode(node)
  const parameters = describeParameters(prompt, objectInfo)
  const known = new Set(parameters.map((p) => p.name))
  for (const parameter of parameters) fill(out, parameter, values, errors)
  for (const [key, value] of Object.entries(values)) {
    if (!known.has(key)) override(out, key, value, errors)
  }
  return { prompt: out, errors }
}

function copyNode(node: ApiNode): ApiNode {
  const copy: ApiNode = { ...node, inputs: { ...node.inputs } }
  if (node._meta !== undefined) copy._meta = { ...node._meta }
  return copy
}

function fill(prompt: ApiPrompt, parameter: Parameter, values: ParameterValues, errors: WorkflowError[]): void {
  const given = Object.hasOwn(values, parameter.name)
  const raw = given ? values[parameter.name] : parameter.default
  if (raw === undefined) {
    errors.push({
      code: 'missing-parameter',
      message: `Parameter "${parameter.name}" has no value and no default`,
    })
    return
  }
  const value = coerceParameter(parameter.type, raw)
  if (value === undefined) {
    errors.push({
      code: 'bad-parameter-value',
      message: `Parameter "${parameter.name}" expects ${parameter.type === 'int' ? 'an int' : `a ${parameter.type}`}, got ${JSON.stringify(raw)}`,
      details: { receivedValue: raw, expectedType: parameter.type },
    })
    return
  }
  for (const at of parameter.locations) {
    const inputs = prompt[at.nodeId]?.inputs
    const current = inputs?.[at.inputName]
    if (inputs === undefined || typeof current !== 'string') continue
    inputs[at.inputName] = at.whole
      ? value
      : current.replace(PLACEHOLDER, (match, name: string) => (name === parameter.name ? String(value) : match))
  }
}

function override(prompt: ApiPrompt, key: string, value: unknown, errors: WorkflowError[]): void {
  const targets = overrideTargets(prompt, key)
  if (targets.length === 0) {
    errors.push({
      code: 'unknown-parameter',
      message: `Unknown parameter "${key}": no placeholder has this name and it addresses no node input`,
    })
    return
  }
  if (!isLiteral(value)) {
    errors.push({
      code: 'bad-parameter-value',
      message: `Parameter "${key}" must be a string, number, boolean or null`,
      details: { receivedValue: value },
    })
    return
  }
  for (const [nodeId, inputName] of targets) {
    const node = prompt[nodeId]
    if (node === undefined) continue
    if (isLink(node.inputs[inputName])) {
      errors.push({
        code: 'bad-parameter-value',
        nodeId,
        classType: node.class_type,
        inputName,
        message: `Parameter "${key}": input "${inputName}" of node #${nodeId} (${node.class_type}) is a link, not a value`,
      })
      continue
    }
    node.inputs[inputName] = value
  }
}

function isLiteral(value: unknown): value is string | number | boolean | null {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || Number.isFinite(value)
}

/** Resolves `12.steps`, `12.inputs.steps`, `My Title.seed` or `KSampler.seed` to node inputs. */
function overrideTargets(prompt: ApiPrompt, key: string): [string, string][] {
  const results: [string, string][] = []
  // Titles may contain dots, so try every split point, longest node reference first.
  for (let dot = key.lastIndexOf('.'); dot > 0; dot = key.lastIndexOf('.', dot - 1)) {
    let ref = key.slice(0, dot)
    const inputName = key.slice(dot + 1)
    if (ref.endsWith('.inputs')) ref = ref.slice(0, -'.inputs'.length)
    if (inputName === '' || inputName === 'inputs') continue
    const byId = prompt[ref] === undefined ? [] : [ref]
    const byTitle = Object.keys(prompt).filter((id) => prompt[id]?._meta?.title === ref)
    const byClass = Object.keys(prompt).filter((id) => prompt[id]?.class_type === ref)
    const nodes = byId.length > 0 ? byId : byTitle.length > 0 ? byTitle : byClass
    for (const id of nodes) if (prompt[id]?.inputs[inputName] !== undefined) results.push([id, inputName])
    if (results.length > 0) return results
  }
  return results
}
