// The import wizard's first step: what the parser finds in a script and what analysing it
// would take (chunks, tokens, worst-case cost), before any model is called. The reading runs
// on a worker thread for large scripts; only the pricing (the router's tables) stays here.
import type { ScriptPreview, ScriptSource } from '@aipipeline/contracts'
import { detectScreenplayFormat, PayloadTooLarge, XmlTooDeep } from '@aipipeline/domain'
import type { OffloadPool } from '../../offload/offload-pool'
import type { LanguageModelPort } from './language-model.port'
import { ANSWER_TOKENS, DEFAULT_CHUNK_TOKENS, type ScriptAnalysisInput } from './script-analysis.schemas'
import { OFFLOAD_SCRIPT_CHARS, outlineScriptTask, readScriptTask, type ScriptReadInput } from './script-reading.task'

export type ScriptRequest = ScriptSource

/** How scripts are read: where the heavy part runs and the largest script accepted. */
export interface ScriptReading {
  offload: OffloadPool
  /** Characters at most (SCRIPT_MAX_CHARS); longer scripts get 413. */
  maxChars: number
}

/** Throws 413 for a script longer than this studio accepts. */
export function assertScriptSize(text: string, maxChars: number): void {
  if (text.length > maxChars) {
    throw new PayloadTooLarge(
      `the script has ${text.length} characters; this studio accepts at most ${maxChars} (SCRIPT_MAX_CHARS)`,
      { field: 'text', limit: maxChars, actual: text.length },
    )
  }
}

/** The stored input of an analysis run. */
export function scriptRunInput(body: ScriptRequest): ScriptAnalysisInput {
  return {
    fileName: body.fileName ?? null,
    format: body.format ?? null,
    text: body.text,
    maxChunkTokens: body.maxChunkTokens ?? DEFAULT_CHUNK_TOKENS,
  }
}

/** The reading task's input for a stored run input and the model behind `llm`. */
export function scriptReadInput(
  input: ScriptAnalysisInput,
  llm: Pick<LanguageModelPort, 'tokenEstimator'>,
): ScriptReadInput {
  return {
    text: input.text,
    format: input.format ?? undefined,
    fileName: input.fileName ?? undefined,
    maxChunkTokens: input.maxChunkTokens,
    tokenEstimator: llm.tokenEstimator,
  }
}

/** Runs a reading of the request's script; hostile markup is refused as a 400 on `body.text`. */
async function readRequestScript<O>(run: () => Promise<O>): Promise<O> {
  try {
    return await run()
  } catch (err) {
    if (err instanceof XmlTooDeep) throw new XmlTooDeep(err.maxDepth, 'body.text')
    throw err
  }
}

/**
 * Refuses, before a run is stored, a script its parse step could never read. Only FDX can
 * fail (its markup nests); the other formats are read line by line.
 */
export async function assertScriptReadable(
  body: ScriptRequest,
  llm: Pick<LanguageModelPort, 'tokenEstimator'>,
  reading: ScriptReading,
): Promise<void> {
  if ((body.format ?? detectScreenplayFormat(body.text, body.fileName)) !== 'fdx') return
  await readRequestScript(() =>
    reading.offload.runSized(
      readScriptTask,
      scriptReadInput(scriptRunInput({ ...body, format: 'fdx' }), llm),
      body.text.length >= OFFLOAD_SCRIPT_CHARS,
    ),
  )
}

/** Parses, chunks and prices a script. */
export async function previewScript(
  body: ScriptRequest,
  llm: LanguageModelPort,
  reading: ScriptReading,
): Promise<ScriptPreview> {
  assertScriptSize(body.text, reading.maxChars)
  const { chunkTokens, ...outline } = await readRequestScript(() =>
    reading.offload.runSized(
      outlineScriptTask,
      scriptReadInput(scriptRunInput(body), llm),
      body.text.length >= OFFLOAD_SCRIPT_CHARS,
    ),
  )
  let estimatedCostMicros: number | null = 0
  for (const tokens of chunkTokens) {
    const cost = await llm.estimateCostMicros({
      taskClass: 'analysis',
      inputTokens: tokens,
      outputTokens: ANSWER_TOKENS,
      project: body.projectId,
    })
    estimatedCostMicros = cost === null || estimatedCostMicros === null ? null : estimatedCostMicros + cost
  }
  return { ...outline, estimatedCostMicros }
}
