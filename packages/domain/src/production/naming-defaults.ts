// The naming templates a new project starts with; each project may override any of them.
import { z } from 'zod'
import { ValidationFailed } from '../errors/domain-error'
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

/** Throws ValidationFailed naming the first template of the set that does not compile. */
export function validateTemplates(set: Record<NamingTemplateName, string>): void {
  for (const name of NAMING_TEMPLATE_NAMES) {
    try {
      namingTemplate(set, name)
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      throw new ValidationFailed(message, [{ path: `namingTemplates.${name}`, message }])
    }
  }
}
