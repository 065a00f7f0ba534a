// The revision history as a user reads it: "revision 3, made by Kim on 4 May". The server keeps
// each replaced revision with who replaced it and when, so who made revision k (and when) is
// stored on revision k − 1; revision 1 was made when the template was created.

/** A replaced revision as the server lists it. */
export interface ReplacedRevision {
  revision: number
  name: string
  /** Who made the edit that replaced this revision; null for the studio's library updates. */
  editedBy: string | null
  /** When it was replaced. */
  createdAt: string
}

export interface RevisionEntry {
  revision: number
  /** The template's name at that revision. */
  name: string
  /** Who made it: a user id, 'studio' for shipped templates and library updates, null when unknown. */
  madeBy: string | 'studio' | null
  /** When it was made (ISO-8601). */
  madeAt: string
  current: boolean
}

interface CurrentState {
  name: string
  revision: number
  builtIn: boolean
  createdAt: string
  updatedAt: string
}

/** Every revision of a template, newest first, each with who made it and when. */
export function revisionTimeline(template: CurrentState, replaced: readonly ReplacedRevision[]): RevisionEntry[] {
  const byRevision = new Map(replaced.map((r) => [r.revision, r]))
  const revisions = [template.revision, ...replaced.map((r) => r.revision)]
  const unique = [...new Set(revisions)].sort((a, b) => b - a)
  return unique.map((revision) => {
    const current = revision === template.revision
    const before = byRevision.get(revision - 1)
    const name = current ? template.name : (byRevision.get(revision)?.name ?? template.name)
    if (before) return { revision, name, madeBy: before.editedBy ?? 'studio', madeAt: before.createdAt, current }
    // The first revision (or one whose predecessor is no longer kept).
    const madeAt = current ? (revision === 1 ? template.createdAt : template.updatedAt) : template.createdAt
    return { revision, name, madeBy: revision === 1 && template.builtIn ? 'studio' : null, madeAt, current }
  })
}
