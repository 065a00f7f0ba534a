// CogVideoX (research §3.5): one dense English paragraph of at most 226 T5 tokens; negative
// prompts work (standard CFG). 49 frames at 8 fps, 720×480.
import { prose } from './common-phrases'
import { type Formatter, frameAspect } from './formatter.types'
import { fitPhrases } from './phrase-budget'
import { countT5Tokens } from './token-count'
import { videoProsePhrases } from './video-prose'

/** The model's prompt limit in T5 tokens. */
export const COGVIDEOX_MAX_TOKENS = 226
const WIDTH = 720
const HEIGHT = 480

/** CogVideoX-5B text-to-video. */
export const formatCogVideoX: Formatter = (d) => {
  const warnings: string[] = []
  const budget = { count: countT5Tokens, max: COGVIDEOX_MAX_TOKENS, unit: 'T5 tokens' }
  const prompt = fitPhrases(videoProsePhrases(d), (kept) => prose(kept).replace(/\s+/g, ' '), [budget], warnings)
  // Non-Latin letters mean the user wrote in another language; the model was trained on English.
  if (/[^\u0020-\u024f\u2000-\u206f]/.test(prompt))
    warnings.push('CogVideoX expects English prompts; translate the content')
  const aspect = frameAspect(d)
  if (Math.abs(aspect.value / (WIDTH / HEIGHT) - 1) > 0.1)
    warnings.push(`CogVideoX renders ${WIDTH}×${HEIGHT} (3:2); crop or letterbox to ${aspect.label} in the edit`)
  return {
    prompt,
    negativePrompt: 'blurry, low quality, distorted, deformed, flickering, watermark, text, static frame',
    parameters: { aspectRatio: aspect.label, width: WIDTH, height: HEIGHT, frames: 49, fps: 8, steps: 50, guidance: 6 },
    warnings,
  }
}
