import type { WorkflowError } from './workflow-error'

/** ComfyUI's error object (`{type, message, details, extra_info}`). */
export interface ComfyError {
  type: string
  message: string
  details: string
  extra_info: Record<string, unknown>
}

/** ComfyUI's `node_errors`: only nodes with their own errors are listed. */
export type ComfyNodeErrors = Record<string, { errors: ComfyError[]; dependent_outputs: string[]; class_type: string }>

/** What `POST /prompt` answers when validation fails. */
export interface ComfyValidationResponse {
  status: 400
  body: { error: ComfyError; node_errors: ComfyNodeErrors }
}

/** Python's `str()` of a scalar or list, as ComfyUI formats values into `details`. */
function py(value: unknown): string {
  if (value === null || value === undefined) return 'None'
  if (value === true) return 'True'
  if (value === false) return 'False'
  if (Array.isArray(value)) return `[${value.map((v) => (typeof v === 'string' ? `'${v}'` : py(v))).join(', ')}]`
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** `input_config` is ComfyUI's `(input_type, extra_info)` pair, echoed from `/object_info`. */
function inputConfig(spec: unknown): unknown {
  if (!Array.isArray(spec)) return spec === undefined ? null : [spec, {}]
  return [spec[0], spec[1] ?? {}]
}

/** Renders one per-input problem the way `execution.py: validate_inputs` does. */
function toComfyError(error: WorkflowError): ComfyError {
  const x = error.inputName ?? ''
  const d = error.details ?? {}
  const config = inputConfig(d.inputSpec)
  switch (error.code) {
    case 'missing-input':
      return {
        type: 'required_input_missing',
        message: 'Required input is missing',
        details: x,
        extra_info: { input_name: x },
      }
    case 'bad-link':
      return {
        type: 'bad_linked_input',
        message: 'Bad linked input, must be a length-2 list of [node_id, slot_index]',
        details: x,
        extra_info: { input_name: x, input_config: config, received_value: d.receivedValue },
      }
    case 'bad-input-type':
      if (d.linkedNode !== undefined) {
        return {
          type: 'return_type_mismatch',
          message: 'Return type mismatch between linked nodes',
          details: `${x}, received_type(${d.receivedType}) mismatch input_type(${d.expectedType})`,
          extra_info: { input_name: x, input_config: config, received_type: d.receivedType, linked_node: d.linkedNode },
        }
      }
      return invalidInputType(x, config, d.expectedType ?? '', d.receivedValue)
    case 'value-out-of-range': {
      const smaller = d.bound === 'min'
      return {
        type: smaller ? 'value_smaller_than_min' : 'value_bigger_than_max',
        message: `Value ${py(d.receivedValue)} ${smaller ? 'smaller than min' : 'bigger than max'} of ${py(d.limit)}`,
        details: x,
        extra_info: { input_name: x, input_config: config, received_value: d.receivedValue },
      }
    }
    case 'value-not-in-list': {
      const options = d.options ?? []
      // ComfyUI summarises long lists (model folders) and then omits the config.
      const big = options.length > 20
      return {
        type: 'value_not_in_list',
        message: 'Value not in list',
        details: `${x}: '${py(d.receivedValue)}' not in ${big ? `(list of length ${options.length})` : py(options)}`,
        extra_info: { input_name: x, input_config: big ? null : config, received_value: d.receivedValue },
      }
    }
    default:
      // Dangling links, bad slots and cycles make ComfyUI's validator raise; it reports the exception.
      return {
        type: 'exception_during_validation',
        message: 'Exception when validating node',
        details: error.message,
        extra_info: { exception_type: exceptionType(error), traceback: [] },
      }
  }
}

function invalidInputType(x: string, config: unknown, type: string, value: unknown): ComfyError {
  const reason =
    type === 'INT'
      ? `invalid literal for int() with base 10: '${py(value)}'`
      : `could not convert string to float: '${py(value)}'`
  return {
    type: 'invalid_input_type',
    message: `Failed to convert an input value to a ${type} value`,
    details: `${x}, ${py(value)}, ${reason}`,
    extra_info: { input_name: x, input_config: config, received_value: value, exception_message: reason },
  }
}

function exceptionType(error: WorkflowError): string {
  if (error.code === 'dangling-link') return 'KeyError'
  if (error.code === 'bad-link-slot') return 'IndexError'
  if (error.code === 'cycle') return 'RecursionError'
  return 'Exception'
}

/** `node_errors` for a set of node errors (also sent with a 200 when some outputs still run). */
export function toComfyNodeErrors(errors: readonly WorkflowError[]): ComfyNodeErrors {
  const out: ComfyNodeErrors = {}
  for (const error of errors) {
    if (error.nodeId === undefined) continue
    const entry = out[error.nodeId] ?? {
      errors: [],
      dependent_outputs: [...(error.dependentOutputs ?? [])],
      class_type: error.classType ?? '',
    }
    entry.errors.push(toComfyError(error))
    out[error.nodeId] = entry
  }
  return out
}

/** Renders workflow errors as the 400 body ComfyUI's `POST /prompt` returns for them. */
export function toComfyValidationResponse(errors: readonly WorkflowError[]): ComfyValidationResponse {
  const fatal = errors.find((e) => ['invalid-json', 'invalid-prompt', 'unknown-class'].includes(e.code))
  if (fatal !== undefined) {
    const message =
      fatal.code === 'unknown-class'
        ? `Cannot execute because node ${fatal.classType ?? ''} does not exist.`
        : 'Cannot execute because a node is missing the class_type property.'
    return {
      status: 400,
      body: {
        error: { type: 'invalid_prompt', message, details: `Node ID '#${fatal.nodeId ?? ''}'`, extra_info: {} },
        node_errors: {},
      },
    }
  }
  if (errors.some((e) => e.code === 'no-outputs')) {
    return {
      status: 400,
      body: {
        error: { type: 'prompt_no_outputs', message: 'Prompt has no outputs', details: '', extra_info: {} },
        node_errors: {},
      },
    }
  }
  const nodeErrors = toComfyNodeErrors(errors)
  const lines = Object.values(nodeErrors).flatMap((n) => n.errors.map((e) => `${e.message}: ${e.details}`))
  return {
    status: 400,
    body: {
      error: {
        type: 'prompt_outputs_failed_validation',
        message: 'Prompt outputs failed validation',
        details: lines.join('\n'),
        extra_info: {},
      },
      node_errors: nodeErrors,
    },
  }
}
