// `@person` and `@department` mentions in comment text. Names may contain spaces
// ("@Demo Artist"), so candidates are matched longest first against the known team and
// departments instead of guessing where a name ends.

export interface MentionCandidate {
  id: string
  /** Every name the person answers to: display name, email local part. */
  names: readonly string[]
}

export interface Mentions {
  userIds: string[]
  departments: string[]
}

const BOUNDARY = /[\s.,;:!?)\]}'"]/u

function endsAtBoundary(text: string, end: number): boolean {
  const next = text[end]
  return next === undefined || BOUNDARY.test(next)
}

/** Finds the people and departments a comment mentions (case-insensitive, no duplicates). */
export function findMentions(
  text: string,
  people: readonly MentionCandidate[],
  departments: readonly string[],
): Mentions {
  type Target = { name: string; kind: 'user' | 'department'; value: string }
  const targets: Target[] = [
    ...people.flatMap((p) =>
      p.names.filter((n) => n.trim() !== '').map((n) => ({ name: n, kind: 'user' as const, value: p.id })),
    ),
    ...departments.map((d) => ({ name: d, kind: 'department' as const, value: d })),
  ].sort((x, y) => y.name.length - x.name.length)
  const lower = text.toLowerCase()
  const userIds = new Set<string>()
  const found = new Set<string>()
  for (let at = lower.indexOf('@'); at !== -1; at = lower.indexOf('@', at + 1)) {
    // An @ inside a word is an email address, not a mention.
    const before = text[at - 1]
    if (before !== undefined && !BOUNDARY.test(before) && before !== '(') continue
    const match = targets.find(
      (t) => lower.startsWith(t.name.toLowerCase(), at + 1) && endsAtBoundary(text, at + 1 + t.name.length),
    )
    if (!match) continue
    if (match.kind === 'user') userIds.add(match.value)
    else found.add(match.value)
  }
  return { userIds: [...userIds], departments: [...found] }
}
