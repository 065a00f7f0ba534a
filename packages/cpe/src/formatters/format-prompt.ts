// formatPrompt(): one entry point over the per-model formatters.
import { type Catalog, defaultCatalog } from '../catalog/catalog'
import { CpeConfig } from '../config/cpe-config.schema'
import { formatCogVideoX } from './cogvideox.formatter'
import { formatFluxDev, formatFluxSchnell } from './flux.formatter'
import type { FormattedPrompt, Formatter } from './formatter.types'
import { formatHunyuanVideo } from './hunyuan-video.formatter'
import { formatMidjourney } from './midjourney.formatter'
import { describeShot, describesNothing } from './shot-description'
import { formatSd15, formatSdxl } from './stable-diffusion.formatter'
import { formatWan21, formatWan22 } from './wan.formatter'

export interface TargetModel {
  id: string
  name: string
  output: 'image' | 'video'
  negativePrompt: boolean
}

/** Models the engine writes prompts for. */
export const TARGET_MODELS = [
  { id: 'flux-dev', name: 'FLUX.1 [dev]', output: 'image', negativePrompt: false },
  { id: 'flux-schnell', name: 'FLUX.1 [schnell]', output: 'image', negativePrompt: false },
  { id: 'sd15', name: 'Stable Diffusion 1.5', output: 'image', negativePrompt: true },
  { id: 'sdxl', name: 'Stable Diffusion XL', output: 'image', negativePrompt: true },
  { id: 'wan-2.1', name: 'Wan 2.1', output: 'video', negativePrompt: true },
  { id: 'wan-2.2', name: 'Wan 2.2', output: 'video', negativePrompt: true },
  { id: 'hunyuan-video', name: 'HunyuanVideo', output: 'video', negativePrompt: false },
  { id: 'cogvideox', name: 'CogVideoX', output: 'video', negativePrompt: true },
  { id: 'midjourney', name: 'Midjourney', output: 'image', negativePrompt: false },
] as const satisfies readonly TargetModel[]

export type TargetModelId = (typeof TARGET_MODELS)[number]['id']

const FORMATTERS: Record<TargetModelId, Formatter> = {
  'flux-dev': formatFluxDev,
  'flux-schnell': formatFluxSchnell,
  sd15: formatSd15,
  sdxl: formatSdxl,
  'wan-2.1': formatWan21,
  'wan-2.2': formatWan22,
  'hunyuan-video': formatHunyuanVideo,
  cogvideox: formatCogVideoX,
  midjourney: formatMidjourney,
}

/** Whether a string names a target model (for callers holding untyped input). */
export function isTargetModel(id: string): id is TargetModelId {
  return Object.hasOwn(FORMATTERS, id)
}

/** The warning on an empty prompt for a config that chooses nothing. */
export const NOTHING_TO_DESCRIBE = 'nothing to describe'

const emptyPrompt = (warning: string): FormattedPrompt => ({
  prompt: '',
  parameters: { aspectRatio: '16:9', width: 0, height: 0 },
  warnings: [warning],
})

/**
 * The prompt for one model. Rules are not checked here (call validate()); unknown ids are left
 * out of the prompt. A malformed config yields an empty prompt with the schema error as a warning,
 * and a config that chooses nothing an empty prompt with the warning "nothing to describe".
 */
export function formatPrompt(
  model: TargetModelId,
  config: unknown,
  catalog: Catalog = defaultCatalog(),
): FormattedPrompt {
  // Callers with untyped input (HTTP) may pass any string; answer rather than throw.
  if (!isTargetModel(model)) return emptyPrompt(`unknown target model "${String(model)}"`)
  const parsed = CpeConfig.safeParse(config)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    return emptyPrompt(`config is malformed: ${issues}`)
  }
  const description = describeShot(parsed.data, catalog)
  const formatted = FORMATTERS[model](description)
  // Template words alone ("Cinematic film still.") would render an arbitrary picture.
  if (describesNothing(description))
    return { ...formatted, prompt: '', warnings: [...formatted.warnings, NOTHING_TO_DESCRIBE] }
  return formatted
}
