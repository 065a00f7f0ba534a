import { chunkScreenplay, estimatePages, parseFountain, syntheticScreenplay } from '@aipipeline/domain'
import { estimateTextTokens } from '@aipipeline/llm'

// What analysing a feature-length script costs: parse and chunk time, chunks, tokens sent
// (overlap included) and the estimated price at a given rate, for three context windows.
// Run: npx tsx bench/llm/chunking.bench.ts   (prints one JSON object; ~2 s)
// Prices in USD per million tokens: BENCH_INPUT_USD_PER_M (default 2.5), BENCH_OUTPUT_USD_PER_M (default 10).

const INPUT_USD_PER_M = Number(process.env.BENCH_INPUT_USD_PER_M ?? 2.5)
const OUTPUT_USD_PER_M = Number(process.env.BENCH_OUTPUT_USD_PER_M ?? 10)
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5)
/** Context windows: a local 8k model, a 32k model, a 128k cloud model. */
const CONTEXTS = [8_192, 32_768, 128_000]
// Mirrors of the server's scene analyst (apps/server/src/modules/agents/script-analysis.schemas.ts;
// bench may not import apps/*): the answer reserve, overlap fraction, and the prompt framing.
const ANSWER_TOKENS = 4_000
const OVERLAP_FRACTION = 0.1
const SYSTEM_PROMPT_TOKENS = 200
const chunkPrompt = (text: string, scenes: number[]) => `Scenes to analyse: ${scenes.join(', ')}.\n\n${text}`

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

function timed<T>(fn: () => T): { value: T; ms: number[] } {
  const ms: number[] = []
  let value = fn()
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now()
    value = fn()
    ms.push(performance.now() - start)
  }
  return { value, ms }
}

// 116 scenes of the synthetic generator make about 120 pages at 55 lines a page.
const script = syntheticScreenplay({ scenes: Number(process.env.BENCH_SCENES ?? 116) })
const parsed = timed(() => parseFountain(script.text))
const screenplay = parsed.value
const systemTokens = SYSTEM_PROMPT_TOKENS
const scriptTokens = estimateTextTokens(script.text)

const contexts = CONTEXTS.map((contextWindow) => {
  // The chunk gets what the window leaves after the system prompt, the answer and a margin.
  const maxTokens = Math.min(contextWindow - systemTokens - ANSWER_TOKENS - 200, 100_000)
  const overlapTokens = Math.max(1, Math.floor(maxTokens * OVERLAP_FRACTION))
  const chunked = timed(() =>
    chunkScreenplay(screenplay, { maxTokens, overlapTokens, estimateTokens: estimateTextTokens }),
  )
  const chunks = chunked.value
  const promptTokens = chunks.map(
    (c) =>
      systemTokens +
      estimateTextTokens(
        chunkPrompt(
          c.text,
          c.scenes.map((s) => s.sceneIndex + 1),
        ),
      ),
  )
  const inputTokens = promptTokens.reduce((a, b) => a + b, 0)
  const overlapSent = chunks.reduce((a, c) => a + estimateTextTokens(c.overlap), 0)
  // Worst case: every chunk uses its whole answer reserve.
  const outputTokens = chunks.length * ANSWER_TOKENS
  const costUsd = (inputTokens * INPUT_USD_PER_M + outputTokens * OUTPUT_USD_PER_M) / 1_000_000
  return {
    contextWindow,
    chunkBudgetTokens: maxTokens,
    overlapTokens,
    chunks: chunks.length,
    largestChunkTokens: Math.max(...chunks.map((c) => c.tokens)),
    withinBudget: chunks.every((c) => c.tokens <= maxTokens),
    largestPromptTokens: Math.max(...promptTokens),
    inputTokens,
    overlapTokensSent: overlapSent,
    worstCaseOutputTokens: outputTokens,
    estimatedCostUsd: Number(costUsd.toFixed(4)),
    chunkMsMedian: Number(median(chunked.ms).toFixed(2)),
  }
})

console.log(
  JSON.stringify(
    {
      bench: 'llm/chunking',
      script: {
        scenes: screenplay.scenes.length,
        lines: script.text.split('\n').length,
        pagesAt55Lines: Math.round(script.text.split('\n').length / 55),
        pagesEstimated: estimatePages(screenplay),
        characters: script.characters.length,
        chars: script.text.length,
        tokens: scriptTokens,
      },
      parseMsMedian: Number(median(parsed.ms).toFixed(2)),
      prices: { inputUsdPerMillion: INPUT_USD_PER_M, outputUsdPerMillion: OUTPUT_USD_PER_M },
      answerReserveTokens: ANSWER_TOKENS,
      contexts,
    },
    null,
    2,
  ),
)
