import type { ApiPrompt } from './api-prompt.schema'
import { validateNodeInputs } from './node-inputs.validator'
import type { ObjectInfo } from './object-info.schema'
import {
  ancestorsOf,
  compareNodeIds,
  connectedComponents,
  findCycles,
  topologicalOrder,
  upstreamOf,
} from './prompt-graph'
import { cycleError } from './prompt-links.validator'
import { nodeLabel, type WorkflowError } from './workflow-error'

export interface ValidateOptions {
  /** Only these output nodes run (ComfyUI's `partial_execution_targets`). */
  partialExecutionTargets?: readonly string[]
}

export type ValidatePromptResult =
  | {
      ok: true
      /** Output nodes that validated and will run, in id order. */
      outputs: string[]
      /** Deterministic topological order of `willRun`. */
      executionOrder: string[]
      /** Ancestors of the valid outputs (inclusive): the nodes ComfyUI executes. */
      willRun: Set<string>
      /** Independent sub-graphs among `willRun`, each in id order. */
      subgraphs: string[][]
      /**
       * Errors of outputs that were dropped. ComfyUI still queues such a prompt (200 with
       * `node_errors`); a caller that wants all-or-nothing rejects when this is non-empty.
       */
      errors: WorkflowError[]
    }
  | { ok: false; errors: WorkflowError[] }

/** Validates an API prompt against a server's `/object_info`, with ComfyUI's rules and order. */
export function validateApiPrompt(
  prompt: ApiPrompt,
  objectInfo: ObjectInfo,
  options: ValidateOptions = {},
): ValidatePromptResult {
  const unknown: WorkflowError[] = []
  const outputs: string[] = []
  const targets = options.partialExecutionTargets
  for (const [id, node] of Object.entries(prompt)) {
    const def = objectInfo[node.class_type]
    if (def === undefined) {
      unknown.push({
        code: 'unknown-class',
        nodeId: id,
        classType: node.class_type,
        message: `${nodeLabel(id, node.class_type)}: node class "${node.class_type}" is not installed on this server`,
      })
    } else if (def.output_node && (targets === undefined || targets.includes(id))) {
      outputs.push(id)
    }
  }
  if (unknown.length > 0) return { ok: false, errors: unknown }
  if (outputs.length === 0) {
    return { ok: false, errors: [{ code: 'no-outputs', message: 'Workflow has no output node (e.g. SaveImage)' }] }
  }
  outputs.sort(compareNodeIds)

  const up = upstreamOf(prompt)
  const reach = ancestorsOf(up, outputs)
  const own = new Map<string, WorkflowError[]>()
  const { order, complete } = topologicalOrder(up, reach)
  for (const cycle of complete ? [] : findCycles(up, reach, order)) {
    own.set(cycle[0] ?? '', [cycleError(prompt, cycle)])
  }
  for (const id of reach) {
    const node = prompt[id]
    const def = node === undefined ? undefined : objectInfo[node.class_type]
    if (def === undefined) continue
    const errors = validateNodeInputs(prompt, id, def, objectInfo)
    if (errors.length > 0) own.set(id, [...(own.get(id) ?? []), ...errors])
  }

  // A node is valid when it and everything upstream is; nodes on or after a cycle never are.
  const valid = new Set<string>()
  for (const id of order) {
    if (own.has(id)) continue
    if ((up.get(id) ?? []).every((s) => valid.has(s))) valid.add(id)
  }

  const good = outputs.filter((id) => valid.has(id))
  const errors = collectErrors(up, outputs, valid, own)
  if (good.length === 0) return { ok: false, errors }
  const willRun = ancestorsOf(up, good)
  return {
    ok: true,
    outputs: good,
    executionOrder: order.filter((id) => willRun.has(id)),
    willRun,
    subgraphs: connectedComponents(up, willRun),
    errors,
  }
}

/** Errors of failed outputs, each listing the outputs it blocks (ComfyUI's `dependent_outputs`). */
function collectErrors(
  up: ReadonlyMap<string, readonly string[]>,
  outputs: readonly string[],
  valid: ReadonlySet<string>,
  own: ReadonlyMap<string, WorkflowError[]>,
): WorkflowError[] {
  const dependents = new Map<string, string[]>()
  for (const output of outputs) {
    if (valid.has(output)) continue
    for (const id of ancestorsOf(up, [output])) {
      if (!own.has(id)) continue
      const list = dependents.get(id)
      if (list === undefined) dependents.set(id, [output])
      else list.push(output)
    }
  }
  const errors: WorkflowError[] = []
  for (const id of [...dependents.keys()].sort(compareNodeIds)) {
    for (const error of own.get(id) ?? []) errors.push({ ...error, dependentOutputs: dependents.get(id) ?? [] })
  }
  return errors
}
