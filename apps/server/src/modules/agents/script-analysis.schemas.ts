// What the scene analyst is asked for per chunk, and the stored input of an analysis run.
// Shot vocabulary is the CPE's, so proposals feed the prompt engine without translation.
import { ShotProposal } from '@aipipeline/contracts'
import { ScreenplayFormat } from '@aipipeline/domain'
import { z } from 'zod'

export const ChunkAnalysis = z.object({
  scenes: z
    .array(
      z.object({
        /** The number after "### SCENE" in the chunk. */
        sceneNumber: z.number().int().positive(),
        summary: z.string().max(2000),
        shots: z.array(ShotProposal).max(60),
      }),
    )
    .max(200),
  characters: z
    .array(
      z.object({
        name: z.string().min(1).max(200),
        description: z.string().max(2000),
        /** Words that make an image model draw this character (look, clothing, age). */
        triggerWords: z.array(z.string().max(80)).max(20),
      }),
    )
    .max(200),
  locations: z.array(z.object({ name: z.string().min(1).max(300), description: z.string().max(2000) })).max(200),
})
export type ChunkAnalysis = z.infer<typeof ChunkAnalysis>

/** Defaults sized for an 8k-context local model with room for the prompt and the answer. */
export const DEFAULT_CHUNK_TOKENS = 3_000
export const OVERLAP_FRACTION = 0.1
/** Tokens reserved for a chunk's answer (shots for every scene in it). */
export const ANSWER_TOKENS = 4_000

export const ScriptAnalysisInput = z.object({
  fileName: z.string().nullable(),
  format: ScreenplayFormat.nullable(),
  text: z.string(),
  maxChunkTokens: z.number().int().positive(),
})
export type ScriptAnalysisInput = z.infer<typeof ScriptAnalysisInput>

export const SCENE_ANALYST_SYSTEM = [
  'You are a first assistant director breaking down a screenplay into a shot list.',
  'You receive part of a screenplay in Fountain format. Each scene to analyse starts with a line "### SCENE n".',
  'Text between [[CONTEXT …]] and [[END OF CONTEXT]] was analysed already: use it only to understand who is who.',
  'For every scene to analyse, answer with its sceneNumber, a one-sentence summary and a shot list.',
  'Each shot has: size, angle and movement (use only the allowed values), a visual description, the dialogue spoken in it or null,',
  'the characters in frame, and an estimated duration in seconds.',
  'Also list the characters who appear (name as cued, a visual description, trigger words for an image model)',
  'and the locations (name as in the scene heading, a visual description).',
  'Answer with JSON only.',
].join(' ')

/** The user message for one chunk. */
export function chunkPrompt(chunkText: string, sceneNumbers: readonly number[]): string {
  return `Scenes to analyse: ${sceneNumbers.join(', ')}.\n\n${chunkText}`
}
