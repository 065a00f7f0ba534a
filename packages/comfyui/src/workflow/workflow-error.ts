/** Why a workflow was rejected; each code maps to one ComfyUI error type in `comfy-validation.response.ts`. */
export type WorkflowErrorCode =
  | 'invalid-json'
  | 'invalid-prompt'
  | 'unknown-class'
  | 'no-outputs'
  | 'cycle'
  | 'dangling-link'
  | 'bad-link'
  | 'bad-link-slot'
  | 'bad-input-type'
  | 'missing-input'
  | 'value-out-of-range'
  | 'value-not-in-list'
  | 'unsupported-node'
  | 'unknown-parameter'
  | 'missing-parameter'
  | 'bad-parameter-value'

/** Extra facts ComfyUI puts into `extra_info`; kept so the simulator can answer byte-for-byte shapes. */
export interface WorkflowErrorDetails {
  receivedValue?: unknown
  receivedType?: string
  expectedType?: string
  linkedNode?: readonly [string, number]
  /** Id of the UI link (editor workflows) the problem was found on. */
  linkId?: number
  inputSpec?: unknown
  limit?: number
  bound?: 'min' | 'max'
  options?: readonly unknown[]
  cycle?: readonly string[]
}

/** One problem in a workflow, naming the node (id and class) and the input when there is one. */
export interface WorkflowError {
  code: WorkflowErrorCode
  message: string
  nodeId?: string
  classType?: string
  inputName?: string
  /** Output nodes that cannot run because of this error (ComfyUI's `dependent_outputs`). */
  dependentOutputs?: string[]
  details?: WorkflowErrorDetails
}

/** `#12 KSampler`, the way every message names a node. */
export function nodeLabel(nodeId: string, classType?: string): string {
  return classType === undefined ? `node #${nodeId}` : `node #${nodeId} (${classType})`
}
