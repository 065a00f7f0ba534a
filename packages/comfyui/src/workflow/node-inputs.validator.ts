import { type ApiInputValue, type ApiPrompt, isLink } from './api-prompt.schema'
import {
  listInputs,
  type NodeDef,
  type ObjectInfo,
  outputType,
  type ResolvedInput,
  typesCompatible,
} from './object-info.schema'
import { danglingLinkError } from './prompt-links.validator'
import { nodeLabel, type WorkflowError } from './workflow-error'

/** Checks one node's inputs against its class definition, as ComfyUI's `validate_inputs` does. */
export function validateNodeInputs(
  prompt: ApiPrompt,
  nodeId: string,
  def: NodeDef,
  objectInfo: ObjectInfo,
): WorkflowError[] {
  const node = prompt[nodeId]
  if (node === undefined) return []
  const errors: WorkflowError[] = []
  for (const input of listInputs(def)) {
    if (input.category === 'hidden') continue
    const value = node.inputs[input.name]
    const where = () => `${nodeLabel(nodeId, node.class_type)} input "${input.name}"`
    const problem =
      value === undefined
        ? input.category === 'required'
          ? { code: 'missing-input' as const, message: `${where()} is required but missing` }
          : undefined
        : isLink(value) && prompt[value[0]] === undefined
          ? danglingLinkError(nodeId, node.class_type, input.name, value)
          : Array.isArray(value)
            ? checkLink(prompt, objectInfo, input, value, where)
            : checkLiteral(input, value, where)
    if (problem !== undefined) errors.push({ ...problem, nodeId, classType: node.class_type, inputName: input.name })
  }
  return errors
}

type Problem = Omit<WorkflowError, 'nodeId' | 'classType' | 'inputName'>

function checkLink(
  prompt: ApiPrompt,
  objectInfo: ObjectInfo,
  input: ResolvedInput,
  value: readonly unknown[],
  where: () => string,
): Problem | undefined {
  if (!isLink(value)) {
    return {
      code: 'bad-link',
      message: `${where()} is a list but not a link [node_id, slot_index]`,
      details: { receivedValue: value, inputSpec: input.raw },
    }
  }
  const [sourceId, slot] = value
  const source = prompt[sourceId]
  if (source === undefined) return undefined // a dangling link, reported before checkLink
  const sourceDef = objectInfo[source.class_type]
  if (sourceDef === undefined) return undefined // reported once as unknown-class
  const received = outputType(sourceDef, slot)
  if (received === undefined) {
    return {
      code: 'bad-link-slot',
      message: `${where()} links to output ${slot} of ${nodeLabel(sourceId, source.class_type)}, which has only ${sourceDef.output.length} output(s)`,
      details: { linkedNode: value, inputSpec: input.raw },
    }
  }
  if (!typesCompatible(received, input.type)) {
    return {
      code: 'bad-input-type',
      message: `${where()} expects ${input.type} but ${nodeLabel(sourceId, source.class_type)} output ${slot} is ${received}`,
      details: { linkedNode: value, receivedType: received, expectedType: input.type, inputSpec: input.raw },
    }
  }
  return undefined
}

/** ComfyUI coerces literals with Python's int()/float(); these are the values that survive. */
function coerce(type: string, value: unknown): { ok: true; value: unknown } | { ok: false } {
  if (type === 'INT') {
    if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value: Math.trunc(value) }
    if (typeof value === 'boolean') return { ok: true, value: value ? 1 : 0 }
    if (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value)) return { ok: true, value: Number(value) }
    return { ok: false }
  }
  if (type === 'FLOAT') {
    if (typeof value === 'number') return { ok: true, value }
    if (typeof value === 'boolean') return { ok: true, value: value ? 1 : 0 }
    if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) {
      return { ok: true, value: Number(value) }
    }
    return { ok: false }
  }
  return { ok: true, value }
}

const comboSets = new WeakMap<readonly unknown[], Set<unknown>>()

function comboHas(choices: readonly unknown[], value: unknown): boolean {
  let set = comboSets.get(choices)
  if (set === undefined) {
    set = new Set(choices)
    comboSets.set(choices, set)
  }
  if (set.has(value)) return true
  // Python's `in` treats 1, 1.0 and True as equal; strings compare exactly.
  return choices.some((choice) => typeof choice !== 'string' && Number(choice) === Number(value))
}

function checkLiteral(input: ResolvedInput, raw: ApiInputValue, where: () => string): Problem | undefined {
  const unwrapped =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) && '__value__' in raw ? raw.__value__ : raw
  const coerced = coerce(input.type, unwrapped)
  if (!coerced.ok) {
    return {
      code: 'bad-input-type',
      message: `${where()} expects ${input.type} but got ${JSON.stringify(unwrapped)}`,
      details: { receivedValue: unwrapped, expectedType: input.type, inputSpec: input.raw },
    }
  }
  const value = coerced.value
  const { min, max } = input.options
  if (typeof value === 'number' && min !== undefined && value < min) {
    return {
      code: 'value-out-of-range',
      message: `${where()} is ${value}, smaller than the minimum ${min}`,
      details: { receivedValue: value, limit: min, bound: 'min', inputSpec: input.raw },
    }
  }
  if (typeof value === 'number' && max !== undefined && value > max) {
    return {
      code: 'value-out-of-range',
      message: `${where()} is ${value}, bigger than the maximum ${max}`,
      details: { receivedValue: value, limit: max, bound: 'max', inputSpec: input.raw },
    }
  }
  const choices = input.choices
  if (input.type === 'COMBO' && choices !== undefined && typeof value !== 'object' && !comboHas(choices, value)) {
    const shown = choices.length > 20 ? `one of ${choices.length} choices` : JSON.stringify(choices)
    return {
      code: 'value-not-in-list',
      message: `${where()} is ${JSON.stringify(value)}, not in ${shown}`,
      details: { receivedValue: value, options: choices, inputSpec: input.raw },
    }
  }
  return undefined
}
