// HunyuanVideo (research §3.4): English sentences with composition, lighting and camera movement
// (its "master" rewrite mode adds exactly these). The LLM text encoder reads 256 tokens; we count
// them with the T5 approximation. CFG-distilled (embedded guidance 6.0), so no negative prompt.
import { prose } from './common-phrases'
import { nearestSize } from './dimensions'
import { type Formatter, frameAspect } from './formatter.types'
import { fitPhrases } from './phrase-budget'
import { countT5Tokens } from './token-count'
import { videoProsePhrases } from './video-prose'

const SIZES_720P = [
  [1280, 720],
  [720, 1280],
  [1104, 832],
  [832, 1104],
  [960, 960],
] as const

/** HunyuanVideo text-to-video: 129 frames at 24 fps, 720p buckets. */
export const formatHunyuanVideo: Formatter = (d) => {
  const warnings: string[] = []
  const budget = { count: countT5Tokens, max: 256, unit: 'text-encoder tokens' }
  const prompt = fitPhrases(videoProsePhrases(d), prose, [budget], warnings)
  const aspect = frameAspect(d)
  const size = nearestSize(aspect.value, SIZES_720P)
  if (size.mismatch > 0.1)
    warnings.push(`HunyuanVideo renders ${size.width}×${size.height}; crop or letterbox to ${aspect.label}`)
  return {
    prompt,
    parameters: {
      aspectRatio: aspect.label,
      width: size.width,
      height: size.height,
      frames: 129,
      fps: 24,
      steps: 50,
      guidance: 6,
    },
    warnings,
  }
}
