// Test helpers for the parsers' shared invariants (imported by tests only).
import type { Screenplay, ScreenplayElement } from '../screenplay.model'

/** Every source unit a screenplay accounts for, with repeats if a unit landed twice. */
export function coveredUnits(screenplay: Screenplay): number[] {
  return [
    ...screenplay.titlePage.flatMap((t) => t.lines),
    ...screenplay.preamble.flatMap((e) => e.lines),
    ...screenplay.scenes.flatMap((s) => [...s.heading.lines, ...s.elements.flatMap((e) => e.lines)]),
    ...screenplay.dropped,
  ]
}

/** Indices of the non-blank lines of a text. */
export function nonBlankLines(text: string): number[] {
  return text.split(/\r\n|\r|\n/).flatMap((line, index) => (line.replace(/\f/g, '').trim() === '' ? [] : [index]))
}

/** All elements in script order, preamble first. */
export function allElements(screenplay: Screenplay): ScreenplayElement[] {
  return [...screenplay.preamble, ...screenplay.scenes.flatMap((s) => s.elements)]
}

/** The screenplay without source positions, for comparing parses of different texts. */
export function withoutPositions(screenplay: Screenplay): unknown {
  const strip = (e: ScreenplayElement) => {
    const { lines: _lines, ...rest } = e
    return rest
  }
  return {
    preamble: screenplay.preamble.map(strip),
    scenes: screenplay.scenes.map((s) => {
      const { lines: _lines, ...heading } = s.heading
      return { heading, characters: s.characters, elements: s.elements.map(strip) }
    }),
  }
}

/**
 * The parsers' shared invariant: each source unit is covered at most once, and every
 * non-blank one is covered (blank lines inside a block, e.g. a boneyard, may be too).
 */
export function lineCoverageProblems(text: string, screenplay: Screenplay): string[] {
  const covered = coveredUnits(screenplay)
  const problems: string[] = []
  const seen = new Set<number>()
  for (const unit of covered) {
    if (seen.has(unit)) problems.push(`line ${unit} is in two parts`)
    seen.add(unit)
  }
  for (const line of nonBlankLines(text)) if (!seen.has(line)) problems.push(`line ${line} is in no part`)
  return problems
}
