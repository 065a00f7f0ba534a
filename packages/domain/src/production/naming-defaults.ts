// The naming templates a new project starts with; each project may override any of them.
import { z } from 'zod'
import { DomainError, ValidationFailed } from '../errors/domain-error'
import { type CompiledTemplate, compileTemplate } from './naming-template'

export const NAMING_TEMPLATE_NAMES = ['version', 'shotFolder', 'taskFolder', 'versionFolder', 'versionFile'] as const
export const NamingTemplateName = z.enum(NAMING_TEMPLATE_NAMES)
export type NamingTemplateName = z.infer<typeof NamingTemplateName>
export const NamingTemplates = z.record(NamingTemplateName, z.string().min(1).max(300))
export type NamingTemplates = z.infer<typeof NamingTemplates>

export const DEFAULT_NAMING_TEMPLATES: Record<NamingTemplateName, string> = {
  version: 'v{version:03}',
  shotFolder: '{project}/{sequence}/{shot}',
  taskFolder: '{@shotFolder}/{task}',
  versionFolder: '{@taskFolder}/{@version}',
  versionFile: '{project}_{shot}_{task}_{@version}<_{comment}>.{ext}',
}

/** The full template set of a project: its overrides over the defaults. */
export function resolveTemplates(
  overrides: Partial<Record<NamingTemplateName, string>>,
): Record<NamingTemplateName, string> {
  return { ...DEFAULT_NAMING_TEMPLATES, ...overrides }
}

/** Compiles one named template of a set (references resolve within the set). */
export function namingTemplate(set: Record<NamingTemplateName, string>, name: NamingTemplateName): CompiledTemplate {
  return compileTemplate(set[name], set)
}

/**
 * A naming template holding a control character (HTTP 400). Such a name makes a folder no file
 * system or tool handles well (NUL cannot be in a path at all), so it is refused on save.
 */
export class NamingTemplateInvalid extends DomainError {
  readonly code = 'naming_template_invalid'
  readonly issues: { path: string; message: string }[]
  constructor(name: NamingTemplateName, position: number, codePoint: number) {
    const path = `namingTemplates.${name}`
    const shown = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`
    const message = `control character ${shown} at position ${position}`
    super(`naming template ${name}: ${message}`, { path, position, character: shown })
    this.issues = [{ path, message }]
  }
}

/** C0 controls, DEL and C1 controls. */
const isControl = (code: number) => code <= 0x1f || (code >= 0x7f && code <= 0x9f)

/** Throws NamingTemplateInvalid for the first control character (position counts from 1). */
function assertNoControlCharacters(name: NamingTemplateName, template: string): void {
  for (let i = 0; i < template.length; i++) {
    const code = template.charCodeAt(i)
    if (isControl(code)) throw new NamingTemplateInvalid(name, i + 1, code)
  }
}

/**
 * Throws for the first template of the set that holds a control character
 * (NamingTemplateInvalid) or does not compile (ValidationFailed), naming it.
 */
export function validateTemplates(set: Record<NamingTemplateName, string>): void {
  for (const name of NAMING_TEMPLATE_NAMES) assertNoControlCharacters(name, set[name])
  for (const name of NAMING_TEMPLATE_NAMES) {
    try {
      namingTemplate(set, name)
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      throw new ValidationFailed(message, [{ path: `namingTemplates.${name}`, message }])
    }
  }
}
