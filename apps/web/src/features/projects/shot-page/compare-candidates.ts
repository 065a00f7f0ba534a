// Which version a "compare with" shortcut opens next to the selected one: its parent (the
// image it was refined from, else its first input), or the task's previous approved version
// (the newest approval comment naming another version of the task that still exists).
import { decisionStatus } from '@aipipeline/domain'

interface Input {
  versionId: string
  role: string
}
interface StatusFlags {
  id: string
  isDone: boolean
  isRetake: boolean
  boardRole: 'pending' | 'wip' | 'review' | 'approved' | 'retake' | 'final'
}
interface DecisionComment {
  statusId: string | null
  versionIds: readonly string[]
  createdAt: string
}

/** The parent to compare with: the source image if there is one, else the first input; null without inputs. */
export function parentToCompare(inputs: readonly Input[], existing: ReadonlySet<string>): string | null {
  const present = inputs.filter((i) => existing.has(i.versionId))
  return (present.find((i) => i.role === 'image') ?? present[0])?.versionId ?? null
}

/**
 * The task's previous approved version other than `selectedId`: the newest comment that moved
 * the task to a done status and named a version that still exists. Null when there is none.
 */
export function previousApproved(
  comments: readonly DecisionComment[],
  statuses: readonly StatusFlags[],
  selectedId: string,
  existing: ReadonlySet<string>,
): string | null {
  const done = new Set(statuses.filter((s) => s.isDone).map((s) => s.id))
  const newestFirst = [...comments].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
  for (const c of newestFirst) {
    if (c.statusId === null || !done.has(c.statusId)) continue
    const other = c.versionIds.find((id) => id !== selectedId && existing.has(id))
    if (other) return other
  }
  return null
}

/** Statuses with their board order, as the domain's decision rule reads them. */
export function decisionStatusOf<S extends StatusFlags>(statuses: readonly S[], kind: 'approve' | 'retake') {
  return decisionStatus(
    statuses.map((s, position) => ({
      ...s,
      position,
      isDefault: false,
      isWip: false,
      isFeedbackRequest: false,
      artistAllowed: false,
      clientAllowed: false,
    })),
    kind,
  )
}

/** At most two picked versions: picking a third drops the oldest pick. */
export function togglePick(picked: readonly string[], id: string): string[] {
  if (picked.includes(id)) return picked.filter((p) => p !== id)
  return [...picked, id].slice(-2)
}
