// Scene headings: recognising "INT. HOUSE - DAY" and its variants, and splitting one into
// setting, location and time of day.
import { hasHangul, isKoreanTime, matchKoreanMarker, splitKoreanHeading } from './korean-layout'
import type { SceneHeading, SceneSetting } from './screenplay.model'

// INT, EXT, EST, INT./EXT., INT/EXT, I/E, I./E. followed by a dot or a space (Fountain spec);
// an optional leading scene number ("12 INT. …", "12A. INT. …") appears in PDF text.
const HEADING = /^(?:(\d+[A-Z]?)\.?\s+)?(INT\.?\/EXT|EXT\.?\/INT|INT|EXT|EST|I\.?\/E)(?:\.\s*|\s*-\s*|\s+)(.*)$/i

// Fountain scene numbers at the end: "#1#", "#A3-1#", "#110A#".
const FOUNTAIN_NUMBER = /\s*#([^#\s]+)#\s*$/

const TIMES = new Set([
  'DAY',
  'NIGHT',
  'MORNING',
  'AFTERNOON',
  'EVENING',
  'DAWN',
  'DUSK',
  'SUNRISE',
  'SUNSET',
  'NOON',
  'MIDNIGHT',
  'LATER',
  'CONTINUOUS',
  'SAME',
  'SAME TIME',
  'MOMENTS LATER',
  'MOMENTS BEFORE',
  'LATE NIGHT',
  'EARLY MORNING',
  'MAGIC HOUR',
  'GOLDEN HOUR',
  'START',
])

/** Whether a line (trimmed) reads as a scene heading by its prefix. */
export function looksLikeSceneHeading(line: string): boolean {
  return HEADING.test(line.trim()) || matchKoreanMarker(line) !== undefined
}

function settingOf(prefix: string): SceneSetting {
  const p = prefix.toUpperCase().replace(/\./g, '')
  if (p === 'INT') return 'INT'
  if (p === 'EXT') return 'EXT'
  if (p === 'EST') return 'EST'
  return 'INT/EXT'
}

/** Time of day is the last " - " part when it names a time ("DAY", "NIGHT (1979)"). */
function splitTime(rest: string): { location: string; timeOfDay: string | null } {
  const parts = rest
    .split(/\s+-{1,2}\s+|\s+–\s+|\s+—\s+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
  const last = parts.at(-1)
  if (parts.length >= 2 && last !== undefined) {
    const bare = last
      .toUpperCase()
      .replace(/\(.*\)/g, '')
      .replace(/[.\s]+$/, '')
      .trim()
    if (TIMES.has(bare)) return { location: parts.slice(0, -1).join(' - '), timeOfDay: bare }
    if (isKoreanTime(last)) return { location: parts.slice(0, -1).join(' - '), timeOfDay: last }
  }
  // Dashless headings ("INT HOUSE DAY"): a time word (or two) at the end.
  const words = rest.trim().split(/\s+/)
  for (const n of [2, 1]) {
    const tail = words.slice(-n).join(' ').toUpperCase()
    if (words.length > n && TIMES.has(tail)) return { location: words.slice(0, -n).join(' '), timeOfDay: tail }
  }
  return { location: parts.join(' - '), timeOfDay: null }
}

/** Splits a heading (already known to be one, or forced) into its parts. */
export function parseSceneHeading(raw: string, lines: number[], forced = false): SceneHeading {
  let text = raw.trim()
  let sceneNumber: string | null = null
  const fountainNumber = FOUNTAIN_NUMBER.exec(text)
  if (fountainNumber?.[1]) {
    sceneNumber = fountainNumber[1]
    text = text.slice(0, fountainNumber.index).trim()
  }
  const korean = forced ? undefined : matchKoreanMarker(text)
  if (korean !== undefined) {
    // "S#1. 등대 내부 / 밤": the marker carries the number, the rest place, setting and time.
    const { setting, location, timeOfDay } = splitKoreanHeading(korean.rest)
    const parts = { location: location.toUpperCase(), timeOfDay, sceneNumber: sceneNumber ?? korean.sceneNumber }
    return { text: korean.rest === '' ? text : korean.rest, setting, ...parts, lines }
  }
  const match = HEADING.exec(text)
  if (forced || !match) {
    if (hasHangul(text)) {
      const { setting, location, timeOfDay } = splitKoreanHeading(text)
      return { text, setting, location: location.toUpperCase(), timeOfDay, sceneNumber, lines }
    }
    const { location, timeOfDay } = splitTime(text)
    return { text, setting: null, location: location.toUpperCase(), timeOfDay, sceneNumber, lines }
  }
  const [, leadingNumber, prefix = '', restRaw = ''] = match
  let rest = restRaw.trim()
  if (leadingNumber !== undefined) {
    sceneNumber ??= leadingNumber
    // PDFs print the number on both sides: "12 INT. HOUSE - DAY 12".
    const trailing = new RegExp(`\\s+${leadingNumber}\\.?$`)
    rest = rest.replace(trailing, '')
    text = text.replace(/^\d+[A-Z]?\.?\s+/i, '').replace(trailing, '')
  }
  // "INT. 등대 / 밤": a Korean place and time after an English prefix.
  const { location, timeOfDay } = hasHangul(rest) ? splitKoreanHeading(rest) : splitTime(rest)
  return { text, setting: settingOf(prefix), location: location.toUpperCase(), timeOfDay, sceneNumber, lines }
}
