// Chunking work grows with the script, not with its square: a scene far longer than one chunk
// is split by pricing each line once. Measured as characters handed to the estimator, so the
// test holds on any machine; bench/server/event-loop.bench.ts times the 2 MB case.
import { describe, expect, it } from 'vitest'
import { parseFountain } from './fountain.parser'
import { chunkScreenplay, estimateTokensHeuristic } from './screenplay.chunker'

describe('chunking a long scene', () => {
  it('estimates each line about once, however long the scene', () => {
    const text = `INT. RADIO STUDIO - NIGHT\n\n${'MARA\nWe are still on the air, keep talking.\n\n'.repeat(20_000)}`
    const screenplay = parseFountain(text)
    let estimated = 0
    const chunks = chunkScreenplay(screenplay, {
      maxTokens: 3000,
      overlapTokens: 300,
      estimateTokens: (t) => {
        estimated += t.length
        return estimateTokensHeuristic(t)
      },
    })
    expect(chunks.length).toBeGreaterThan(50)
    for (const chunk of chunks) expect(estimateTokensHeuristic(chunk.text)).toBeLessThanOrEqual(3000)
    // Pricing the scene, its lines, the packed pieces and each chunk's text: a few passes.
    expect(estimated).toBeLessThan(10 * text.length)
  })
})
