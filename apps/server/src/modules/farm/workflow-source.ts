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
import { assertNever, RuleViolation, ValidationFailed } from '@aipipeline/domain'

export interface SourceDeps {
  template(id: string): Promise<WorkflowTemplateRecord | null>
  /** object_info for UI conversion: one backend's, or the union of all backends'. */
  objectInfo(backendId?: string): Promise<ObjectInfo | null>
}

export interface ResolvedSource {
  prompt: ApiPrompt
  templateId: string | null
  templateName: string | null
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

/** Resolves a workflow source to an API prompt (placeholders not yet filled). */
export async function resolveSource(source: WorkflowSource, deps: SourceDeps): Promise<ResolvedSource> {
  switch (source.kind) {
    case 'api':
      return { prompt: parsePrompt(source.prompt, 'source.prompt'), templateId: null, templateName: null }
    case 'ui':
      return {
        prompt: convertUi(source.workflow, await deps.objectInfo(source.backendId)),
        templateId: null,
        templateName: null,
      }
    case 'template': {
      const template = await deps.template(source.templateId)
      if (template === null) {
        throw new RuleViolation(`unknown workflow template "${source.templateId}"`, { templateId: source.templateId })
      }
      const prompt = parsePrompt(template.prompt, `template "${template.name}"`)
      return { prompt, templateId: template.id, templateName: template.name }
    }
    default:
      return assertNever(source, 'workflow source')
  }
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
