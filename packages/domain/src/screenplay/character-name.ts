// Character cues and the names behind them. "JOHN (V.O.)", "John (cont'd)", "@McDUCK" and
// "JOHN ^" are all the character JOHN; merging keys on the bare, upper-cased name.

export interface CharacterCue {
  /** Display name, upper case, extensions and markers removed ("JOHN"). */
  name: string
  /** Parenthesised extensions as written, upper-cased ("V.O.", "CONT'D"). */
  extensions: string[]
  /** Marked `^`: the right-hand speaker of dual dialogue. */
  dual: boolean
}

/** Parses a cue line (trimmed) into name, extensions and dual marker. */
export function parseCharacterCue(cue: string): CharacterCue {
  let text = cue.trim()
  let dual = false
  if (text.endsWith('^')) {
    dual = true
    text = text.slice(0, -1).trim()
  }
  if (text.startsWith('@')) text = text.slice(1)
  const extensions: string[] = []
  // Extensions are parenthesised groups, usually at the end: "JOHN (V.O.) (CONT'D)".
  const bare = text.replace(/\(([^)]*)\)/g, (_, inner: string) => {
    const ext = inner.trim().toUpperCase()
    if (ext.length > 0) extensions.push(ext)
    return ' '
  })
  // A stray "(CONT'D" without its closing bracket (truncated PDF lines) is still an extension.
  const open = bare.indexOf('(')
  const namePart = open >= 0 ? bare.slice(0, open) : bare
  if (open >= 0)
    extensions.push(
      bare
        .slice(open + 1)
        .trim()
        .toUpperCase(),
    )
  return { name: namePart.replace(/\s+/g, ' ').trim().toUpperCase(), extensions, dual }
}

/** The key two names merge on: upper case, no extensions, punctuation and spacing unified. */
export function characterKey(name: string): string {
  return parseCharacterCue(name)
    .name.normalize('NFKC')
    .replace(/[.'’`,]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** The key two locations merge on: upper case, punctuation and spacing unified, dashes kept as separators. */
export function locationKey(location: string): string {
  return location
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[.'’`,]/g, '')
    .replace(/\s*[-–—/]+\s*/g, ' - ')
    .replace(/[^\p{L}\p{N}\- ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Whether a trimmed line can be a character cue: the part before any parenthesis is upper
 * case and contains a letter ("23 (O.S.)" is not a cue), and it is not too long to be a name.
 */
export function isCharacterCueLine(line: string): boolean {
  const text = line.trim()
  if (text.startsWith('@')) return text.length > 1
  const cut = text.indexOf('(')
  const namePart = (cut >= 0 ? text.slice(0, cut) : text).replace(/\^$/, '').trim()
  if (namePart.length === 0 || namePart.length > 40) return false
  if (!/\p{L}/u.test(namePart)) return false
  if (namePart !== namePart.toUpperCase()) return false
  // A cue names someone: no sentence punctuation at its end.
  return !/[:!?]$/.test(namePart)
}
