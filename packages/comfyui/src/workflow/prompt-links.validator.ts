// Link checks that hold on every server, whatever nodes it has installed: an input linked to
// a node that is not in the prompt, and dependency cycles. ComfyUI's validator (and so the
// simulator's) reports these per output; a studio checks the whole prompt at submit with the
// same errors, before any backend is chosen.
import { type ApiPrompt, isLink, type Link } from './api-prompt.schema'
import { findCycles, topologicalOrder, upstreamOf } from './prompt-graph'
import { nodeLabel, type WorkflowError } from './workflow-error'

/** The error of `nodeId`'s input `inputName` linking to `link[0]`, which is not in the prompt. */
export function danglingLinkError(nodeId: string, classType: string, inputName: string, link: Link): WorkflowError {
  return {
    code: 'dangling-link',
    message: `${nodeLabel(nodeId, classType)} input "${inputName}" links to node #${link[0]}, which is not in the workflow`,
    nodeId,
    classType,
    inputName,
    details: { linkedNode: link },
  }
}

/**
 * The error of a dependency cycle written in data-flow order and closed (`3 → 8 → 3`), reported
 * on its first node and on the input through which the cycle comes back to it.
 */
export function cycleError(prompt: ApiPrompt, cycle: readonly string[]): WorkflowError {
  const path = cycle.map((id) => `#${id}`).join(' → ')
  const first = cycle[0] ?? ''
  const node = prompt[first]
  const back = cycle.length >= 2 ? cycle[cycle.length - 2] : undefined
  const error: WorkflowError = {
    code: 'cycle',
    nodeId: first,
    message: `Dependency cycle ${path} (${cycle.map((id) => prompt[id]?.class_type ?? '?').join(' → ')})`,
    details: { cycle },
  }
  if (node === undefined) return error
  error.classType = node.class_type
  const input = Object.entries(node.inputs).find(([, value]) => isLink(value) && value[0] === back)?.[0]
  if (input !== undefined) {
    error.inputName = input
    error.message += `: ${nodeLabel(first, node.class_type)} input "${input}" depends on its own output`
  }
  return error
}

/** Every dangling link and every dependency cycle in the whole prompt, in node id order. */
export function validatePromptLinks(prompt: ApiPrompt): WorkflowError[] {
  const errors: WorkflowError[] = []
  for (const [id, node] of Object.entries(prompt)) {
    for (const [name, value] of Object.entries(node.inputs)) {
      if (isLink(value) && !(value[0] in prompt)) errors.push(danglingLinkError(id, node.class_type, name, value))
    }
  }
  const up = upstreamOf(prompt)
  const nodes = new Set(Object.keys(prompt))
  const { order, complete } = topologicalOrder(up, nodes)
  if (!complete) for (const cycle of findCycles(up, nodes, order)) errors.push(cycleError(prompt, cycle))
  return errors
}
