// Turns what a user submits (API prompt, UI workflow or template, plus parameters) into the
// API prompt to run, with precise errors that name the template, parameter or node.
import {
  type ApiPrompt,
  applyParameters,
  convertUiToApi,
  type ObjectInfo,
  parseApiPrompt,
  validatePromptLinks,
  type WorkflowError,
} from '@aipipeline/comfyui'
import type { WorkflowSource } from '@aipipeline/contracts'
import type { WorkflowTemplateRecord } from '@aipipeline/db'
import { assertNever, PayloadTooLarge, RuleViolation, ValidationFailed } from '@aipipeline/domain'
import { templateFacts } from './render-provenance'

export interface SourceDeps {
  template(id: string): Promise<WorkflowTemplateRecord | null>
  /** object_info for UI conversion: one backend's, or the union of all backends'. */
  objectInfo(backendId?: string): Promise<ObjectInfo | null>
}

function describe(errors: WorkflowError[]): string {
  return errors.map((e) => e.message).join('; ')
}

/** The errors of a 422 body: each names its node and, where there is one, its input. */
function errorDetails(errors: WorkflowError[]) {
  return {
    errors: errors.map((e) => ({
      code: e.code,
      message: e.message,
      nodeId: e.nodeId ?? null,
      inputName: e.inputName ?? null,
    })),
  }
}

/**
 * Throws 422 when a link points to a node that is not in the prompt or the links form a cycle:
 * such a prompt fails on every backend, so it is refused at submit rather than after dispatch.
 */
export function assertRunnableLinks(prompt: ApiPrompt, what: string): ApiPrompt {
  const errors = validatePromptLinks(prompt)
  if (errors.length > 0) throw new RuleViolation(`${what} cannot run: ${describe(errors)}`, errorDetails(errors))
  return prompt
}

/** Parses an API prompt and checks its links, or throws 422 naming the first node errors. */
export function parsePrompt(value: unknown, what: string): ApiPrompt {
  const parsed = parseApiPrompt(value)
  if (!parsed.ok) {
    throw new RuleViolation(
      `${what} is not a valid API prompt: ${describe(parsed.errors)}`,
      errorDetails(parsed.errors),
    )
  }
  return assertRunnableLinks(parsed.prompt, what)
}

/** Converts a UI workflow with the given object_info, or throws 422 with the reason. */
export function convertUi(workflow: unknown, objectInfo: ObjectInfo | null): ApiPrompt {
  if (objectInfo === null) {
    throw new RuleViolation('cannot convert a UI workflow: no backend has reported its node definitions yet')
  }
  const converted = convertUiToApi(workflow, objectInfo)
  if (!converted.ok) {
    throw new RuleViolation(
      `the UI workflow cannot be converted: ${describe(converted.errors)}`,
      errorDetails(converted.errors),
    )
  }
  return assertRunnableLinks(converted.prompt, 'the UI workflow')
}

/** A submitted workflow before it is read: what the reading (possibly on a worker thread) needs. */
export type WorkflowInput =
  | { kind: 'api'; prompt: unknown; what: string }
  | { kind: 'ui'; workflow: unknown; objectInfo: ObjectInfo | null }

export interface GatheredSource {
  workflow: WorkflowInput
  templateId: string | null
  templateName: string | null
  /** The template's revision now (recorded on the job; null without a template or revisions). */
  templateRevision: number | null
}

/** Looks up what a source refers to (template, node definitions); nothing is parsed yet. */
export async function gatherSource(source: WorkflowSource, deps: SourceDeps): Promise<GatheredSource> {
  switch (source.kind) {
    case 'api':
      return {
        workflow: { kind: 'api', prompt: source.prompt, what: 'source.prompt' },
        templateId: null,
        templateName: null,
        templateRevision: null,
      }
    case 'ui':
      return {
        workflow: { kind: 'ui', workflow: source.workflow, objectInfo: await deps.objectInfo(source.backendId) },
        templateId: null,
        templateName: null,
        templateRevision: null,
      }
    case 'template': {
      const template = await deps.template(source.templateId)
      if (template === null) {
        throw new RuleViolation(`unknown workflow template "${source.templateId}"`, { templateId: source.templateId })
      }
      return {
        workflow: { kind: 'api', prompt: template.prompt, what: `template "${template.name}"` },
        templateId: template.id,
        templateName: template.name,
        templateRevision: templateFacts(template).revision,
      }
    }
    default:
      return assertNever(source, 'workflow source')
  }
}

function nodeCount(value: unknown): number {
  return isRecord(value) && Array.isArray(value.nodes) ? value.nodes.length : 0
}

/** Nodes in a workflow as submitted (a UI workflow's subgraphs included), counted without parsing it. */
export function workflowSize(input: WorkflowInput): number {
  if (input.kind === 'api') return isRecord(input.prompt) ? Object.keys(input.prompt).length : 0
  const w = input.workflow
  const subgraphs = isRecord(w) && isRecord(w.definitions) ? w.definitions.subgraphs : undefined
  return nodeCount(w) + (Array.isArray(subgraphs) ? subgraphs.reduce<number>((n, g) => n + nodeCount(g), 0) : 0)
}

function assertNodeCount(count: number, maxNodes: number): void {
  if (count > maxNodes) {
    throw new PayloadTooLarge(
      `the workflow has ${count} nodes; this studio accepts at most ${maxNodes} (WORKFLOW_MAX_NODES)`,
      { field: 'source', limit: maxNodes, actual: count },
    )
  }
}

/** Reads a workflow into a runnable API prompt (placeholders not yet filled): 413, 422 or the prompt. */
export function readWorkflow(input: WorkflowInput, maxNodes: number): ApiPrompt {
  assertNodeCount(workflowSize(input), maxNodes)
  if (input.kind === 'api') return parsePrompt(input.prompt, input.what)
  const prompt = convertUi(input.workflow, input.objectInfo)
  // Subgraphs expand on conversion.
  assertNodeCount(Object.keys(prompt).length, maxNodes)
  return prompt
}

/** Fills placeholders and overrides; unknown or ill-typed parameters are a 400 naming each one. */
export function fillParameters(prompt: ApiPrompt, values: Record<string, unknown>, objectInfo?: ObjectInfo): ApiPrompt {
  const applied = applyParameters(prompt, values, objectInfo)
  if (applied.errors.length > 0) {
    const issues = applied.errors.map((e) => ({ path: `parameters.${parameterName(e)}`, message: e.message }))
    throw new ValidationFailed(`invalid parameters: ${describe(applied.errors)}`, issues)
  }
  return applied.prompt
}

function parameterName(e: WorkflowError): string {
  return /"([^"]+)"/.exec(e.message)?.[1] ?? e.inputName ?? 'unknown'
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
