// Phrases carry an importance rank; when a prompt is over budget the least important phrases go
// first (later ones among equals), and every dropped or shortened phrase is named in a warning.
import { contentPairs, distinctItems } from './repetition'

export interface Phrase {
  text: string
  /** 0 = essential (never dropped, only shortened); higher numbers are dropped first. */
  rank: number
  /** What the phrase describes, for warnings ("lighting", "detail 3"). */
  label: string
  /** Continues the previous phrase's sentence (an action after its subject) instead of starting one. */
  attach?: boolean
  /** Written exactly as given, never capitalised (trigger words, LoRA names: case is meaning). */
  keepCase?: boolean
  /** The user's own words: never edited, and engine phrases that repeat them give way. */
  verbatim?: boolean
}

export interface Budget {
  count: (text: string) => number
  max: number
  unit: string
}

const overBudget = (text: string, budgets: readonly Budget[]): Budget | undefined =>
  budgets.find((b) => b.count(text) > b.max)

/** Words that cannot end a clause: a cut there leaves the clause hanging ("lit by a lamp and"). */
const CONNECTOR = /^(and|or|but|with|without|of|in|into|at|on|from|by|for|to|the|a|an|as|under|over)$/i

/** A cut-off word list tidied so it ends on a whole clause: no hanging connector, comma or open bracket. */
function tidyCut(words: readonly string[]): string[] {
  const out = [...words]
  for (;;) {
    const last = out[out.length - 1]
    if (last === undefined) return out
    const open = out.join(' ').lastIndexOf('(')
    const text = out.join(' ')
    if (open >= 0 && text.indexOf(')', open) < 0) {
      // An unmatched "(" opens a remark the cut ended: drop the remark.
      const kept = text.slice(0, open).trimEnd()
      out.splice(0, out.length, ...kept.split(/\s+/).filter((w) => w.length > 0))
    } else if (CONNECTOR.test(last.replace(/[,;:]+$/, ''))) out.pop()
    else if (/[,;:(–—-]$/.test(last)) out[out.length - 1] = last.replace(/[,;:(–—-]+$/, '')
    else return out.filter((w) => w.length > 0)
    if (out[out.length - 1] === '') out.pop()
  }
}

/**
 * Keeps the first words of `text` such that `fits` holds (binary search on word count), cut back
 * to the end of a clause so the shortened phrase never ends on "and", a comma or an open bracket.
 */
export function shortenToFit(text: string, fits: (candidate: string) => boolean): string {
  const words = text.split(/\s+/).filter((w) => w.length > 0)
  let lo = 0
  let hi = words.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (fits(words.slice(0, mid).join(' '))) lo = mid
    else hi = mid - 1
  }
  return lo === words.length ? words.join(' ') : tidyCut(words.slice(0, lo)).join(' ')
}

function leastImportant(phrases: readonly Phrase[]): number {
  let worst = -1
  for (let i = 0; i < phrases.length; i++) {
    const p = phrases[i]
    const w = worst < 0 ? undefined : phrases[worst]
    if (p !== undefined && p.rank > 0 && (w === undefined || p.rank >= w.rank)) worst = i
  }
  return worst
}

/** Weighted text ("(x:1.2)") is read without its weight syntax. */
const unweighted = (text: string) => text.replace(/\\([()])/g, '$1').replace(/\(([^()]*):\d+(?:\.\d+)?\)/g, '$1')

/**
 * Phrases with every repeat left out: the user's words are said first, then the engine's phrases
 * from the most important down, each comma-separated item kept only if it says something new.
 * Weighted phrases are kept whole, since cutting inside the brackets would break the weight.
 */
export function withoutRepeats(phrases: readonly Phrase[]): Phrase[] {
  const said = new Set<string>()
  const order = phrases
    .map((p, i) => ({ p, i }))
    .sort((a, b) => Number(b.p.verbatim === true) - Number(a.p.verbatim === true) || a.p.rank - b.p.rank || a.i - b.i)
  const out = [...phrases]
  for (const { p, i } of order) {
    if (p.verbatim === true || /[()]/.test(p.text)) {
      for (const clause of unweighted(p.text).split(/[,.;!?]+\s/))
        for (const pair of contentPairs(clause)) said.add(pair)
      continue
    }
    out[i] = { ...p, text: distinctItems(p.text.split(', '), said).join(', ') }
  }
  return out
}

/** Joins phrases, dropping and finally shortening until every budget holds. */
export function fitPhrases(
  phrases: readonly Phrase[],
  join: (kept: readonly Phrase[]) => string,
  budgets: readonly Budget[],
  warnings: string[],
): string {
  let kept = withoutRepeats(phrases).filter((p) => p.text.length > 0)
  let text = join(kept)
  let over = overBudget(text, budgets)
  while (over !== undefined) {
    const drop = leastImportant(kept)
    if (drop < 0) break
    const dropped = kept[drop]
    kept = kept.filter((_, i) => i !== drop)
    if (dropped !== undefined)
      warnings.push(`dropped ${dropped.label} ("${clip(dropped.text)}") to fit ${over.max} ${over.unit}`)
    text = join(kept)
    over = overBudget(text, budgets)
  }
  if (over === undefined) return text
  return shortenEssentials(kept, join, budgets, warnings)
}

/** Only essential phrases remain and they are still too long: shorten the longest ones. */
function shortenEssentials(
  phrases: readonly Phrase[],
  join: (kept: readonly Phrase[]) => string,
  budgets: readonly Budget[],
  warnings: string[],
): string {
  const kept = [...phrases]
  const order = kept.map((p, i) => [p.text.length, i] as const).sort((a, b) => b[0] - a[0])
  for (const [, index] of order) {
    const original = kept[index]
    if (original === undefined) continue
    const fits = (candidate: string) =>
      overBudget(join(kept.map((p, i) => (i === index ? { ...p, text: candidate } : p))), budgets) === undefined
    const text = shortenToFit(original.text, fits)
    kept[index] = { ...original, text }
    warnings.push(`shortened ${original.label} to fit the prompt budget`)
    if (fits(text)) return join(kept.filter((p) => p.text.length > 0))
  }
  return join(kept.filter((p) => p.text.length > 0))
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}...` : s)

/**
 * The user's detail phrases, least important last (rank 6 and up, so they go first). Details are
 * where character trigger words and LoRA names arrive, so their case is never changed.
 */
export function detailPhrases(details: readonly string[], map: (t: string) => string = (t) => t): Phrase[] {
  return details.map((t, i) => ({
    text: map(t),
    rank: 6 + i / 100,
    label: `detail ${i + 1}`,
    keepCase: true,
    verbatim: true,
  }))
}
