// Midjourney (research §3.6): a short natural phrase list, parameters at the end, integer-only
// --ar. No weights of any kind, and no --q (its values depend on the model version).
import { aspectText, gearText, lightingText, styleText, timeAndWeather, toneText } from './common-phrases'
import { imageSize, midjourneyAspect } from './dimensions'
import { type Formatter, frameAspect } from './formatter.types'
import { detailPhrases, fitPhrases, type Phrase } from './phrase-budget'
import type { ShotDescription } from './shot-description'
import { countWords } from './token-count'
import { ANGLE, COMPOSITION, MOOD, MOVEMENT_STILL, SHOT_SIZE } from './vocabulary'

/** Midjourney publishes no hard limit; later words weigh less, so we keep the text to 80 words. */
const MAX_WORDS = 80

/** User text that cannot start a parameter ("--") or a multi-prompt weight ("::"). */
const inert = (t: string | undefined) => (t ?? '').replace(/-{2,}/g, '-').replace(/:{2,}/g, ':')

function phrases(d: ShotDescription): Phrase[] {
  const { shot, look } = d.config
  const list: Phrase[] = [
    { text: inert(d.subject), rank: 0, label: 'subject', verbatim: true },
    { text: inert(d.action), rank: 1, label: 'action', verbatim: true },
    { text: inert(d.setting), rank: 1, label: 'setting', verbatim: true },
    { text: shot.size === undefined ? '' : SHOT_SIZE[shot.size], rank: 1, label: 'shot size' },
    { text: styleText(d) ?? 'cinematic film still', rank: 2, label: 'style' },
    { text: [lightingText(d), timeAndWeather(d)].filter(Boolean).join(', '), rank: 2, label: 'lighting' },
    { text: gearText(d) ?? '', rank: 3, label: 'camera and lens' },
    { text: toneText(d) ?? '', rank: 3, label: 'colour tone' },
    { text: look.mood === undefined ? '' : `${MOOD[look.mood]} mood`, rank: 4, label: 'mood' },
    {
      text: [shot.composition && COMPOSITION[shot.composition], shot.angle && ANGLE[shot.angle]]
        .filter(Boolean)
        .join(', '),
      rank: 4,
      label: 'composition',
    },
    { text: aspectText(d) ?? '', rank: 5, label: 'aspect ratio' },
    { text: inert(d.palette.join(', ')), rank: 5, label: 'preset palette' },
    { text: (shot.movement && MOVEMENT_STILL[shot.movement]) ?? '', rank: 5.5, label: 'movement' },
  ]
  list.push(...detailPhrases(d.details, inert))
  return list
}

/** Midjourney V7. */
export const formatMidjourney: Formatter = (d) => {
  const warnings: string[] = []
  const budget = { count: countWords, max: MAX_WORDS, unit: 'words' }
  const text = fitPhrases(phrases(d), (kept) => kept.map((p) => p.text).join(', '), [budget], warnings)
  const aspect = frameAspect(d)
  const args = [`--ar ${midjourneyAspect(aspect.label, aspect.value)}`, '--v 7', d.animated ? '' : '--style raw']
    .filter(Boolean)
    .join(' ')
  return {
    prompt: `${text} ${args}`,
    parameters: { aspectRatio: aspect.label, ...imageSize(aspect.value, 1024 * 1024, 8), arguments: args },
    warnings,
  }
}
