// The shape of a shipped workflow template: an API prompt with `{name:default}` placeholders and
// what the studio knows about it. Parameters, their types and the requirements are derived from
// the graph when the library is read (template-library.ts), so they never drift from it.
import type { ApiNode, ApiPrompt } from '@aipipeline/comfyui'
import type { ParameterRole, TemplateCategory, TemplateModelFamily, WorkflowParameter } from '@aipipeline/contracts'

/** What a placeholder means beyond its type; keyed by placeholder name. */
export type ParameterMeta = Pick<WorkflowParameter, 'label' | 'min' | 'max'> & { role?: ParameterRole }

export interface ShippedTemplate {
  /** Stable identity across releases (names may be edited by users). */
  key: string
  /** Bumped whenever the shipped graph or metadata changes; seeding updates unedited copies. */
  revision: number
  name: string
  description: string
  modelFamily: TemplateModelFamily
  category: TemplateCategory
  outputs: Array<'image' | 'video'>
  prompt: ApiPrompt
  /** Labels, roles and bounds of its placeholders (common names get standard ones). */
  parameters?: Record<string, ParameterMeta>
}

/** One API node; `title` becomes `_meta.title` as ComfyUI's "Save (API)" writes it. */
export function node(classType: string, inputs: ApiNode['inputs'], title?: string): ApiNode {
  return title === undefined ? { class_type: classType, inputs } : { class_type: classType, inputs, _meta: { title } }
}
