// A shot's CPE settings → the {prompt} / {negative_prompt} parameters of a render job.
import { type Catalog, defaultCatalog, formatPrompt, isTargetModel, TARGET_MODELS, validate } from '@aipipeline/cpe'
import { ValidationFailed } from '@aipipeline/domain'
import { malformedConfig } from './cpe-engine.service'

export interface ShotPromptParameters {
  prompt: string
  /** Empty for models that take no negative prompt (FLUX, HunyuanVideo, Midjourney). */
  negative_prompt: string
}

/**
 * The workflow parameters for one shot and target model. Malformed settings or an unknown model
 * throw ValidationFailed naming the field (`cpeSettings.<path>`, `targetModel`). Rule violations
 * do not block: a HARD violation means "not on a real set", which a generator can still render;
 * callers that must refuse them run validate() first.
 */
export function promptParametersForShot(
  cpeSettings: unknown,
  targetModel: string,
  catalog: Catalog = defaultCatalog(),
): ShotPromptParameters {
  if (!isTargetModel(targetModel)) {
    const known = TARGET_MODELS.map((m) => m.id).join(', ')
    throw new ValidationFailed(`unknown target model "${targetModel}"`, [
      { path: 'targetModel', message: `expected one of ${known}` },
    ])
  }
  const settings = cpeSettings ?? {}
  const checked = validate(settings, catalog)
  if (checked.status === 'malformed') throw malformedConfig(checked, 'cpeSettings')
  const formatted = formatPrompt(targetModel, settings, catalog)
  return { prompt: formatted.prompt, negative_prompt: formatted.negativePrompt ?? '' }
}
