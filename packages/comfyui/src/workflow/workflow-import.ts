// What an imported workflow turns into before it is saved as a template: its API prompt with
// suggested placeholders written in, the parameters they make (typed, with a role), its traits,
// requirements and a light graph for the preview.
import type { ApiPrompt } from './api-prompt.schema'
import type { ObjectInfo } from './object-info.schema'
import { type ParameterRole, suggestParameters, withPlaceholders } from './parameter-suggestions'
import { describeParameters, type Parameter } from './parameters'
import { extractRequirements, type WorkflowRequirements } from './requirements'
import { type PreviewGraph, previewGraph, uiPositions } from './workflow-preview'
import { detectTraits, type TemplateTraits } from './workflow-traits'

export interface WorkflowImport extends TemplateTraits {
  prompt: ApiPrompt
  parameters: Array<Parameter & { role?: ParameterRole }>
  requirements: WorkflowRequirements
  graph: PreviewGraph
}

/** Describes an imported API prompt; `uiWorkflow` (when the source had one) places the preview's nodes. */
export function describeWorkflowImport(
  prompt: ApiPrompt,
  uiWorkflow: unknown,
  objectInfo?: ObjectInfo,
): WorkflowImport {
  const suggestions = suggestParameters(prompt)
  const templated = withPlaceholders(prompt, suggestions)
  const byName = new Map(suggestions.map((s) => [s.name, s]))
  const parameters = describeParameters(templated, objectInfo).map((p) => {
    const s = byName.get(p.name)
    if (s === undefined) return p
    // A text kept out of its placeholder (braces, or a number-like text) still shows its value.
    return p.default === undefined ? { ...p, role: s.role, default: s.default } : { ...p, role: s.role }
  })
  return {
    prompt: templated,
    parameters,
    ...detectTraits(prompt),
    requirements: extractRequirements(prompt, objectInfo),
    graph: previewGraph(prompt, uiPositions(uiWorkflow)),
  }
}
