// A shot's CPE settings → the {prompt} / {negative_prompt} parameters of a render job, with the
// frame size (and, for video models, the clip length and rate) the model renders at.
import {
  type Catalog,
  defaultCatalog,
  formatPrompt,
  isTargetModel,
  type PromptParameters,
  TARGET_MODELS,
  validate,
} from '@aipipeline/cpe'
import { ValidationFailed } from '@aipipeline/domain'
import { malformedConfig } from './cpe-engine.service'

export interface ShotPromptParameters {
  prompt: string
  /** Empty for models that take no negative prompt (FLUX, HunyuanVideo, Midjourney). */
  negative_prompt: string
  /** Size, and for video models frames and fps of the model's default clip. */
  frame: Pick<PromptParameters, 'aspectRatio' | 'width' | 'height' | 'frames' | 'fps'>
  /** Formatter notes: dropped phrases, size compromises. */
  notes: string[]
}

/** Catalog aspect ratio id for a label such as "16:9", "2.39:1" or "1.85" (nearest within 1 %). */
export function aspectRatioIdFor(label: string, catalog: Catalog = defaultCatalog()): string | undefined {
  const value = aspectValue(label)
  if (value === undefined) return undefined
  let best: { id: string; diff: number } | undefined
  for (const ar of catalog.aspectRatios.values()) {
    const diff = Math.abs(Math.log(ar.value / value))
    if (best === undefined || diff < best.diff) best = { id: ar.id, diff }
  }
  return best !== undefined && best.diff < 0.01 ? best.id : undefined
}

/** "16:9" → 1.777…, "2.39:1" → 2.39, "1.85" → 1.85; undefined for anything else. */
export function aspectValue(label: string): number | undefined {
  const ratio = /^\s*(\d+(?:\.\d+)?)\s*[:x/]\s*(\d+(?:\.\d+)?)\s*$/.exec(label)
  const value = ratio ? Number(ratio[1]) / Number(ratio[2]) : Number(label)
  return Number.isFinite(value) && value > 0 ? value : undefined
}

/** The settings with `camera.aspectRatioId` set to the project's, where the shot names none. */
function withFallbackAspect(settings: unknown, aspectRatioId: string | undefined): unknown {
  if (aspectRatioId === undefined || typeof settings !== 'object' || settings === null) return settings
  const camera: unknown = Reflect.get(settings, 'camera')
  const cameraObject = typeof camera === 'object' && camera !== null ? camera : {}
  if (Reflect.get(cameraObject, 'aspectRatioId') !== undefined) return settings
  return { ...settings, camera: { ...cameraObject, aspectRatioId } }
}

/**
 * The workflow parameters for one shot and target model. Malformed settings or an unknown model
 * throw ValidationFailed naming the field (`cpeSettings.<path>`, `targetModel`). Rule violations
 * do not block: a HARD violation means "not on a real set", which a generator can still render;
 * callers that must refuse them run validate() first. `fallbackAspect` (the project's aspect
 * ratio label) frames the shot when its settings choose no aspect ratio.
 */
export function promptParametersForShot(
  cpeSettings: unknown,
  targetModel: string,
  catalog: Catalog = defaultCatalog(),
  fallbackAspect?: string,
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
  const framed = withFallbackAspect(
    settings,
    fallbackAspect === undefined ? undefined : aspectRatioIdFor(fallbackAspect, catalog),
  )
  const plain = formatPrompt(targetModel, settings, catalog)
  const formatted = framed === settings ? plain : formatPrompt(targetModel, framed, catalog)
  const { aspectRatio, width, height, frames, fps } = formatted.parameters
  return {
    // An aspect ratio alone is no picture: settings that choose nothing stay an empty prompt.
    prompt: plain.prompt === '' ? '' : formatted.prompt,
    negative_prompt: formatted.negativePrompt ?? '',
    frame: {
      aspectRatio,
      width,
      height,
      ...(frames === undefined ? {} : { frames }),
      ...(fps === undefined ? {} : { fps }),
    },
    notes: formatted.warnings,
  }
}
