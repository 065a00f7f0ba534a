// The Review section opens on the project picked last in this browser.
const KEY = 'aipipeline.review.project'

export function rememberedProject(): string | null {
  try {
    return localStorage.getItem(KEY)
  } catch {
    return null
  }
}

export function rememberProject(projectId: string): void {
  try {
    localStorage.setItem(KEY, projectId)
  } catch {
    // Private mode or quota: the picker still works for this visit.
  }
}

/** The project to show: the asked one, else the remembered one, else the first; each only if the caller belongs to it. */
export function pickProject(
  projects: readonly { id: string }[],
  asked: string | undefined,
  remembered: string | null,
): string | null {
  const known = (id: string | null | undefined) => (id ? projects.some((p) => p.id === id) : false)
  if (known(asked)) return asked ?? null
  if (known(remembered)) return remembered
  return projects[0]?.id ?? null
}
