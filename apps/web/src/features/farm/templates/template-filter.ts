// The library's filters: category, model family and a free-text search, all optional.
import type { TemplateCategory, TemplateModelFamily, WorkflowTemplate } from '@aipipeline/contracts'

export interface TemplateFilter {
  category: TemplateCategory | null
  family: TemplateModelFamily | null
  /** Matched case-insensitively against the name and the description. */
  search: string
}

/** The templates that pass the filter: shipped ones first, then by name in the user's language. */
export function filterTemplates(
  templates: readonly WorkflowTemplate[],
  filter: TemplateFilter,
  locale: string,
): WorkflowTemplate[] {
  const needle = filter.search.trim().toLocaleLowerCase(locale)
  return templates
    .filter(
      (t) =>
        (filter.category === null || t.category === filter.category) &&
        (filter.family === null || t.modelFamily === filter.family) &&
        (needle === '' || `${t.name}\n${t.description}`.toLocaleLowerCase(locale).includes(needle)),
    )
    .sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name, locale))
}

/** The values of a field that occur in the library, so a filter never offers an empty choice. */
export function presentValues<K extends 'category' | 'modelFamily'>(
  templates: readonly WorkflowTemplate[],
  key: K,
  order: readonly WorkflowTemplate[K][],
): WorkflowTemplate[K][] {
  const present = new Set(templates.map((t) => t[key]))
  return order.filter((v) => present.has(v))
}
