import { z } from 'zod'
import type { WorkflowError } from './workflow-error'

/** `[sourceNodeId, outputSlot]`; ComfyUI treats every 2-element list input as a link. */
export const Link = z.tuple([z.string(), z.number().int().nonnegative()])
export type Link = z.infer<typeof Link>

/** Literal input values; arrays that are not links travel wrapped as `{"__value__": [...]}`. */
export const ApiInputValue = z.union([
  Link,
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.unknown()),
  z.record(z.string(), z.unknown()),
])
export type ApiInputValue = z.infer<typeof ApiInputValue>

export const ApiNode = z
  .object({
    class_type: z.string().min(1),
    inputs: z.record(z.string(), ApiInputValue),
    _meta: z.object({ title: z.string().optional() }).loose().optional(),
  })
  // Old frontends add keys such as `is_changed`; the server ignores them and so do we.
  .loose()
export type ApiNode = z.infer<typeof ApiNode>

/** An API-format ("Save (API)") workflow: node id → node. */
export const ApiPrompt = z.record(z.string(), ApiNode)
export type ApiPrompt = z.infer<typeof ApiPrompt>

export type ParseApiPromptResult = { ok: true; prompt: ApiPrompt } | { ok: false; errors: WorkflowError[] }

/** True when an input value is a link `[nodeId, slot]`. */
export function isLink(value: unknown): value is Link {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'number' &&
    Number.isInteger(value[1]) &&
    value[1] >= 0
  )
}

/** Parses an API-format workflow (object or JSON text); each problem names the node and field. */
export function parseApiPrompt(json: unknown): ParseApiPromptResult {
  let value = json
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json)
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err)
      return { ok: false, errors: [{ code: 'invalid-json', message: `Workflow is not valid JSON: ${reason}` }] }
    }
  }
  const parsed = ApiPrompt.safeParse(value)
  if (parsed.success) return { ok: true, prompt: parsed.data }
  const errors: WorkflowError[] = parsed.error.issues.map((issue) => {
    const [nodeId, field, inputName] = issue.path.map(String)
    const where = nodeId === undefined ? 'workflow' : `node #${nodeId}${field === undefined ? '' : ` ${field}`}`
    const error: WorkflowError = {
      code: 'invalid-prompt',
      message: `${where}${inputName === undefined ? '' : `.${inputName}`}: ${issue.message}`,
    }
    if (nodeId !== undefined) error.nodeId = nodeId
    if (field === 'inputs' && inputName !== undefined) error.inputName = inputName
    return error
  })
  return { ok: false, errors }
}
