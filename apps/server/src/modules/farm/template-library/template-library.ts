// The workflow template library shipped with the studio. Each entry's parameters are described
// from its placeholders (types from their defaults) and merged with the library's labels, roles
// and bounds; its requirements are extracted from the graph.
import { describeParameters, extractRequirements } from '@aipipeline/comfyui'
import type { TemplateRequirements, WorkflowParameter } from '@aipipeline/contracts'
import { toTemplateRequirements } from '../template-requirements'
import { GUIDED_TEMPLATES } from './library.guided'
import { IMAGE_TEMPLATES } from './library.image'
import { PREPROCESSOR_TEMPLATES } from './library.preprocessors'
import type { ParameterMeta, ShippedTemplate } from './library.types'
import { VIDEO_TEMPLATES } from './library.video'

export { PREPROCESSOR_TEMPLATE_KEYS } from './library.preprocessors'
export type { ParameterMeta, ShippedTemplate } from './library.types'

/** Meaning of the placeholder names every template uses the same way. */
const STANDARD: Record<string, ParameterMeta> = {
  prompt: { role: 'prompt', label: 'Prompt' },
  negative: { role: 'negative', label: 'Negative prompt' },
  seed: { role: 'seed', label: 'Seed', min: 0 },
  width: { role: 'width', label: 'Width (px)', min: 64, max: 4096 },
  height: { role: 'height', label: 'Height (px)', min: 64, max: 4096 },
  steps: { role: 'steps', label: 'Steps', min: 1, max: 200 },
  cfg: { role: 'cfg', label: 'CFG scale', min: 0, max: 30 },
  denoise: { role: 'denoise', label: 'Denoise', min: 0, max: 1 },
  frames: { role: 'frames', label: 'Frames', min: 1, max: 1024 },
  fps: { role: 'fps', label: 'Frames per second', min: 1, max: 120 },
  image: { role: 'image', label: 'Input image' },
  mask: { role: 'mask', label: 'Mask' },
}

/** A shipped template as stored: parameters described and requirements extracted. */
export interface LibraryTemplate extends Omit<ShippedTemplate, 'parameters'> {
  parameters: WorkflowParameter[]
  requirements: TemplateRequirements
}

export const SHIPPED_TEMPLATES: readonly ShippedTemplate[] = [
  ...IMAGE_TEMPLATES,
  ...GUIDED_TEMPLATES,
  ...VIDEO_TEMPLATES,
  ...PREPROCESSOR_TEMPLATES,
]

/** Reads one shipped template into its stored form. */
export function readShippedTemplate(t: ShippedTemplate): LibraryTemplate {
  const parameters = describeParameters(t.prompt).map((p): WorkflowParameter => {
    const meta = { ...STANDARD[p.name], ...t.parameters?.[p.name] }
    return { ...p, ...meta }
  })
  return { ...t, parameters, requirements: toTemplateRequirements(extractRequirements(t.prompt)) }
}

/** The whole library in its stored form. */
export function libraryTemplates(): LibraryTemplate[] {
  return SHIPPED_TEMPLATES.map(readShippedTemplate)
}
