// Status names come from the project's data; the default set (Pending … Final) is shown in
// the interface language, in the glossary's terms, while renamed or added statuses keep
// the name the studio gave them.
import { DEFAULT_STATUSES } from '@aipipeline/domain'

type BoardRole = (typeof DEFAULT_STATUSES)[number]['boardRole']

/** The default status role a status still stands for unchanged, if any. */
export function defaultStatusRole(status: { name: string; boardRole: BoardRole }): BoardRole | null {
  const d = DEFAULT_STATUSES.find((s) => s.boardRole === status.boardRole)
  return d && d.name === status.name ? d.boardRole : null
}
