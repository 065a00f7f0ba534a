// Turning the command line into a submit request: the workflow file (API or UI format, told
// apart by shape), `--set name=value` pairs with JSON-ish values, and the submit body.
import { readFile } from 'node:fs/promises'
import { parseBoundedJson, type SubmitRenderJobRequest, type WorkflowSource } from '@aipipeline/contracts'
import { z } from 'zod'

const JsonObject = z.record(z.string(), z.unknown())
/** A ComfyUI UI workflow has `nodes` and `links` arrays; an API prompt is a map of nodes. */
const UiWorkflow = z.looseObject({ nodes: z.array(z.unknown()), links: z.array(z.unknown()) })

/** Parses `name=value`; numbers and booleans become typed (`seed=42`), quotes keep a string (`x="42"`). */
export function parseSetting(text: string): [string, unknown] {
  const eq = text.indexOf('=')
  if (eq <= 0) throw new Error(`--set "${text}": expected name=value`)
  const name = text.slice(0, eq).trim()
  const raw = text.slice(eq + 1)
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(raw.trim())) return [name, Number(raw)]
  if (raw === 'true' || raw === 'false') return [name, raw === 'true']
  const quoted = /^"(.*)"$/s.exec(raw)
  return [name, quoted ? quoted[1] : raw]
}

/** Reads a workflow file as an API or UI source; names the file in every error. */
export async function readWorkflowSource(path: string): Promise<WorkflowSource> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    throw new Error(`cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`)
  }
  // Bounded like every HTTP body: the converter and the schemas walk the workflow recursively.
  const parsed = parseBoundedJson(text)
  if (!parsed.ok && parsed.reason === 'syntax') throw new Error(`${path} is not JSON: ${parsed.message}`)
  if (!parsed.ok) {
    const { path: where, maxDepth } = parsed.violation
    throw new Error(`${path} nests more than ${maxDepth} levels deep at ${where || 'the top'}`)
  }
  const json = parsed.value
  const object = JsonObject.safeParse(json)
  if (!object.success) throw new Error(`${path} must hold a JSON object (an API prompt or a UI workflow)`)
  return UiWorkflow.safeParse(json).success
    ? { kind: 'ui', workflow: object.data }
    : { kind: 'api', prompt: object.data }
}

export interface RenderArgs {
  workflow?: string | undefined
  template?: string | undefined
  set: string[]
  priority: number
  name?: string | undefined
}

/** Builds the body of POST /api/farm/jobs. */
export async function submitBody(args: RenderArgs): Promise<SubmitRenderJobRequest> {
  if ((args.workflow === undefined) === (args.template === undefined)) {
    throw new Error('give either a workflow file or --template <id>')
  }
  const source: WorkflowSource =
    args.template !== undefined
      ? { kind: 'template', templateId: args.template }
      : await readWorkflowSource(args.workflow ?? '')
  return {
    source,
    parameters: Object.fromEntries(args.set.map(parseSetting)),
    priority: args.priority,
    requirements: { tags: [], minVramGb: 0 },
    maxAttempts: 3,
    inputVersions: [],
    ...(args.name ? { name: args.name } : {}),
  }
}
