// What differs between two versions' provenance: the prompts word by word (jsdiff's word diff
// with spaces as tokens of their own, so the pieces read back exactly as the two prompts) and
// the parameters as added, removed or changed values.
import { diffWordsWithSpace } from 'diff'

export interface WordPiece {
  text: string
  /** `same` in both prompts, `removed` only in A, `added` only in B. */
  change: 'same' | 'added' | 'removed'
}

/** The prompt of A turned into the prompt of B, as pieces. */
export function promptDiff(a: string, b: string): WordPiece[] {
  return diffWordsWithSpace(a, b).map((part) => ({
    text: part.value,
    change: part.added ? 'added' : part.removed ? 'removed' : 'same',
  }))
}

/** A's text back from the pieces (all but the added), or B's (all but the removed). */
export function sideOf(pieces: readonly WordPiece[], side: 'a' | 'b'): string {
  const skip = side === 'a' ? 'added' : 'removed'
  return pieces
    .filter((p) => p.change !== skip)
    .map((p) => p.text)
    .join('')
}

export type ParameterChange =
  | { name: string; change: 'added'; after: unknown }
  | { name: string; change: 'removed'; before: unknown }
  | { name: string; change: 'changed'; before: unknown; after: unknown }

/** Structural equality for JSON-like values (objects compared by key, whatever their order). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keysA = Object.keys(a)
  const keysB = Object.keys(b)
  if (keysA.length !== keysB.length) return false
  return keysA.every(
    (k) => Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  )
}

/** Parameters of B against A, by name; equal ones are left out. */
export function parameterDiff(a: Record<string, unknown>, b: Record<string, unknown>): ParameterChange[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
  const changes: ParameterChange[] = []
  for (const name of names) {
    const inA = Object.hasOwn(a, name)
    const inB = Object.hasOwn(b, name)
    if (inA && !inB) changes.push({ name, change: 'removed', before: a[name] })
    else if (!inA && inB) changes.push({ name, change: 'added', after: b[name] })
    else if (!sameValue(a[name], b[name])) changes.push({ name, change: 'changed', before: a[name], after: b[name] })
  }
  return changes
}

/** A parameter value as the panel prints it. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === undefined) return '—'
  return JSON.stringify(value)
}

/** The facts a version carries that the panel compares. */
export interface ComparedProvenance {
  prompt: string | null
  negativePrompt: string | null
  seed: number | null
  model: string | null
  parameters: Record<string, unknown>
}

/**
 * All differences of B against A: both prompts, and the parameters with the seed and model among
 * them (they are parameters to the user, even though versions store them apart).
 */
export function versionDiff(a: ComparedProvenance, b: ComparedProvenance) {
  const facts = (p: ComparedProvenance) => ({
    ...p.parameters,
    ...(p.seed !== null ? { seed: p.seed } : {}),
    ...(p.model !== null ? { model: p.model } : {}),
  })
  return {
    prompt: promptDiff(a.prompt ?? '', b.prompt ?? ''),
    negative: promptDiff(a.negativePrompt ?? '', b.negativePrompt ?? ''),
    parameters: parameterDiff(facts(a), facts(b)),
  }
}

/** The two versions picked for comparing: ticking one more replaces the older pick, ticking a picked one drops it. */
export function togglePick(picks: readonly string[], id: string): string[] {
  if (picks.includes(id)) return picks.filter((p) => p !== id)
  return [...picks, id].slice(-2)
}
