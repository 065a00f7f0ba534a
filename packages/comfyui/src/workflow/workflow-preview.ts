// A light graph of a workflow for previews: nodes with their class, title and (from a UI
// workflow) canvas position, and the links between them.
import { type ApiPrompt, isLink } from './api-prompt.schema'

export interface PreviewGraph {
  nodes: Array<{ id: string; classType: string; title: string; x?: number; y?: number }>
  links: Array<{ from: string; to: string; inputName: string }>
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Canvas positions by node id from a UI workflow (`pos` as [x, y] or {0: x, 1: y}). */
export function uiPositions(workflow: unknown): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>()
  const nodes = isRecord(workflow) && Array.isArray(workflow.nodes) ? workflow.nodes : []
  for (const n of nodes) {
    if (!isRecord(n) || (typeof n.id !== 'number' && typeof n.id !== 'string')) continue
    const pos = n.pos
    const x = Array.isArray(pos) ? pos[0] : isRecord(pos) ? pos['0'] : undefined
    const y = Array.isArray(pos) ? pos[1] : isRecord(pos) ? pos['1'] : undefined
    if (typeof x === 'number' && typeof y === 'number') out.set(String(n.id), { x, y })
  }
  return out
}

/** Builds the preview graph of an API prompt, placed where the UI workflow had its nodes. */
export function previewGraph(prompt: ApiPrompt, positions = new Map<string, { x: number; y: number }>()): PreviewGraph {
  const nodes: PreviewGraph['nodes'] = []
  const links: PreviewGraph['links'] = []
  for (const [id, node] of Object.entries(prompt)) {
    nodes.push({ id, classType: node.class_type, title: node._meta?.title ?? node.class_type, ...positions.get(id) })
    for (const [inputName, value] of Object.entries(node.inputs)) {
      if (isLink(value)) links.push({ from: value[0], to: id, inputName })
    }
  }
  return { nodes, links }
}
