// FLUX.1 (research §3.1): natural prose, subject first and lighting early, camera and stock named
// as captions do; no negative prompt and no (word:1.2) weights. T5 window: dev 512, schnell 256.
import {
  aspectText,
  gearText,
  lightingText,
  prose,
  settingPhrase,
  styleText,
  subjectPhrase,
  timeAndWeather,
  toneText,
} from './common-phrases'
import { imageSize } from './dimensions'
import { type Formatter, frameAspect } from './formatter.types'
import { detailPhrases, fitPhrases, type Phrase } from './phrase-budget'
import type { ShotDescription } from './shot-description'
import { countT5Tokens } from './token-count'
import { ANGLE, COMPOSITION, MOOD, MOVEMENT_STILL, SHOT_SIZE } from './vocabulary'

/** Phrases of a still-image prose prompt, most important first by rank (shared with HunyuanVideo-like prose). */
export function stillProsePhrases(d: ShotDescription): Phrase[] {
  const { shot, look } = d.config
  const light = [lightingText(d), timeAndWeather(d)].filter(Boolean).join(', ')
  const framing = [
    shot.size && SHOT_SIZE[shot.size],
    shot.angle && ANGLE[shot.angle],
    shot.composition && COMPOSITION[shot.composition],
  ].filter(Boolean)
  const phrases: Phrase[] = [
    { text: styleText(d) ?? 'cinematic film still', rank: 3, label: 'style' },
    subjectPhrase(d),
    { text: d.action ?? '', rank: 1, label: 'action', attach: true, verbatim: true },
    settingPhrase(d, 1),
    { text: light, rank: 2, label: 'lighting' },
    { text: gearText(d) ?? '', rank: 3, label: 'camera and lens' },
    { text: toneText(d) ?? '', rank: 3, label: 'colour tone' },
    { text: look.mood === undefined ? '' : `${MOOD[look.mood]} mood`, rank: 4, label: 'mood' },
    { text: framing.join(', '), rank: 1.5, label: 'framing' },
    { text: aspectText(d) ?? '', rank: 5, label: 'aspect ratio' },
    { text: d.palette.join(', '), rank: 5, label: 'preset palette' },
    { text: (shot.movement && MOVEMENT_STILL[shot.movement]) ?? '', rank: 5.5, label: 'movement' },
  ]
  phrases.push(...detailPhrases(d.details))
  return phrases
}

function flux(maxTokens: number, steps: number, guidance: number | undefined): Formatter {
  return (d) => {
    const warnings: string[] = []
    const budget = { count: countT5Tokens, max: maxTokens, unit: 'T5 tokens' }
    const prompt = fitPhrases(stillProsePhrases(d), prose, [budget], warnings)
    const aspect = frameAspect(d)
    const size = imageSize(aspect.value, 1024 * 1024, 16)
    return {
      prompt,
      parameters: { aspectRatio: aspect.label, ...size, steps, ...(guidance === undefined ? {} : { guidance }) },
      warnings,
    }
  }
}

/** FLUX.1 dev: 512 T5 tokens, guidance-distilled (guidance 3.5, 50 steps). */
export const formatFluxDev: Formatter = flux(512, 50, 3.5)
/** FLUX.1 schnell: 256 T5 tokens, 4 steps, no guidance. */
export const formatFluxSchnell: Formatter = flux(256, 4, undefined)
