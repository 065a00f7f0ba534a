// Display names of catalog records, as rule messages and prompts write them. A record keeps its
// maker and its product name apart ("Eastman Kodak" + "Kodak Vision3 500T 5219 / 7219"); product
// names often already start with the maker or a short form of it, so joining the two blindly
// doubles the maker ("Eastman Kodak Kodak Vision3 …").
import type { CameraBody, FilmStock, LensFamily } from './catalog.schema'

interface MakerForms {
  /** How the maker is written in front of a product name that does not start with it. */
  display: string
  /** Forms a product name may already start with (the display form is always one). */
  aliases: readonly string[]
}

/**
 * Makers whose company name differs from the name crews use. Parenthesised qualifiers
 * ("Zeiss (for ARRI)", "Bolex (Paillard)") are provenance, not part of the name, and are dropped;
 * a maker written "A / B" (a joint product line, "ARRI / Zeiss") is two makers, each looked up here.
 */
const MAKER_FORMS: ReadonlyMap<string, MakerForms> = new Map([
  ['Eastman Kodak', { display: 'Kodak', aliases: ['Eastman Kodak', 'Kodak', 'Eastman'] }],
  ['Arnold & Richter', { display: 'ARRI', aliases: ['Arnold & Richter', 'ARRI'] }],
  ['RED Digital Cinema', { display: 'RED', aliases: ['RED Digital Cinema', 'RED'] }],
  ['Agfa-Gevaert', { display: 'Agfa-Gevaert', aliases: ['Agfa-Gevaert', 'Agfa', 'Gevaert'] }],
  ['Fujifilm', { display: 'Fujifilm', aliases: ['Fujifilm', 'Fuji'] }],
  ['MSM Design', { display: 'MSM Design', aliases: ['MSM Design', 'MSM'] }],
])

const withoutQualifier = (maker: string): string => maker.replace(/\s*\([^)]*\)/g, '').trim()

/** The makers behind a maker field, each with the forms a product name may start with. */
function makersOf(maker: string): MakerForms[] {
  return withoutQualifier(maker)
    .split(' / ')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => MAKER_FORMS.get(part) ?? { display: part, aliases: [part] })
}

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /\p{L}/u.test(ch)

/**
 * Whether `name` starts with `form`: as a whole word ("Kodak Vision3"), or as the stem of a
 * coined brand word when the form is long enough to be unambiguous ("ARRI" in "ARRIFLEX",
 * "Fuji" in "Fujicolor", "Agfa" in "Agfacolor"; not "RED" in a hypothetical "REDucer").
 */
function startsWithForm(name: string, form: string): boolean {
  if (form === '' || name.length < form.length) return false
  if (name.slice(0, form.length).toLowerCase() !== form.toLowerCase()) return false
  return !isLetter(name[form.length]) || form.length >= 4
}

/** A word as compared for repetition: case and surrounding punctuation do not count. */
export const comparableWord = (word: string): string =>
  word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')

/** Drops the words at the end of `prefix` that `name` starts with ("Blackmagic Design" + "Design X"). */
function withoutSeamOverlap(prefix: string, name: string): string {
  const before = prefix.split(/\s+/).filter((w) => w !== '')
  const after = name.split(/\s+/).filter((w) => w !== '')
  for (let k = Math.min(before.length, after.length); k > 0; k--) {
    const tail = before.slice(before.length - k).map(comparableWord)
    const head = after.slice(0, k).map(comparableWord)
    if (tail.every((w, i) => w !== '' && w === head[i])) return before.slice(0, before.length - k).join(' ')
  }
  return before.join(' ')
}

/** "Maker Name", without repeating a maker (or its short form) that the name already starts with. */
export function makerDisplayName(maker: string, name: string): string {
  const trimmed = name.trim()
  const makers = makersOf(maker)
  const named = makers.findIndex((m) => m.aliases.some((a) => startsWithForm(trimmed, a)))
  // "IMAX / MSM Design" + "MSM 9802" → "IMAX MSM 9802": keep the makers the name does not carry.
  const kept = makers.filter((_, i) => i !== named).map((m) => m.display)
  const prefix = withoutSeamOverlap(kept.join(named < 0 ? ' / ' : ' '), trimmed)
  return prefix === '' ? trimmed : `${prefix} ${trimmed}`
}

// Rules name records on every validate(); a record's display name is computed once.
const cache = new WeakMap<object, string>()
function cached(record: object, compute: () => string): string {
  let name = cache.get(record)
  if (name === undefined) {
    name = compute()
    cache.set(record, name)
  }
  return name
}

/** "ARRI ALEXA Mini", "Canon 1014 XL-S" (not "Canon Canon 1014 XL-S"). */
export const cameraDisplayName = (b: Pick<CameraBody, 'maker' | 'model'>): string =>
  cached(b, () => makerDisplayName(b.maker, b.model))
/** "ARRI / Zeiss Master Prime", "Zeiss Super Speed (Mk I–III)". */
export const lensDisplayName = (l: Pick<LensFamily, 'maker' | 'name'>): string =>
  cached(l, () => makerDisplayName(l.maker, l.name))
/** "Kodak Vision3 500T 5219 / 7219" (not "Eastman Kodak Kodak Vision3 …"). */
export const stockDisplayName = (s: Pick<FilmStock, 'maker' | 'name'>): string =>
  cached(s, () => makerDisplayName(s.maker, s.name))
