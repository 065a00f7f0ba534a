// What a workflow is, read from its graph: the media it writes, the model family its prompts are
// for (by loader files and node classes) and its category. Used when a template is saved or a
// file is inspected without the user saying so; the user can always correct it.
import type { ApiPrompt } from './api-prompt.schema'

/** A Prompt Engine target model id, or `generic` (the contracts' TemplateModelFamily). */
export type TemplateModelFamily =
  | 'sd15'
  | 'sdxl'
  | 'flux-dev'
  | 'flux-schnell'
  | 'wan-2.2'
  | 'cogvideox'
  | 'hunyuan-video'
  | 'generic'

/** The kind of work a workflow does (the contracts' TemplateCategory). */
export type TemplateCategory =
  | 'text-to-image'
  | 'image-to-image'
  | 'inpaint'
  | 'outpaint'
  | 'controlnet'
  | 'upscale'
  | 'interpolation'
  | 'image-to-video'
  | 'text-to-video'
  | 'custom'

const VIDEO_SAVES = new Set(['SaveVideo', 'SaveWEBM', 'SaveAnimatedWEBP', 'SaveAnimatedPNG', 'VHS_VideoCombine'])
const IMAGE_SAVES = new Set(['SaveImage', 'PreviewImage', 'SaveImageWebsocket'])
const MODEL_INPUTS = ['ckpt_name', 'unet_name', 'model', 'model_name']

export interface TemplateTraits {
  modelFamily: TemplateModelFamily
  category: TemplateCategory
  outputs: Array<'image' | 'video'>
}

function classes(prompt: ApiPrompt): Set<string> {
  return new Set(Object.values(prompt).map((n) => n.class_type))
}

/** The media a workflow writes (image when it has no known save node). */
export function detectOutputs(prompt: ApiPrompt): Array<'image' | 'video'> {
  const cls = classes(prompt)
  const out: Array<'image' | 'video'> = []
  if ([...cls].some((c) => IMAGE_SAVES.has(c))) out.push('image')
  if ([...cls].some((c) => VIDEO_SAVES.has(c))) out.push('video')
  return out.length > 0 ? out : ['image']
}

/** The Prompt Engine target a workflow's prompts are written for, from its main model. */
export function detectModelFamily(prompt: ApiPrompt): TemplateModelFamily {
  const cls = [...classes(prompt)].join(' ')
  const files = Object.values(prompt)
    .flatMap((n) => MODEL_INPUTS.map((i) => n.inputs[i]))
    .filter((v): v is string => typeof v === 'string')
    .join(' ')
    .toLowerCase()
  if (/wan2\.?2|wan22/.test(files) || /Wan22/.test(cls)) return 'wan-2.2'
  if (/cogvideo/.test(files) || /CogVideo/.test(cls)) return 'cogvideox'
  if (/hunyuan/.test(files) || /Hunyuan/.test(cls)) return 'hunyuan-video'
  if (/flux/.test(files)) return /schnell/.test(files) ? 'flux-schnell' : 'flux-dev'
  if (/sd_?xl|sdxl|xl_base|xl_refiner/.test(files)) return 'sdxl'
  if (/v1-5|sd15|sd-v1|1\.5|v1_5/.test(files)) return 'sd15'
  return 'generic'
}

/** What kind of work a workflow does, from the nodes it uses. */
export function detectCategory(prompt: ApiPrompt, outputs = detectOutputs(prompt)): TemplateCategory {
  const cls = classes(prompt)
  const has = (...names: string[]) => names.some((n) => cls.has(n))
  const sampler = [...cls].some((c) => /Sampler/.test(c))
  const loadsImage = has('LoadImage', 'LoadImageMask')
  if (has('RIFE VFI', 'FILM VFI')) return 'interpolation'
  if (outputs.includes('video') && sampler) return loadsImage ? 'image-to-video' : 'text-to-video'
  if ([...cls].some((c) => c.startsWith('ControlNetApply'))) return 'controlnet'
  if (has('ImagePadForOutpaint')) return 'outpaint'
  if (has('VAEEncodeForInpaint', 'InpaintModelConditioning', 'SetLatentNoiseMask')) return 'inpaint'
  if (has('ImageUpscaleWithModel') && !sampler) return 'upscale'
  if (sampler && loadsImage && has('VAEEncode')) return 'image-to-image'
  if (sampler && [...cls].some((c) => /^Empty.*Latent/.test(c))) return 'text-to-image'
  return 'custom'
}

/** All three traits at once. */
export function detectTraits(prompt: ApiPrompt): TemplateTraits {
  const outputs = detectOutputs(prompt)
  return { outputs, modelFamily: detectModelFamily(prompt), category: detectCategory(prompt, outputs) }
}
