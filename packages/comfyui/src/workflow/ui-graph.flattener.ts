import {
  SUBGRAPH_INPUT_NODE,
  SUBGRAPH_OUTPUT_NODE,
  type UiLink,
  type UiNode,
  type UiSubgraph,
  type UiWorkflow,
} from './ui-workflow.schema'
import type { WorkflowError } from './workflow-error'

/** Where a value comes from: an output slot of a flat node, or an input of a subgraph instance. */
export type Endpoint = { node: string; slot: number } | { instance: string; input: number }

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
  subgraph?: { inputNames: string[]; outputs: (Endpoint | undefined)[] }
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
  const endpointOf = (linkId: number | null | undefined): Endpoint | undefined => {
    const link = linkId === null || linkId === undefined ? undefined : byId.get(linkId)
    if (link === undefined) return undefined
    if (Number(link.originId) === SUBGRAPH_INPUT_NODE) {
      return level.instance === undefined ? undefined : { instance: level.instance, input: link.originSlot }
    }
    return { node: `${level.prefix}${link.originId}`, slot: link.originSlot }
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
        const source = endpointOf(input.link)
        const entry: FlatInput = {
          name: input.widget?.name ?? input.name,
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
    flat.subgraph = { inputNames: definition.inputs.map((p) => p.name), outputs: [] }
    for (const link of definition.links) {
      if (Number(link.targetId) !== SUBGRAPH_OUTPUT_NODE) continue
      flat.subgraph.outputs[link.targetSlot] =
        Number(link.originId) === SUBGRAPH_INPUT_NODE
          ? { instance: id, input: link.originSlot }
          : { node: `${id}:${link.originId}`, slot: link.originSlot }
    }
    addLevel(graph, definitions, definition.nodes, definition.links, {
      prefix: `${id}:`,
      instance: id,
      inheritedMode: mode,
      depth: level.depth + 1,
    })
  }
}
