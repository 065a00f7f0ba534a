// What every model formatter returns.
import type { ShotDescription } from './shot-description'

export interface PromptParameters {
  /** Aspect ratio the prompt was written for, as labelled in the catalog ("2.39:1"); 16:9 by default. */
  aspectRatio: string
  /** Suggested frame size in pixels (rounded to what the model accepts). */
  width: number
  height: number
  /** Video models: frames and playback rate of the model's default clip. */
  frames?: number
  fps?: number
  steps?: number
  /** Classifier-free guidance or distilled guidance, where the model uses one. */
  guidance?: number
  /** Midjourney: the parameter string appended to the prompt. */
  arguments?: string
}

export interface FormattedPrompt {
  prompt: string
  negativePrompt?: string
  parameters: PromptParameters
  /** Dropped or shortened phrases, size compromises and other things the user should know. */
  warnings: string[]
}

export type Formatter = (d: ShotDescription) => FormattedPrompt

/** The aspect ratio to frame for: the config's, or 16:9. */
export function frameAspect(d: ShotDescription): { label: string; value: number } {
  return d.aspect ?? { label: '16:9', value: 16 / 9 }
}
