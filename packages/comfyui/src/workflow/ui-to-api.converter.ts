import type { ApiInputValue, ApiNode, ApiPrompt } from './api-prompt.schema'
import type { ObjectInfo } from './object-info.schema'
import { typesCompatible } from './object-info.schema'
import { compareNodeIds } from './prompt-graph'
import { type BrokenLink, type Endpoint, type FlatGraph, type FlatNode, flattenUiWorkflow } from './ui-graph.flattener'
import { mapWidgetValues, promotedWidgetValue } from './ui-widgets.mapper'
import { UiWorkflow } from './ui-workflow.schema'
import type { WorkflowError, WorkflowErrorDetails } from './workflow-error'

export type ConvertUiResult = { ok: true; prompt: ApiPrompt } | { ok: false; errors: WorkflowError[] }

/** Editor-only nodes that never reach the server. */
const NOTE_TYPES = new Set(['Note', 'MarkdownNote'])
const MUTED = 2
const BYPASS = 4
const MAX_HOPS = 10_000
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

type Resolved =
  | { kind: 'link'; node: string; slot: number }
  | { kind: 'value'; value: unknown }
  | { kind: 'broken'; link: BrokenLink }

/**
 * Converts a UI ("workflow") document into an API prompt for a server with this `/object_info`,
 * following what the ComfyUI frontend's graphToPrompt does (research §2.3).
 */
export function convertUiToApi(ui: unknown, objectInfo: ObjectInfo): ConvertUiResult {
  const parsed = UiWorkflow.safeParse(ui)
  if (!parsed.success) {
    const message = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || 'workflow'}: ${i.message}`)
      .join('; ')
    return { ok: false, errors: [{ code: 'invalid-prompt', message: `Not a ComfyUI UI workflow: ${message}` }] }
  }
  const groupNodes = new Set(Object.keys(parsed.data.extra?.groupNodes ?? {}))
  const graph = flattenUiWorkflow(parsed.data)
  const errors = [...graph.errors]
  const prompt: ApiPrompt = {}
  for (const id of [...graph.nodes.keys()].sort(compareNodeIds)) {
    const node = graph.nodes.get(id)
    if (node === undefined || !isExecutable(node)) continue
    if (node.type.startsWith('workflow>') || node.type.startsWith('workflow/') || groupNodes.has(node.type)) {
      errors.push({
        code: 'unsupported-node',
        nodeId: id,
        classType: node.type,
        message: `${describe(node)} is a legacy group node; convert it to a subgraph in the ComfyUI editor first`,
      })
      continue
    }
    const def = objectInfo[node.type]
    if (def === undefined && UUID.test(node.type)) {
      errors.push({
        code: 'unsupported-node',
        nodeId: id,
        classType: node.type,
        message: `${describe(node)} is an instance of subgraph ${node.type}, whose definition is missing from the workflow`,
      })
      continue
    }
    if (def === undefined) {
      errors.push({
        code: 'unknown-class',
        nodeId: id,
        classType: node.type,
        message: `${describe(node)}: node class "${node.type}" is not installed on this server`,
      })
      continue
    }
    const inputs: Record<string, ApiInputValue> = {}
    for (const [name, value] of mapWidgetValues(def, node.widgetsValues)) inputs[name] = literal(value)
    for (const input of node.inputs) {
      if (input.source === undefined) continue
      const resolved = resolve(graph, input.source)
      if (resolved?.kind === 'broken') errors.push(brokenLinkError(graph, node, input.name, resolved.link))
      else if (resolved?.kind === 'link') inputs[input.name] = [resolved.node, resolved.slot]
      else if (resolved?.kind === 'value') inputs[input.name] = literal(resolved.value)
    }
    const apiNode: ApiNode = {
      class_type: node.type,
      inputs,
      _meta: { title: node.title ?? def.display_name ?? node.type },
    }
    prompt[id] = apiNode
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, prompt }
}

function describe(node: FlatNode): string {
  return `node #${node.id}${node.title === undefined ? '' : ` "${node.title}"`} (${node.type})`
}

function isExecutable(node: FlatNode): boolean {
  if (node.mode === MUTED || node.mode === BYPASS || node.subgraph !== undefined) return false
  return !NOTE_TYPES.has(node.type) && node.type !== 'PrimitiveNode' && node.type !== 'Reroute'
}

/** Bare arrays mean links in the API format, so list values travel wrapped. */
function literal(value: unknown): ApiInputValue {
  if (Array.isArray(value)) return { __value__: value }
  if (value === undefined) return null
  if (typeof value === 'object' && value !== null) return { ...value }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null)
    return value
  return String(value)
}

/**
 * Follows an input's link through reroutes, subgraph boundaries and bypassed nodes to the
 * real node output (or primitive value) it carries. Muted and missing sources give nothing.
 */
function resolve(graph: FlatGraph, start: Endpoint): Resolved | undefined {
  let at: Endpoint | undefined = start
  // The widget value of the nearest subgraph node passed on the way out, used when the
  // outermost one is neither linked nor stores a value (its widget then mirrors this one).
  let promoted: { value: unknown } | undefined
  for (let hops = 0; at !== undefined && hops < MAX_HOPS; hops++) {
    if ('broken' in at) return { kind: 'broken', link: at.broken }
    if ('instance' in at) {
      const step = throughInstanceInput(graph, at.instance, at.input)
      if (step.widget !== undefined) promoted = step.widget
      if (step.source === undefined) return promoted === undefined ? undefined : { kind: 'value', ...promoted }
      at = step.source
      continue
    }
    const node = graph.nodes.get(at.node)
    if (node === undefined || node.mode === MUTED) return undefined
    if (node.mode === BYPASS) {
      at = throughBypass(node, at.slot)
      continue
    }
    if (node.subgraph !== undefined) {
      at = node.subgraph.outputs[at.slot]
      continue
    }
    if (node.type === 'Reroute') {
      at = node.inputs[0]?.source
      continue
    }
    if (node.type === 'PrimitiveNode') {
      const values = node.widgetsValues
      return Array.isArray(values) && values.length > 0 ? { kind: 'value', value: values[0] } : undefined
    }
    if (NOTE_TYPES.has(node.type)) return undefined
    return { kind: 'link', node: node.id, slot: at.slot }
  }
  return undefined
}

/**
 * A subgraph input inside resolves to whatever feeds the instance's input of that name; when
 * nothing does, the frontend sends the value of the instance's own widget for it.
 */
function throughInstanceInput(
  graph: FlatGraph,
  instanceId: string,
  index: number,
): { source?: Endpoint; widget?: { value: unknown } } {
  const instance = graph.nodes.get(instanceId)
  const name = instance?.subgraph?.inputNames[index]
  if (instance?.subgraph === undefined || name === undefined) return {}
  const source = instance.inputs.find((input) => input.name === name)?.source
  const widget = promotedWidgetValue(instance.subgraph.promoted, instance.widgetsValues, index, name)
  return { ...(source === undefined ? {} : { source }), ...(widget === undefined ? {} : { widget }) }
}

/** Names the consumer, the node holding the broken link (when it is another one), the link and where it pointed. */
function brokenLinkError(graph: FlatGraph, consumer: FlatNode, inputName: string, link: BrokenLink): WorkflowError {
  const holder = graph.nodes.get(link.nodeId)
  const port = link.output === true ? 'output' : 'input'
  const via =
    link.nodeId === consumer.id || holder === undefined
      ? ''
      : ` through ${describe(holder)}${link.inputName === '' || holder.type === 'Reroute' ? '' : ` ${port} "${link.inputName}"`},`
  const what =
    link.origin === undefined
      ? `link ${link.linkId} is not in the workflow's link list`
      : `link ${link.linkId} comes from node #${link.origin[0]}, which is not in the workflow (was it deleted?)`
  const details: WorkflowErrorDetails = { linkId: link.linkId }
  if (link.origin !== undefined) details.linkedNode = link.origin
  return {
    code: 'dangling-link',
    nodeId: consumer.id,
    classType: consumer.type,
    inputName,
    message: `${describe(consumer)} input "${inputName}":${via} ${what}`,
    details,
  }
}

/**
 * A bypassed node passes through the input of the output's type: the same slot index when it
 * matches, else the first input of that type (what the frontend does).
 */
function throughBypass(node: FlatNode, slot: number): Endpoint | undefined {
  const type = node.outputTypes[slot]
  if (type === undefined) return undefined
  const same = node.inputs[slot]
  if (same !== undefined && same.type === type && same.source !== undefined) return same.source
  const exact = node.inputs.find((input) => input.type === type && input.source !== undefined)
  if (exact !== undefined) return exact.source
  return node.inputs.find((input) => input.source !== undefined && type !== '*' && typesCompatible(input.type, type))
    ?.source
}
