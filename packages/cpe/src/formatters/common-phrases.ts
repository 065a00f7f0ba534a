// Phrases several formatters share: lighting, gear as captions describe it, look and format.
import type { Phrase } from './phrase-budget'
import { distinctItems } from './repetition'
import { promptName, type ShotDescription } from './shot-description'
import { LIGHTING_STYLE, TIME, TONE, WEATHER } from './vocabulary'

const listOf = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`

/** "low-key lighting from a tungsten fresnel and a candle" */
export function lightingText(d: ShotDescription): string | undefined {
  const { style } = d.config.lighting
  // A light that both lights the scene and stands in frame is named once.
  const sources = distinctItems([...d.lights, ...d.practicals])
  const from = sources.length === 0 ? '' : listOf(sources)
  if (style === undefined) return from === '' ? undefined : `lit by ${from}`
  return from === '' ? LIGHTING_STYLE[style] : `${LIGHTING_STYLE[style]} from ${from}`
}

/** "at night, fog, interior" */
export function timeAndWeather(d: ShotDescription): string | undefined {
  const { timeOfDay, weather, interior } = d.config.lighting
  const parts = [
    timeOfDay && TIME[timeOfDay],
    weather && WEATHER[weather],
    interior === true ? 'interior' : interior === false ? 'exterior' : undefined,
  ].filter((x): x is string => typeof x === 'string')
  return parts.length === 0 ? undefined : parts.join(', ')
}

/** Gear as captions describe it: "shot on 35mm film, 50mm Zeiss Master Prime lens, anamorphic lens flares". */
export function gearText(d: ShotDescription): string | undefined {
  const parts = [d.capture, d.lens, d.stock, d.anamorphic ? 'anamorphic lens flares' : undefined].filter(
    (x): x is string => typeof x === 'string',
  )
  return parts.length === 0 ? undefined : parts.join(', ')
}

/** "teal and orange colour grade" (or black and white for B&W stock). */
export function toneText(d: ShotDescription): string | undefined {
  const tone = d.config.look.colourTone
  if (tone !== undefined) return TONE[tone]
  return d.blackAndWhite ? 'black and white' : undefined
}

/** "2.39:1 widescreen" */
export function aspectText(d: ShotDescription): string | undefined {
  if (d.aspect === undefined) return undefined
  return d.aspect.value >= 2 ? `${d.aspect.label} widescreen` : `${d.aspect.label} aspect ratio`
}

/** "Hand-drawn cel animation style" or undefined for live action. */
export function styleText(d: ShotDescription): string | undefined {
  if (!d.animated) return undefined
  if (d.style === undefined) return 'animation'
  // "Hand-drawn cel animation" is already a style of animation: "… animation style", not "… animation animation style".
  const name = promptName(d.style.name)
  return /\banimation$/i.test(name) ? `${name} style` : `${name} animation style`
}

export const capitalise = (s: string): string => (s.length === 0 ? s : s[0]?.toUpperCase() + s.slice(1))

/**
 * Whether text carries its own case, which a formatter must not change: an underscore, a digit or
 * a word in mixed case ("mara_lora", "r2d2", "LoRA", "iPhone"). Plain words and all-caps do not.
 */
export function hasOwnCase(text: string): boolean {
  return /[_\p{Nd}]/u.test(text) || /\p{Ll}\p{Lu}|\p{Lu}{2}\p{Ll}/u.test(text)
}

/** User text as a phrase, marked to keep its case when it carries its own. */
export const userPhrase = (text: string, phrase: Omit<Phrase, 'text'>): Phrase =>
  hasOwnCase(text) ? { ...phrase, text, keepCase: true, verbatim: true } : { ...phrase, text, verbatim: true }

/** Joins sentences, each ending with a full stop and capitalised unless its case must be kept. */
export function sentences(parts: readonly { text: string; keepCase: boolean }[]): string {
  return parts
    .filter((p) => p.text.length > 0)
    .map((p) => {
      const trimmed = p.text.trim()
      const s = p.keepCase ? trimmed : capitalise(trimmed)
      return /[.!?]$/.test(s) ? s : `${s}.`
    })
    .join(' ')
}

/** Prose from phrases: attached phrases continue the sentence before them. */
export function prose(kept: readonly Phrase[]): string {
  const parts: { text: string; keepCase: boolean }[] = []
  for (const p of kept) {
    const last = parts[parts.length - 1]
    if (p.attach === true && last !== undefined) last.text = `${last.text} ${p.text}`
    else parts.push({ text: p.text, keepCase: p.keepCase === true })
  }
  return sentences(parts)
}

/**
 * Who or what the shot shows: the subject, or "a figure" when only an action is given (an action
 * needs someone to do it); empty when the user named neither, so no placeholder is written.
 */
export function subjectText(d: ShotDescription): string {
  return d.subject ?? (d.action === undefined ? '' : 'a figure')
}

/** The subject phrase (rank 0: never dropped), keeping the user's case where it carries meaning. */
export const subjectPhrase = (d: ShotDescription): Phrase => userPhrase(subjectText(d), { rank: 0, label: 'subject' })

/** The setting continuing the subject's sentence ("in a rainy alley"), or standing alone when there is no subject. */
export function settingPhrase(d: ShotDescription, rank: number): Phrase {
  if (d.setting === undefined) return { text: '', rank, label: 'setting' }
  if (subjectText(d) === '') return userPhrase(d.setting, { rank, label: 'setting' })
  return { text: inSetting(d.setting), rank, label: 'setting', attach: true, verbatim: true }
}

const LEADING_PREPOSITION = /^(in|at|on|inside|under|near|by|across|over|through|outside|beside|among|along)\b/i

/** "in a rainy alley" (or the setting as written when it already starts with a preposition). */
export const inSetting = (setting: string): string => (LEADING_PREPOSITION.test(setting) ? setting : `in ${setting}`)
