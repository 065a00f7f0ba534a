// ffmpeg's -progress output read in any chunking: percent never goes back, stays below 100
// until ffmpeg says it ended, and is 100 then.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createProgressReader, percentOf } from './ffmpeg-progress'

function block(outTimeUs: number, end = false): string {
  return `frame=1\nfps=0.0\nout_time_us=${outTimeUs}\nout_time_ms=${outTimeUs}\nout_time=00:00:00.000000\nprogress=${end ? 'end' : 'continue'}\n`
}

/** Splits text at the given cut points (chunks may break lines anywhere). */
function chunks(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)
  const out: string[] = []
  let from = 0
  for (const c of at) {
    out.push(text.slice(from, c))
    from = c
  }
  out.push(text.slice(from))
  return out
}

describe('ffmpeg progress', () => {
  it('is the share of the duration written, capped at 99 before the end', () => {
    expect(percentOf(5_000_000, 10)).toBe(50)
    expect(percentOf(12_000_000, 10)).toBe(99)
    expect(percentOf(1_000_000, 0)).toBe(0)
  })

  it('reports growing percents in any chunking, and 100 at the end', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20_000_000 }), { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        (times, cuts) => {
          const text = times.map((t) => block(t)).join('') + block(20_000_000, true)
          const seen: number[] = []
          const reader = createProgressReader(10, (p) => seen.push(p))
          for (const c of chunks(text, cuts)) reader.push(c)
          expect(seen.at(-1)).toBe(100)
          for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1] ?? -1)
          expect(seen.slice(0, -1).every((p) => p <= 99)).toBe(true)
        },
      ),
    )
  })
})
