// Look: mood against lighting style, colour tone and movement. These are taste, so they warn.
import type { CameraMovement, LightingStyle, Mood } from '../catalog/enums'
import { ko } from './ko-labels'
import { type AnyRule, defineRule } from './rule.types'

const DARK_MOODS: ReadonlySet<Mood> = new Set(['ominous', 'eerie', 'tense', 'mysterious'])
const BRIGHT_MOODS: ReadonlySet<Mood> = new Set(['joyful', 'whimsical', 'triumphant'])
const DARK_STYLES: ReadonlySet<LightingStyle> = new Set(['low-key', 'chiaroscuro', 'neon-noir', 'silhouette'])
const CALM_MOODS: ReadonlySet<Mood> = new Set(['serene', 'intimate', 'romantic'])
const FRANTIC_MOVES: ReadonlySet<CameraMovement> = new Set(['whip-pan', 'handheld'])
/** Teal-orange is a digital-intermediate grade; the DI era starts in 2000 (research §2.7). */
const DIGITAL_GRADING_FROM = 2000

type MoodStyle = { mood: string; style: string }

const moodHighKeyDark = defineRule<MoodStyle>({
  id: 'mood-high-key-dark',
  severity: 'soft',
  fields: ['look.mood', 'lighting.style'],
  explanation: 'High-key lighting removes shadows, which are what an ominous or tense mood is made of.',
  message: {
    en: (d) => `${d.style} lighting works against a ${d.mood} mood: there are no shadows to hide in.`,
    ko: (d) => `${ko(d.style)} 조명은 ${ko(d.mood)} 무드와 어긋납니다: 숨을 그림자가 없습니다.`,
  },
  check: (ctx) => {
    const { mood } = ctx.config.look
    const { style } = ctx.config.lighting
    return style === 'high-key' && mood !== undefined && DARK_MOODS.has(mood) ? { mood, style } : null
  },
  sample: { mood: 'ominous', style: 'high-key' },
})

const moodLowKeyBright = defineRule<MoodStyle>({
  id: 'mood-low-key-bright',
  severity: 'soft',
  fields: ['look.mood', 'lighting.style'],
  explanation: 'Deep shadows read as threat or gravity; a joyful mood usually wants open, bright light.',
  message: {
    en: (d) => `${d.style} lighting works against a ${d.mood} mood.`,
    ko: (d) => `${ko(d.style)} 조명은 ${ko(d.mood)} 무드와 어긋납니다.`,
  },
  check: (ctx) => {
    const { mood } = ctx.config.look
    const { style } = ctx.config.lighting
    if (style === undefined || mood === undefined) return null
    return DARK_STYLES.has(style) && BRIGHT_MOODS.has(mood) ? { mood, style } : null
  },
  sample: { mood: 'joyful', style: 'low-key' },
})

const moodCalmFranticMove = defineRule<{ mood: string; movement: string }>({
  id: 'mood-calm-frantic-move',
  severity: 'soft',
  fields: ['look.mood', 'shot.movement'],
  explanation: 'Whip pans and handheld shake carry urgency; they undercut a calm or intimate mood.',
  message: {
    en: (d) => `A ${d.movement} undercuts a ${d.mood} mood.`,
    ko: (d) => `${ko(d.movement)} 카메라 무브먼트는 ${ko(d.mood)} 무드를 해칩니다.`,
  },
  check: (ctx) => {
    const { mood } = ctx.config.look
    const { movement } = ctx.config.shot
    if (mood === undefined || movement === undefined) return null
    return CALM_MOODS.has(mood) && FRANTIC_MOVES.has(movement) ? { mood, movement } : null
  },
  sample: { mood: 'serene', movement: 'whip-pan' },
})

const tealOrangeBeforeDi = defineRule<{ year: number }>({
  id: 'teal-orange-before-digital-grading',
  severity: 'soft',
  fields: ['look.colourTone', 'productionYear'],
  explanation: 'Teal-orange grading relies on digital intermediates, common only from the 2000s.',
  message: {
    en: (d) => `A teal-orange grade in ${d.year} predates digital intermediates (from ${DIGITAL_GRADING_FROM}).`,
    ko: (d) =>
      `${d.year}년의 틸-오렌지 색조는 디지털 인터미디어트(${DIGITAL_GRADING_FROM}년~) 이전이라 시대에 맞지 않습니다.`,
  },
  check: (ctx) => {
    const year = ctx.config.productionYear
    return ctx.config.look.colourTone === 'teal-orange' && year !== undefined && year < DIGITAL_GRADING_FROM
      ? { year }
      : null
  },
  sample: { year: 1985 },
})

export const LOOK_RULES: readonly AnyRule[] = [
  moodHighKeyDark,
  moodLowKeyBright,
  moodCalmFranticMove,
  tealOrangeBeforeDi,
]
