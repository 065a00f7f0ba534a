// Prompts draw the same idea from several places (a light that both lights the scene and stands in
// frame, a preset palette that names the colour tone, weather that matches a light), and a prompt
// that says a phrase twice wastes tokens and over-weights it. A phrase here is a pair of
// neighbouring content words: "candle flame", "black white" (from "black and white").

/** Words that join two content words into one phrase: "black and white", "shafts of light". */
const JOINERS = new Set(['and', 'of', 'the', 'a', 'an'])
/** Words that carry no content and end a phrase: prepositions and the like ("sunlight | from open shade"). */
const BREAKERS = new Set(
  'in on at by with from to for or into onto over under as is are its it this that while near set scene'.split(' '),
)

/**
 * Word characters: ASCII letters and digits, and every letter block from Latin-1 up (accents,
 * Hangul, CJK) except the general-punctuation block and × ÷. A plain character class, because
 * Unicode property escapes made this pass the slowest step of prompt writing.
 */
const WORD =
  /[a-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff\u2070-\uffff][a-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff\u2070-\uffff'’-]*/g

// Catalog phrases recur in every prompt; their pairs are computed once (bounded, cleared when full).
const cache = new Map<string, readonly string[]>()
const CACHE_LIMIT = 4096

/** The content-word pairs of a clause, lower case; a single content word counts as a phrase of its own. */
export function contentPairs(text: string): readonly string[] {
  const known = cache.get(text)
  if (known !== undefined) return known
  const pairs: string[] = []
  let previous: string | undefined
  let words = 0
  for (const word of text.toLowerCase().match(WORD) ?? []) {
    if (JOINERS.has(word)) continue
    if (BREAKERS.has(word)) {
      previous = undefined
      continue
    }
    if (previous !== undefined) pairs.push(`${previous} ${word}`)
    previous = word
    words++
  }
  // A lone content word ("fog") is a phrase too, so it is not said twice either.
  if (words === 1 && previous !== undefined) pairs.push(previous)
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(text, pairs)
  return pairs
}

/** Notes the phrases of `text` as said, unless one of them was said already (then true). */
export function sayOnce(text: string, said: Set<string>): boolean {
  const pairs = contentPairs(text)
  if (pairs.some((p) => said.has(p))) return true
  for (const p of pairs) said.add(p)
  return false
}

/** The items that say something new, in order: exact and phrase-level repeats are left out. */
export function distinctItems(items: readonly string[], said: Set<string> = new Set()): string[] {
  return items.filter((item) => !sayOnce(item, said))
}
