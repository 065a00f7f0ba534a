// Approximate token counters. The real tokenizers (CLIP BPE, T5 SentencePiece) need vocabularies
// of several MB, too heavy for the browser, so we count conservatively from character classes:
// over-counting only makes a prompt slightly shorter than it could be, never too long.
//
// CLIP (SD 1.5, SDXL, FLUX's pooled branch): byte-level BPE with a 49k vocabulary. Common English
//   words are one token; we charge one token per word up to 6 letters plus one per 4 more,
//   one per digit, one per punctuation mark, and three per non-ASCII character (UTF-8 bytes).
// T5 / umT5 (FLUX, Wan, CogVideoX; also used for HunyuanVideo's LLM encoder): SentencePiece with a
//   32k vocabulary splits words more often; we charge one token per word up to 5 letters plus one
//   per 5 more, one per digit and punctuation mark, two per non-ASCII character, plus the EOS token.

enum Kind {
  Space = 0,
  Letter = 1,
  Digit = 2,
  Other = 3,
  Wide = 4,
}

function kindOf(code: number): Kind {
  if (code === 32 || (code >= 9 && code <= 13)) return Kind.Space
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return Kind.Letter
  if (code >= 48 && code <= 57) return Kind.Digit
  return code < 128 ? Kind.Other : Kind.Wide
}

interface Costs {
  freeLetters: number
  lettersPerExtra: number
  wide: number
  fixed: number
}

function countWith(text: string, costs: Costs): number {
  let tokens = costs.fixed
  let letters = 0
  const flush = () => {
    if (letters > 0) tokens += 1 + Math.ceil(Math.max(0, letters - costs.freeLetters) / costs.lettersPerExtra)
    letters = 0
  }
  for (let i = 0; i < text.length; i++) {
    const kind = kindOf(text.charCodeAt(i))
    if (kind === Kind.Letter) {
      letters++
      continue
    }
    flush()
    if (kind === Kind.Digit || kind === Kind.Other) tokens++
    else if (kind === Kind.Wide) tokens += costs.wide
  }
  flush()
  return tokens
}

const CLIP: Costs = { freeLetters: 6, lettersPerExtra: 4, wide: 3, fixed: 0 }
const T5: Costs = { freeLetters: 5, lettersPerExtra: 5, wide: 2, fixed: 1 }

/** Approximate CLIP tokens, excluding BOS/EOS (a CLIP chunk holds 75). */
export const countClipTokens = (text: string): number => countWith(text, CLIP)

/** Approximate T5/umT5 tokens including the end-of-sequence token. */
export const countT5Tokens = (text: string): number => countWith(text, T5)

/** Whitespace-separated words. */
export function countWords(text: string): number {
  let words = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const space = kindOf(text.charCodeAt(i)) === Kind.Space
    if (!space && !inWord) words++
    inWord = !space
  }
  return words
}
