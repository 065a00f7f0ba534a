// Mention autocomplete in the comment box: the `@word` being typed at the caret, the people
// and departments it may mean, and the text after picking one. Names may contain spaces
// ("@Demo Artist"); the server matches them against the team the same way.

export interface MentionOption {
  kind: 'person' | 'department'
  /** What is inserted after "@". */
  name: string
  /** A second line: email for people. */
  detail: string
}

/** The mention being typed at `caret`: where its "@" is and the text typed after it. */
export function activeMention(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret)
  const at = before.lastIndexOf('@')
  if (at < 0) return null
  const prev = before[at - 1]
  // An "@" inside a word is an email address, not a mention.
  if (prev !== undefined && !/[\s(]/.test(prev)) return null
  const query = before.slice(at + 1)
  if (query.includes('\n') || query.length > 40 || /\s\s/.test(query)) return null
  return { start: at, query }
}

/** Options whose name starts with (or, second, contains) the query; at most `limit`. */
export function mentionOptions(query: string, options: readonly MentionOption[], limit = 8): MentionOption[] {
  const q = query.toLowerCase()
  const starts = options.filter((o) => o.name.toLowerCase().startsWith(q))
  const contains = options.filter((o) => !o.name.toLowerCase().startsWith(q) && o.name.toLowerCase().includes(q))
  return [...starts, ...contains].slice(0, limit)
}

/** The text with the mention at `start..caret` replaced by `@name `, and the new caret. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const inserted = `@${name} `
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length }
}
