// The naming convention editor's preview: every template rendered with a real shot's values
// (or a sample shot), and a pasted path parsed back by each template — the same engine the
// server uses to name and read folders and files, run on the templates being edited.
import {
  NAMING_TEMPLATE_NAMES,
  type NamingTemplateName,
  namingTemplate,
  parsePath,
  renderTemplate,
  resolveTemplates,
  type TokenValues,
} from '@aipipeline/domain'

export type TemplateSet = Record<NamingTemplateName, string>

export interface RenderedTemplate {
  name: NamingTemplateName
  path: string | null
  /** Why the template does not compile or render, when it does not. */
  error: string | null
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err))

/** The templates over the defaults, ignoring blank entries. */
export function editedSet(edits: Partial<Record<NamingTemplateName, string>>): TemplateSet {
  return resolveTemplates(
    Object.fromEntries(Object.entries(edits).filter(([, v]) => v !== undefined && v.trim() !== '')),
  )
}

/** The token values of a shot for the preview: version 1, a PNG, no comment. */
export function previewValues(p: { project: string; sequence: string; shot: string; task: string }): TokenValues {
  return { ...p, version: 1, ext: 'png' }
}

/** Each template rendered with `values`, or the reason it cannot be. */
export function renderAll(set: TemplateSet, values: TokenValues): RenderedTemplate[] {
  return NAMING_TEMPLATE_NAMES.map((name) => {
    try {
      return { name, path: renderTemplate(namingTemplate(set, name), values), error: null }
    } catch (err) {
      return { name, path: null, error: messageOf(err) }
    }
  })
}

/** The templates a path matches, with the token values read from it. */
export function parseWithAll(
  set: TemplateSet,
  path: string,
): { name: NamingTemplateName; tokens: Record<string, string | number> }[] {
  const trimmed = path.trim()
  if (trimmed === '') return []
  return NAMING_TEMPLATE_NAMES.flatMap((name) => {
    try {
      const tokens = parsePath(namingTemplate(set, name), trimmed)
      return tokens ? [{ name, tokens }] : []
    } catch {
      return []
    }
  })
}
