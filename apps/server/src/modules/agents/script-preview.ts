// The import wizard's first step: what the parser finds in a script and what analysing it
// would take (chunks, tokens, worst-case cost), before any model is called.
import type { ScriptPreview, ScriptSource } from '@aipipeline/contracts'
import {
  detectScreenplayFormat,
  estimatePages,
  mergeLocations,
  parseScreenplay,
  type Screenplay,
  speakingCharacters,
  XmlTooDeep,
} from '@aipipeline/domain'
import type { LanguageModelPort } from './language-model.port'
import { withImplicitScene } from './script-analysis.merge'
import { planChunks } from './script-analysis.pipeline'
import { ANSWER_TOKENS, DEFAULT_CHUNK_TOKENS, type ScriptAnalysisInput } from './script-analysis.schemas'

export type ScriptRequest = ScriptSource

/** The stored input of an analysis run. */
export function scriptRunInput(body: ScriptRequest): ScriptAnalysisInput {
  return {
    fileName: body.fileName ?? null,
    format: body.format ?? null,
    text: body.text,
    maxChunkTokens: body.maxChunkTokens ?? DEFAULT_CHUNK_TOKENS,
  }
}

/** Parses the script of a request; hostile markup is refused as a 400 on the `text` field. */
function parseRequestScript(body: ScriptRequest): Screenplay {
  try {
    return parseScreenplay(body.text, body.format, body.fileName)
  } catch (err) {
    if (err instanceof XmlTooDeep) throw new XmlTooDeep(err.maxDepth, 'body.text')
    throw err
  }
}

/**
 * Refuses, before a run is stored, a script its parse step could never read. Only FDX can
 * fail (its markup nests); the other formats are read line by line.
 */
export function assertScriptReadable(body: ScriptRequest): void {
  if ((body.format ?? detectScreenplayFormat(body.text, body.fileName)) !== 'fdx') return
  parseRequestScript({ ...body, format: 'fdx' })
}

/** Parses, chunks and prices a script. */
export async function previewScript(body: ScriptRequest, llm: LanguageModelPort): Promise<ScriptPreview> {
  const screenplay = withImplicitScene(parseRequestScript(body))
  const chunks =
    screenplay.scenes.length > 0 ? planChunks(screenplay, body.maxChunkTokens ?? DEFAULT_CHUNK_TOKENS, llm) : []
  const inputTokens = chunks.reduce((sum, c) => sum + c.tokens, 0)
  let estimatedCostMicros: number | null = 0
  for (const chunk of chunks) {
    const cost = await llm.estimateCostMicros({
      taskClass: 'analysis',
      inputTokens: chunk.tokens,
      outputTokens: ANSWER_TOKENS,
      project: body.projectId,
    })
    estimatedCostMicros = cost === null || estimatedCostMicros === null ? null : estimatedCostMicros + cost
  }
  const warnings: string[] = []
  if (screenplay.scenes.length === 0) warnings.push('no scenes, action or dialogue found')
  if (screenplay.scenes.length === 1 && screenplay.scenes[0]?.heading.location === 'UNSPECIFIED') {
    warnings.push('no scene headings: the script is read as one scene')
  }
  return {
    title: screenplay.title,
    format: screenplay.format,
    pages: estimatePages(screenplay),
    scenes: screenplay.scenes.map((s) => ({
      index: s.index,
      heading: s.heading.text,
      setting: s.heading.setting,
      location: s.heading.location,
      timeOfDay: s.heading.timeOfDay,
      sceneNumber: s.heading.sceneNumber,
      characters: s.characters,
      elementCount: s.elements.length,
    })),
    characters: speakingCharacters(screenplay),
    locations: mergeLocations(screenplay.scenes.map((s) => ({ name: s.heading.location }))).map((l) => l.name),
    chunks: chunks.length,
    estimatedInputTokens: inputTokens,
    estimatedCostMicros,
    warnings,
  }
}
