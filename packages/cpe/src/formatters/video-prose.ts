// English sentences for video models that were captioned with cinematic prose (HunyuanVideo,
// CogVideoX): subject and action, then "The shot is a … The camera …", then light and look.
import {
  aspectText,
  gearText,
  inSetting,
  lightingText,
  styleText,
  subjectPhrase,
  timeAndWeather,
  toneText,
} from './common-phrases'
import { detailPhrases, type Phrase } from './phrase-budget'
import type { ShotDescription } from './shot-description'
import { ANGLE, CADENCE, COMPOSITION, MOOD, MOVEMENT_VIDEO, SHOT_SIZE } from './vocabulary'

/** "The shot is a low angle close-up shot with a symmetrical composition" */
function shotSentence(d: ShotDescription): string {
  const { size, angle, composition } = d.config.shot
  if (size === undefined && angle === undefined && composition === undefined) return ''
  const angleText = angle && ANGLE[angle]
  // Some angles are shots themselves ("over-the-shoulder shot"): the size qualifies them, "shot" is said once.
  const what = angleText?.endsWith(' shot')
    ? [size && SHOT_SIZE[size].replace(/ shot$/, ''), angleText].filter(Boolean).join(' ')
    : [angleText, size ? SHOT_SIZE[size] : 'shot'].filter(Boolean).join(' ')
  const article = /^[aeiou]/i.test(what) ? 'an' : 'a'
  return `The shot is ${article} ${what}${composition ? ` with ${COMPOSITION[composition]}` : ''}`
}

/** Ranked sentences of a video prompt (rank 0 = subject, never dropped). */
export function videoProsePhrases(d: ShotDescription): Phrase[] {
  const { movement } = d.config.shot
  const { mood } = d.config.look
  const { motion } = d.config.animation
  const light = [lightingText(d), timeAndWeather(d)].filter(Boolean).join(', ')
  const look = [toneText(d), mood && `${MOOD[mood]} mood`].filter(Boolean).join(', ')
  const phrases: Phrase[] = [
    {
      text: [styleText(d), d.animated && motion ? CADENCE[motion] : undefined].filter(Boolean).join(', '),
      rank: 2,
      label: 'style',
    },
    subjectPhrase(d),
    { text: d.action ?? '', rank: 1, label: 'action', attach: true, verbatim: true },
    {
      text: d.setting === undefined ? '' : `The scene is set ${inSetting(d.setting)}`,
      rank: 1,
      label: 'setting',
      verbatim: true,
    },
    { text: shotSentence(d), rank: 2, label: 'framing' },
    { text: movement === undefined ? '' : MOVEMENT_VIDEO[movement], rank: 1, label: 'camera movement' },
    { text: d.slowMotion ? 'Slow motion' : '', rank: 3, label: 'slow motion' },
    { text: light, rank: 2, label: 'lighting' },
    { text: look, rank: 3, label: 'look' },
    { text: gearText(d) ?? '', rank: 4, label: 'camera and lens' },
    { text: aspectText(d) ?? '', rank: 5, label: 'aspect ratio' },
    { text: d.palette.join(', '), rank: 5, label: 'preset palette' },
  ]
  phrases.push(...detailPhrases(d.details))
  return phrases
}
