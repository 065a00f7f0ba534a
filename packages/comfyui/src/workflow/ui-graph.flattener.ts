import {
  SUBGRAPH_INPUT_NODE,
  SUBGRAPH_OUTPUT_NODE,
  type UiLink,
  type UiNode,
  type UiSubgraph,
  type UiWorkflow,
} from './ui-workflow.schema'
import type { WorkflowError } from './workflow-error'

/**
 * A link the editor left behind: its id is missing from the link table, or the node it comes
 * from was deleted. Kept so conversion can name it instead of silently dropping the input.
 */
export interface BrokenLink {
  linkId: number
  /** Flat id of the node whose input (or subgraph output) holds the link. */
  nodeId: string
  /** That input's name (or the subgraph output's name). */
  inputName: string
  /** Set when the link feeds a subgraph's output from inside it. */
  output?: true
  /** Flat id and slot of the node the link comes from, when the link itself is known. */
  origin?: readonly [string, number]
}

/**
 * Where a value comes from: an output slot of a flat node, an input of a subgraph instance, or
 * a link that leads nowhere.
 */
export type Endpoint = { node: string; slot: number } | { instance: string; input: number } | { broken: BrokenLink }

export interface FlatInput {
  /** API input name: the widget name for converted widgets, else the socket name. */
  name: string
  type: string
  isWidget: boolean
  source?: Endpoint
}

/** One node of the workflow with subgraphs inlined; ids are execution paths like `12:5`. */
export interface FlatNode {
  id: string
  type: string
  /** LiteGraph mode: 0 always, 2 never (muted), 4 bypass; inherited from muted/bypassed subgraphs. */
  mode: number
  title?: string
  inputs: FlatInput[]
  outputTypes: string[]
  widgetsValues?: unknown[] | Record<string, unknown>
  /** Set on subgraph instances: what each of its outputs is wired to inside. */
  subgraph?: {
    inputNames: string[]
    outputs: (Endpoint | undefined)[]
    /**
     * Indices of the subgraph inputs that drive a widget inside, in order: the subgraph node
     * shows one widget for each, and its `widgets_values` holds their values in this order.
     */
    promoted: number[]
  }
}

export interface FlatGraph {
  nodes: Map<string, FlatNode>
  errors: WorkflowError[]
}

const MUTED = 2
const BYPASS = 4
// Subgraphs may nest; a definition that contains itself would never end.
const MAX_DEPTH = 32

function typeName(type: unknown): string {
  return typeof type === 'string' ? type : Array.isArray(type) ? 'COMBO' : '*'
}

function collectDefinitions(list: readonly UiSubgraph[] | undefined, into: Map<string, UiSubgraph>): void {
  for (const def of list ?? []) {
    into.set(def.id, def)
    collectDefinitions(def.definitions?.subgraphs, into)
  }
}

/** Inlines every subgraph instance so the rest of conversion sees one flat graph of path ids. */
export function flattenUiWorkflow(ui: UiWorkflow): FlatGraph {
  const definitions = new Map<string, UiSubgraph>()
  collectDefinitions(ui.definitions?.subgraphs, definitions)
  const graph: FlatGraph = { nodes: new Map(), errors: [] }
  addLevel(graph, definitions, ui.nodes, ui.links, { prefix: '', instance: undefined, inheritedMode: 0, depth: 0 })
  return graph
}

interface Level {
  prefix: string
  instance: string | undefined
  inheritedMode: number
  depth: number
}

function addLevel(
  graph: FlatGraph,
  definitions: ReadonlyMap<string, UiSubgraph>,
  nodes: readonly UiNode[],
  links: readonly UiLink[],
  level: Level,
): void {
  const byId = new Map<number, UiLink>()
  for (const link of links) byId.set(link.id, link)
  const present = new Set(nodes.map((node) => String(node.id)))
  const endpointOf = (linkId: number | null | undefined, nodeId: string, inputName: string): Endpoint | undefined => {
    if (linkId === null || linkId === undefined) return undefined
    const link = byId.get(linkId)
    if (link === undefined) return { broken: { linkId, nodeId, inputName } }
    if (Number(link.originId) === SUBGRAPH_INPUT_NODE) {
      return level.instance === undefined ? undefined : { instance: level.instance, input: link.originSlot }
    }
    const origin = `${level.prefix}${link.originId}`
    if (!present.has(String(link.originId))) {
      return { broken: { linkId, nodeId, inputName, origin: [origin, link.originSlot] } }
    }
    return { node: origin, slot: link.originSlot }
  }
  for (const node of nodes) {
    const id = `${level.prefix}${node.id}`
    const ownMode = node.mode ?? 0
    // A muted or bypassed subgraph silences everything inside it.
    const mode = level.inheritedMode === MUTED || level.inheritedMode === BYPASS ? MUTED : ownMode
    const flat: FlatNode = {
      id,
      type: node.type,
      mode,
      inputs: (node.inputs ?? []).map((input) => {
        const name = input.widget?.name ?? input.name
        const source = endpointOf(input.link, id, name)
        const entry: FlatInput = {
          name,
          type: typeName(input.type),
          isWidget: input.widget !== undefined,
        }
        if (source !== undefined) entry.source = source
        return entry
      }),
      outputTypes: (node.outputs ?? []).map((output) => typeName(output.type)),
    }
    if (node.title !== undefined) flat.title = node.title
    if (node.widgets_values !== undefined) flat.widgetsValues = node.widgets_values
    graph.nodes.set(id, flat)
    const definition = definitions.get(node.type)
    if (definition === undefined) continue
    if (level.depth >= MAX_DEPTH) {
      graph.errors.push({
        code: 'unsupported-node',
        nodeId: id,
        classType: node.type,
        message: `node #${id}: subgraph "${definition.name ?? definition.id}" nests deeper than ${MAX_DEPTH} levels (does it contain itself?)`,
      })
      continue
    }
    flat.subgraph = {
      inputNames: definition.inputs.map((p) => p.name),
      outputs: subgraphOutputs(id, definition),
      promoted: promotedInputs(definition),
    }
    addLevel(graph, definitions, definition.nodes, definition.links, {
      prefix: `${id}:`,
      instance: id,
      inheritedMode: mode,
      depth: level.depth + 1,
    })
  }
}

/** What each output of a subgraph instance is wired to inside its definition. */
function subgraphOutputs(instanceId: string, definition: UiSubgraph): (Endpoint | undefined)[] {
  const inner = new Set(definition.nodes.map((node) => String(node.id)))
  const outputs: (Endpoint | undefined)[] = []
  for (const link of definition.links) {
    if (Number(link.targetId) !== SUBGRAPH_OUTPUT_NODE) continue
    const origin = `${instanceId}:${link.originId}`
    outputs[link.targetSlot] =
      Number(link.originId) === SUBGRAPH_INPUT_NODE
        ? { instance: instanceId, input: link.originSlot }
        : inner.has(String(link.originId))
          ? { node: origin, slot: link.originSlot }
          : {
              broken: {
                linkId: link.id,
                nodeId: instanceId,
                inputName: definition.outputs[link.targetSlot]?.name ?? String(link.targetSlot),
                output: true,
                origin: [origin, link.originSlot],
              },
            }
  }
  return outputs
}

/**
 * Subgraph inputs wired to a widget inside (a widget-converted input of an inner node, or a
 * promoted input of a nested subgraph node): the editor gives the subgraph node a widget for each.
 */
function promotedInputs(definition: UiSubgraph): number[] {
  const byId = new Map(definition.nodes.map((node) => [String(node.id), node]))
  const promoted = new Set<number>()
  for (const link of definition.links) {
    if (Number(link.originId) !== SUBGRAPH_INPUT_NODE) continue
    const target = byId.get(String(link.targetId))?.inputs?.[link.targetSlot]
    if (target?.widget !== undefined) promoted.add(link.originSlot)
  }
  return [...promoted].sort((a, b) => a - b)
}
