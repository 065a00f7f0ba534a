// Wan 2.1 / 2.2 (research §3.3): style first, at most four tags from Wan 2.2's own cinematic
// vocabulary, then subject, action as a process, setting, and one camera-movement sentence. Gear is
// at most one short phrase. Wan uses CFG and ships a default negative prompt, sent every time.
import type { LightingStyle, ShotSize, TimeOfDay } from '../catalog/enums'
import { styleTraits } from '../rules/animation.rules'
import { prose, settingPhrase, styleText, subjectPhrase } from './common-phrases'
import { nearestSize } from './dimensions'
import { type Formatter, frameAspect } from './formatter.types'
import { detailPhrases, fitPhrases, type Phrase } from './phrase-budget'
import type { ShotDescription } from './shot-description'
import { countT5Tokens, countWords } from './token-count'
import { CADENCE, MOOD, MOVEMENT_VIDEO } from './vocabulary'

const WAN_SIZE: Record<ShotSize, string> = {
  'extreme-wide': 'Extreme wide shot',
  wide: 'Wide shot',
  full: 'Wide shot',
  'medium-wide': 'Medium wide shot',
  cowboy: 'Medium wide shot',
  medium: 'Medium shot',
  'medium-close-up': 'Medium close-up shot',
  'close-up': 'Close-up shot',
  'extreme-close-up': 'Extreme close-up shot',
  insert: 'Extreme close-up shot',
}

/**
 * Wan 2.2's rewriter names four times (Day, Night, Dawn, Sunrise time). The others are written in
 * plain words rather than forced onto the nearest of the four: golden hour, sunset and dusk are
 * evening light as often as morning light, and calling them sunrise or dawn changes the shot.
 */
const WAN_TIME: Record<TimeOfDay, string> = {
  dawn: 'Dawn time',
  sunrise: 'Sunrise time',
  morning: 'Day time',
  midday: 'Day time',
  afternoon: 'Day time',
  'golden-hour': 'Golden hour',
  sunset: 'Sunset',
  'blue-hour': 'Blue hour',
  dusk: 'Dusk',
  night: 'Night time',
}

const HARD: ReadonlySet<LightingStyle> = new Set(['hard-sun', 'low-key', 'chiaroscuro', 'split', 'silhouette'])
const SOFT: ReadonlySet<LightingStyle> = new Set(['high-key', 'soft-overcast', 'butterfly', 'natural'])
const ANGLE_OF_LIGHT: Partial<Record<LightingStyle, string>> = {
  rembrandt: 'Side lighting',
  split: 'Side lighting',
  rim: 'Edge lighting',
  silhouette: 'Edge lighting',
  butterfly: 'Top lighting',
}

function wanSource(d: ShotDescription): string | undefined {
  const kinds = new Set(d.config.lighting.sourceIds.concat(d.config.lighting.practicalIds))
  if (d.config.lighting.weather === 'overcast') return 'Overcast lighting'
  if (d.practicals.some((p) => /candle|fire|torch|lamp/i.test(p))) return 'Firelight'
  if (d.lights.some((l) => /moon/i.test(l))) return 'Moonlight'
  if (d.lights.some((l) => /sun/i.test(l))) return 'Sunny lighting'
  if (d.lights.some((l) => /fluorescent/i.test(l))) return 'Fluorescent lighting'
  if (d.practicals.length > 0) return 'Practical lighting'
  return kinds.size > 0 ? 'Artificial lighting' : undefined
}

/** Up to four of Wan 2.2's aesthetic tags, in order of how much they shape the shot. */
export function wanTags(d: ShotDescription): string[] {
  const { shot, lighting, look } = d.config
  const style = lighting.style
  const tone = look.colourTone
  const colour =
    tone === 'warm' || tone === 'earthy' || tone === 'sepia'
      ? 'Warm colors'
      : tone === 'cool'
        ? 'Cool colors'
        : tone === 'teal-orange' || tone === 'neon'
          ? 'Mixed colors'
          : undefined
  const candidates = [
    shot.size && WAN_SIZE[shot.size],
    lighting.timeOfDay && WAN_TIME[lighting.timeOfDay],
    wanSource(d),
    style && (HARD.has(style) ? 'Hard lighting' : SOFT.has(style) ? 'Soft lighting' : undefined),
    colour,
    style && ANGLE_OF_LIGHT[style],
  ]
  return candidates.filter((t): t is string => typeof t === 'string').slice(0, 4)
}

const NEGATIVE = [
  'garish colours, overexposed, static, blurry details, subtitles',
  'style, artwork, painting, still picture',
  'overall greyish, worst quality, low quality, JPEG artifacts, ugly, mutilated, extra fingers, poorly drawn hands, poorly drawn face, deformed, disfigured, malformed limbs, fused fingers, motionless frame, cluttered background, three legs, crowded background, walking backwards',
]

function wanPhrases(d: ShotDescription): Phrase[] {
  const flat2d = d.style !== undefined && styleTraits(d.style).flat
  const motion = d.config.animation.motion
  const movement = d.config.shot.movement
  const mood = d.config.look.mood
  const filmCapture = d.capture?.endsWith(' film') === true ? d.capture : undefined
  const gear = [filmCapture, d.anamorphic ? 'anamorphic' : undefined]
  const phrases: Phrase[] = [
    {
      text: [styleText(d), d.animated && motion ? CADENCE[motion] : undefined].filter(Boolean).join(', '),
      rank: 2,
      label: 'style',
    },
    // Wan 2.2's rewriter adds no cinematic tags to 2D illustration styles.
    { text: flat2d ? '' : wanTags(d).join(', '), rank: 2, label: 'aesthetic tags' },
    subjectPhrase(d),
    { text: d.action ?? '', rank: 1, label: 'action', attach: true, verbatim: true },
    settingPhrase(d, 1),
    { text: movement === undefined ? '' : MOVEMENT_VIDEO[movement], rank: 1, label: 'camera movement' },
    { text: d.slowMotion ? 'slow motion' : '', rank: 3, label: 'slow motion' },
    { text: flat2d || d.animated ? '' : gear.filter(Boolean).join(', '), rank: 4, label: 'camera' },
    { text: mood === undefined ? '' : `${MOOD[mood]} mood`, rank: 5, label: 'mood' },
  ]
  phrases.push(...detailPhrases(d.details))
  return phrases
}

const SIZES_720P = [
  [1280, 720],
  [720, 1280],
] as const

function wan(maxWords: number): Formatter {
  return (d) => {
    const warnings: string[] = []
    const budgets = [
      { count: countT5Tokens, max: 512, unit: 'umT5 tokens' },
      { count: countWords, max: maxWords, unit: 'words' },
    ]
    const prompt = fitPhrases(wanPhrases(d), prose, budgets, warnings)
    const aspect = frameAspect(d)
    const size = nearestSize(aspect.value, SIZES_720P)
    if (size.mismatch > 0.1)
      warnings.push(`Wan renders ${size.width}×${size.height}; crop or letterbox to ${aspect.label} in the edit`)
    const negative = d.animated ? NEGATIVE.filter((_, i) => i !== 1) : NEGATIVE
    return {
      prompt,
      negativePrompt: negative.join(', '),
      parameters: { aspectRatio: aspect.label, width: size.width, height: size.height, frames: 81, fps: 16 },
      warnings,
    }
  }
}

/** Wan 2.1 (its prompt rewriter targets 80–100 words; we allow up to 120). */
export const formatWan21: Formatter = wan(120)
/** Wan 2.2 A14B (its rewriter asks for 60–200 words). */
export const formatWan22: Formatter = wan(200)
