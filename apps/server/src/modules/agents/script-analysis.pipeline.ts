// Script analysis: parse → chunk → analyse each chunk (model) → merge. Each is a typed step
// with an envelope; the chunk answers are reused on retry, so a failure at chunk 7 of 12
// costs one chunk to redo, not twelve.
import { ScriptAnalysis } from '@aipipeline/contracts'
import { RuleViolation, Screenplay } from '@aipipeline/domain'
import { z } from 'zod'
import type { OffloadPool } from '../../offload/offload-pool'
import type { AgentRunner, RunScope } from './agent-runner'
import { defineAgentStep } from './agent-step'
import type { LanguageModelPort } from './language-model.port'
import { type ChunkResult, mergeScriptAnalysis } from './script-analysis.merge'
import {
  ANSWER_TOKENS,
  ChunkAnalysis,
  chunkPrompt,
  SCENE_ANALYST_SYSTEM,
  ScriptAnalysisInput,
} from './script-analysis.schemas'
import { scriptReadInput } from './script-preview'
import { OFFLOAD_SCRIPT_CHARS, type PlannedChunk, readScriptTask } from './script-reading.task'

const ChunkScene = z.object({ sceneIndex: z.number().int(), part: z.number().int(), of: z.number().int() })
const StoredChunk = z.object({
  index: z.number().int(),
  scenes: z.array(ChunkScene),
  text: z.string(),
  tokens: z.number().int(),
})
const ChunkPlan = z.object({ chunks: z.array(StoredChunk) })

/** A pipeline the runner can execute from a run's stored input. */
export interface AgentPipelineDefinition {
  execute(scope: RunScope, runner: AgentRunner, input: unknown): Promise<unknown>
}

const analyseStep = defineAgentStep({
  agent: 'scene-analyst',
  input: StoredChunk,
  output: ChunkAnalysis,
  async run(ctx, chunk) {
    const sceneNumbers = [...new Set(chunk.scenes.map((s) => s.sceneIndex + 1))]
    return ctx.askObject(ChunkAnalysis, {
      taskClass: 'analysis',
      system: SCENE_ANALYST_SYSTEM,
      prompt: chunkPrompt(chunk.text, sceneNumbers),
      schemaName: 'chunk_analysis',
      maxOutputTokens: ANSWER_TOKENS,
    })
  },
})

/**
 * The script-analysis pipeline. Parsing and chunking run on the offload pool for large scripts;
 * a fresh run reads the script once, a retried one (parse reused) reads it again for its chunks.
 */
export function scriptAnalysisPipeline(
  llm: Pick<LanguageModelPort, 'tokenEstimator'>,
  offload: OffloadPool,
): AgentPipelineDefinition {
  return {
    async execute(scope, runner, rawInput) {
      const input = ScriptAnalysisInput.parse(rawInput)
      const readScript = (maxChunkTokens: number) =>
        offload.runSized(
          readScriptTask,
          scriptReadInput({ ...input, maxChunkTokens }, llm),
          input.text.length >= OFFLOAD_SCRIPT_CHARS,
        )
      let readChunks: PlannedChunk[] | null = null
      const parseStep = defineAgentStep({
        agent: 'screenplay-parser',
        input: ScriptAnalysisInput,
        output: Screenplay,
        async run(_ctx, i) {
          const read = await readScript(i.maxChunkTokens)
          if (read.screenplay.scenes.length === 0) {
            throw new RuleViolation('no scenes, action or dialogue found in the script')
          }
          readChunks = read.chunks
          return read.screenplay
        },
      })
      await scope.progress(2, 'parsing the script')
      const parsed = await runner.step(scope, parseStep, input, { key: 'parse' })
      const screenplay = parsed.output
      const chunkStep = defineAgentStep({
        agent: 'screenplay-chunker',
        input: z.object({ scenes: z.number().int(), maxTokens: z.number().int() }),
        output: ChunkPlan,
        run: async (_ctx, i) => ({ chunks: readChunks ?? (await readScript(i.maxTokens)).chunks }),
      })
      const planned = await runner.step(
        scope,
        chunkStep,
        { scenes: screenplay.scenes.length, maxTokens: input.maxChunkTokens },
        { key: 'chunk', parentId: parsed.stepId },
      )
      const chunks = planned.output.chunks
      await scope.progress(10, `${screenplay.scenes.length} scenes in ${chunks.length} chunks`)
      const results: ChunkResult[] = []
      for (const chunk of chunks) {
        const done = await runner.step(scope, analyseStep, chunk, {
          key: `analyse-chunk:${chunk.index}`,
          parentId: planned.stepId,
        })
        results.push({ index: chunk.index, scenes: chunk.scenes, analysis: done.output })
        await scope.progress(
          10 + Math.round((85 * (chunk.index + 1)) / chunks.length),
          `analysed chunk ${chunk.index + 1} of ${chunks.length}`,
        )
      }
      const mergeStep = defineAgentStep({
        agent: 'analysis-merger',
        input: z.object({ chunks: z.number().int() }),
        output: ScriptAnalysis,
        run: async () => mergeScriptAnalysis(screenplay, results),
      })
      const merged = await runner.step(
        scope,
        mergeStep,
        { chunks: results.length },
        { key: 'merge', parentId: planned.stepId },
      )
      return merged.output
    },
  }
}
