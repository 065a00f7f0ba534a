import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseFountain } from './fountain.parser'
import { chunkScreenplay, estimateTokensHeuristic, type ScreenplayChunk } from './screenplay.chunker'
import type { Screenplay } from './screenplay.model'
import { mergeCharacters } from './screenplay-merge'
import { syntheticScreenplay } from './synthetic-screenplay'
import { screenplayModel } from './testing/screenplay.arbitrary'

/** Each scene appears in chunks as parts 1..of, in order, exactly once each. */
function coverageProblems(sp: Screenplay, chunks: readonly ScreenplayChunk[]): string[] {
  const parts = new Map<number, number[]>()
  for (const c of chunks)
    for (const s of c.scenes) parts.set(s.sceneIndex, [...(parts.get(s.sceneIndex) ?? []), s.part])
  return sp.scenes.flatMap((scene) => {
    const seen = parts.get(scene.index) ?? []
    const want = Array.from({ length: seen.length }, (_, i) => i + 1)
    return seen.length > 0 && JSON.stringify(seen) === JSON.stringify(want)
      ? []
      : [`scene ${scene.index}: parts ${seen}`]
  })
}

/** A long scene: one speech per line, to force splitting. */
function bigScene(lines: number, lineLength: number): Screenplay {
  const speech = Array.from({ length: lines }, (_, i) => `${'word '.repeat(lineLength / 5)}${i}`).join('\n')
  return parseFountain(`INT. HALL - DAY\n\nBIG SPEAKER\n${speech}\n\nEXT. YARD - NIGHT\n\nQuiet.\n`)
}

describe('screenplay chunker', () => {
  it('keeps every chunk within the budget, covers every scene and repeats the previous tail as overlap', () => {
    const options = fc.record({
      maxTokens: fc.integer({ min: 120, max: 1500 }),
      overlapFraction: fc.double({ min: 0.05, max: 0.4, noNaN: true }),
    })
    fc.assert(
      fc.property(screenplayModel, options, (model, { maxTokens, overlapFraction }) => {
        const overlapTokens = Math.max(1, Math.floor(maxTokens * overlapFraction))
        const chunks = chunkScreenplay(model, { maxTokens, overlapTokens })
        for (const c of chunks) {
          expect(c.tokens).toBeLessThanOrEqual(maxTokens)
          expect(estimateTokensHeuristic(c.text)).toBe(c.tokens)
        }
        expect(coverageProblems(model, chunks)).toEqual([])
        chunks.slice(1).forEach((c, i) => {
          expect(c.overlap.length).toBeGreaterThan(0)
          expect(chunks[i]?.body.endsWith(c.overlap)).toBe(true)
          expect(c.text.endsWith(c.body)).toBe(true)
        })
      }),
      { numRuns: 150 },
    )
  })

  it('splits a scene longer than the budget into numbered parts, each within the budget', () => {
    const sp = bigScene(200, 60)
    const chunks = chunkScreenplay(sp, { maxTokens: 400, overlapTokens: 40 })
    const hall = chunks.flatMap((c) => c.scenes.filter((s) => s.sceneIndex === 0))
    expect(hall.length).toBeGreaterThan(3)
    expect(hall.every((s) => s.of === hall.length)).toBe(true)
    expect(chunks.every((c) => c.tokens <= 400)).toBe(true)
    expect(chunks[1]?.body.startsWith(`### SCENE 1 (part 2 of ${hall.length})`)).toBe(true)
    expect(coverageProblems(sp, chunks)).toEqual([])
  })

  it('cuts a single line longer than the budget by characters', () => {
    const sp = parseFountain(`INT. HALL - DAY\n\n${'x'.repeat(5000)}\n`)
    const chunks = chunkScreenplay(sp, { maxTokens: 200, overlapTokens: 20 })
    expect(chunks.every((c) => c.tokens <= 200)).toBe(true)
    expect(chunks.map((c) => c.body.replace(/^### SCENE.*\n/gm, '').replace(/\n/g, '')).join('')).toContain(
      'x'.repeat(5000),
    )
  })

  it('refuses a budget too small to hold a scene label and overlap', () => {
    expect(() => chunkScreenplay(bigScene(1, 10), { maxTokens: 40, overlapTokens: 30 })).toThrow(RangeError)
  })

  it('chunks a 120-page feature within an 8k context and merges its cast without duplicates', () => {
    const synthetic = syntheticScreenplay()
    const sp = parseFountain(synthetic.text)
    expect(sp.scenes).toHaveLength(110)
    const pages = synthetic.text.split('\n').length / 55
    expect(pages).toBeGreaterThan(100)
    const chunks = chunkScreenplay(sp, { maxTokens: 8000, overlapTokens: 400 })
    expect(chunks.length).toBeGreaterThan(5)
    expect(chunks.every((c) => c.tokens <= 8000)).toBe(true)
    expect(coverageProblems(sp, chunks)).toEqual([])
    // Each chunk reports the cues it saw, as written; merging must give the cast once each.
    const drafts = chunks.flatMap((c) =>
      c.scenes.flatMap(({ sceneIndex }) =>
        (sp.scenes[sceneIndex]?.elements ?? []).flatMap((e) =>
          e.kind === 'character' ? [{ name: e.text, sceneIndexes: [sceneIndex] }] : [],
        ),
      ),
    )
    expect(new Set(drafts.map((d) => d.name)).size).toBeGreaterThan(synthetic.characters.length)
    const merged = mergeCharacters(drafts)
    expect(merged.map((m) => m.name).sort()).toEqual([...synthetic.characters].sort())
  })
})
