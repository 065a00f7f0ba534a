import { readFileSync } from 'node:fs'
import { parseScreenplay } from '@aipipeline/domain'

// Parse time of a large script in the Korean layouts next to an English one of the same size:
// the Korean corpus (packages/domain/src/screenplay/fixtures/korean) repeated, once with blank
// lines and once as an export without any (one paragraph), and an English plain-text script.
// Run: npx tsx bench/production/screenplay-parse.bench.ts   (prints one JSON object)
// BENCH_CHARS (default 1,900,000) sets the size, BENCH_REPEATS (default 3) the runs per case.

const CHARS = Number(process.env.BENCH_CHARS ?? 1_900_000)
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3)
const CORPUS = new URL('../../packages/domain/src/screenplay/fixtures/korean/', import.meta.url)

const korean = ['01-s-marker-two-line.txt', '02-hash-one-line.txt', '03-scene-word-settings.txt']
  .map((name) => readFileSync(new URL(name, CORPUS), 'utf8'))
  .join('\n\n')
const english = [
  'INT. LIGHTHOUSE - NIGHT',
  '',
  'Waves hammer the rocks. MARA (40s) climbs the stair.',
  '',
  'MARA',
  '(shouting)',
  'Is anyone up there?',
  '',
  'EXT. HARBOUR - DAWN',
  '',
  'Boats rock at their moorings.',
  '',
  '',
].join('\n')

function sized(base: string): string {
  return base.repeat(Math.ceil(CHARS / base.length))
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0)
}

const cases = {
  korean: sized(korean),
  koreanWithoutBlankLines: sized(korean.replace(/\n\n+/g, '\n')),
  englishPlainText: sized(english),
}
const results = Object.fromEntries(
  Object.entries(cases).map(([name, text]) => {
    const ms: number[] = []
    let scenes = 0
    for (let i = 0; i < REPEATS; i++) {
      const start = performance.now()
      scenes = parseScreenplay(text, name === 'englishPlainText' ? 'plain-text' : undefined).scenes.length
      ms.push(performance.now() - start)
    }
    return [name, { chars: text.length, scenes, medianMs: median(ms) }]
  }),
)
console.log(JSON.stringify({ bench: 'screenplay-parse', repeats: REPEATS, results }))
