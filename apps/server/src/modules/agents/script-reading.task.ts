// Reading a screenplay: parse, the implicit first scene, and chunks for the model. Large
// scripts take seconds (a 2 MB script with one long scene chunks line by line), so this runs
// on the offload pool's worker threads; it imports only pure code for that reason.
import type { ScriptPreview } from '@aipipeline/contracts'
import {
  chunkScreenplay,
  estimatePages,
  mergeLocations,
  parseScreenplay,
  type Screenplay,
  type ScreenplayFormat,
  speakingCharacters,
  type TokenEstimator,
} from '@aipipeline/domain'
import { defineOffloadTask } from '../../offload/offload-task'
import { withImplicitScene } from './script-analysis.merge'
import { OVERLAP_FRACTION } from './script-analysis.schemas'
import { TOKEN_ESTIMATORS, type TokenEstimatorName } from './token-estimators'

/** Scripts from this many characters are read on a worker thread; smaller ones inline. */
export const OFFLOAD_SCRIPT_CHARS = 64 * 1024

export interface ScriptReadInput {
  text: string
  format: ScreenplayFormat | undefined
  fileName: string | undefined
  maxChunkTokens: number
  tokenEstimator: TokenEstimatorName
}

export interface PlannedChunk {
  index: number
  scenes: { sceneIndex: number; part: number; of: number }[]
  text: string
  tokens: number
}

/** Chunks the script within `maxTokens`, with the overlap fraction of each budget. */
export function planChunks(screenplay: Screenplay, maxTokens: number, estimate: TokenEstimator): PlannedChunk[] {
  const overlapTokens = Math.max(1, Math.floor(maxTokens * OVERLAP_FRACTION))
  return chunkScreenplay(screenplay, { maxTokens, overlapTokens, estimateTokens: estimate }).map(
    ({ index, scenes, text, tokens }) => ({ index, scenes, text, tokens }),
  )
}

function read(input: ScriptReadInput): { screenplay: Screenplay; chunks: PlannedChunk[] } {
  const screenplay = withImplicitScene(parseScreenplay(input.text, input.format, input.fileName))
  const estimate = TOKEN_ESTIMATORS[input.tokenEstimator]
  const chunks = screenplay.scenes.length > 0 ? planChunks(screenplay, input.maxChunkTokens, estimate) : []
  return { screenplay, chunks }
}

/** The parsed script and its chunks, for an analysis run. */
export const readScriptTask = defineOffloadTask(import.meta.url, 'readScriptTask', read)

export type ScriptOutline = Omit<ScriptPreview, 'estimatedCostMicros'> & { chunkTokens: number[] }

/** What a preview shows of a script, and each chunk's tokens for pricing (no model is called). */
export const outlineScriptTask = defineOffloadTask(
  import.meta.url,
  'outlineScriptTask',
  (input: ScriptReadInput): ScriptOutline => {
    const { screenplay, chunks } = read(input)
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
      estimatedInputTokens: chunks.reduce((sum, c) => sum + c.tokens, 0),
      chunkTokens: chunks.map((c) => c.tokens),
      warnings,
    }
  },
)
