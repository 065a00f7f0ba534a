// Who edits the breakdown in the browser (the server's canEditBreakdown: managers and
// supervisors of a project that is not archived), and which reference images can be shown.
import type { Project } from '@aipipeline/contracts'

/** Whether the caller's project role edits characters, assets and their shots. */
export function editsBreakdown(project: Pick<Project, 'myRole' | 'archived'>): boolean {
  const role = project.myRole
  return !project.archived && (role === 'admin' || role === 'manager' || role === 'supervisor')
}

/** Reference images the browser can show directly (web addresses); other entries are names of files elsewhere. */
export function viewableImages(references: readonly string[]): string[] {
  return references.filter((r) => {
    try {
      const u = new URL(r)
      return u.protocol === 'https:' || u.protocol === 'http:'
    } catch {
      return false
    }
  })
}

/** Words typed as "a, b ,c" → ["a", "b", "c"], empty ones dropped, each once. */
export function wordList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((w) => w.trim())
        .filter((w) => w !== ''),
    ),
  ]
}
