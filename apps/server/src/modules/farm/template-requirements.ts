// A workflow's requirements in the template contract's shape: node classes and model files with
// the ComfyUI models folder each is loaded from (as /models names them).
import type { WorkflowRequirements } from '@aipipeline/comfyui'
import type { TemplateRequirements } from '@aipipeline/contracts'

const FOLDERS: Record<keyof WorkflowRequirements['models'], string> = {
  checkpoints: 'checkpoints',
  diffusionModels: 'diffusion_models',
  loras: 'loras',
  vaes: 'vae',
  textEncoders: 'text_encoders',
  controlnets: 'controlnet',
  upscaleModels: 'upscale_models',
  clipVision: 'clip_vision',
  styleModels: 'style_models',
  hypernetworks: 'hypernetworks',
  other: 'other',
}

/** Converts extractRequirements() output to `{nodeClasses, models: [{folder, name}]}`. */
export function toTemplateRequirements(found: WorkflowRequirements): TemplateRequirements {
  const models: TemplateRequirements['models'] = []
  for (const [key, folder] of Object.entries(FOLDERS)) {
    const files = found.models[key as keyof WorkflowRequirements['models']]
    for (const name of files) models.push({ folder, name })
  }
  return { nodeClasses: found.nodeClasses, models }
}
