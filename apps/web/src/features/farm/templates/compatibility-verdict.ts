// Whether a backend can run a template, as the page shows it. A backend whose node definitions
// were never read is "not checked yet", neither able nor unable.

export interface BackendFit {
  ok: boolean
  capabilitiesKnown: boolean
}

export type Verdict = 'ok' | 'missing' | 'unknown'

/** The verdict for one backend. */
export function verdictOf(b: BackendFit): Verdict {
  if (!b.capabilitiesKnown) return 'unknown'
  return b.ok ? 'ok' : 'missing'
}

/** How many backends certainly run the template, out of how many there are. */
export function runsOn(backends: readonly BackendFit[]): { ok: number; total: number } {
  return { ok: backends.filter((b) => verdictOf(b) === 'ok').length, total: backends.length }
}
