// Script import wizard: preview a screenplay (parse only, no model), start an analysis run,
// review the result as a diff against the project, apply the chosen items.
import { CameraAngle, CameraMovement, ShotSize } from '@aipipeline/cpe'
import { access, SceneSetting, ScreenplayFormat } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'
import { AgentRunAccepted, AgentRunParams } from './agent-run.contract'

/** A feature script is ~250 KB as text; 3 MB leaves room for FDX markup. */
export const MAX_SCRIPT_CHARS = 3_000_000
/**
 * Body limit of the routes that take screenplay text: 3 M characters are up to 9 MB of UTF-8
 * (Korean is 3 bytes a character) before JSON escaping, beyond the server-wide default.
 */
export const SCRIPT_BODY_LIMIT_BYTES = 16 * 1024 * 1024

export const ScriptSource = z
  .object({
    projectId: z.string().min(1).max(100),
    /** Used for format detection (`.fountain`, `.fdx`, `.pdf.txt`) and as the run's label. */
    fileName: z.string().max(300).optional(),
    /** Overrides detection. For PDFs, send the extracted text with format `pdf-text`. */
    format: ScreenplayFormat.optional(),
    text: z.string().min(1).max(MAX_SCRIPT_CHARS),
    /** Token budget of one chunk; default fits an 8k-context local model. */
    maxChunkTokens: z.number().int().min(500).max(200_000).optional(),
  })
  .strict()
export type ScriptSource = z.infer<typeof ScriptSource>

export const ScenePreview = z.object({
  index: z.number().int(),
  heading: z.string(),
  setting: SceneSetting.nullable(),
  location: z.string(),
  timeOfDay: z.string().nullable(),
  sceneNumber: z.string().nullable(),
  characters: z.array(z.string()),
  elementCount: z.number().int(),
})

export const ScriptPreview = z
  .object({
    title: z.string().nullable(),
    format: ScreenplayFormat,
    pages: z.number().int(),
    scenes: z.array(ScenePreview),
    characters: z.array(z.string()),
    locations: z.array(z.string()),
    chunks: z.number().int(),
    estimatedInputTokens: z.number().int(),
    /** Worst-case cost of the analysis from the router's estimate; null when no model is configured. */
    estimatedCostMicros: z.number().int().nullable(),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'ScriptPreview' })
export type ScriptPreview = z.infer<typeof ScriptPreview>

export const ShotProposal = z.object({
  size: ShotSize,
  angle: CameraAngle,
  movement: CameraMovement,
  description: z.string(),
  dialogue: z.string().nullable(),
  characters: z.array(z.string()),
  /** Seconds on screen, the model's estimate. */
  durationSeconds: z.number().positive().max(600),
})
export type ShotProposal = z.infer<typeof ShotProposal>

export const SceneAnalysis = z.object({
  sceneIndex: z.number().int().nonnegative(),
  heading: z.string(),
  setting: SceneSetting.nullable(),
  location: z.string(),
  timeOfDay: z.string().nullable(),
  sceneNumber: z.string().nullable(),
  summary: z.string(),
  characters: z.array(z.string()),
  shots: z.array(ShotProposal),
})
export type SceneAnalysis = z.infer<typeof SceneAnalysis>

export const CharacterProposal = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  triggerWords: z.array(z.string()),
  aliases: z.array(z.string()),
  sceneIndexes: z.array(z.number().int()),
})
export const LocationProposal = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  sceneIndexes: z.array(z.number().int()),
})

export const ScriptAnalysis = z
  .object({
    title: z.string().nullable(),
    format: ScreenplayFormat,
    scenes: z.array(SceneAnalysis),
    characters: z.array(CharacterProposal),
    locations: z.array(LocationProposal),
    chunks: z.number().int(),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'ScriptAnalysis' })
export type ScriptAnalysis = z.infer<typeof ScriptAnalysis>

export const DiffItemKind = z.enum(['sequence', 'shot', 'character', 'asset'])
export type DiffItemKind = z.infer<typeof DiffItemKind>

export const AnalysisDiffItem = z.object({
  /** Stable key to choose the item with: "sequence:SC001", "shot:SC001/SH010", "character:MARA", "asset:HARBOUR". */
  key: z.string(),
  kind: DiffItemKind,
  action: z.enum(['create', 'update', 'unchanged']),
  /** The sequence a shot belongs to (its key); choosing a shot needs its sequence to exist or be chosen. */
  parentKey: z.string().nullable(),
  label: z.string(),
  proposed: z.record(z.string(), z.unknown()),
  existing: z.record(z.string(), z.unknown()).nullable(),
  existingId: z.string().nullable(),
  /** Fields that differ from what the project has. */
  changes: z.array(z.string()),
})
export type AnalysisDiffItem = z.infer<typeof AnalysisDiffItem>

export const AnalysisReview = z
  .object({
    runId: z.string(),
    projectId: z.string(),
    analysis: ScriptAnalysis,
    items: z.array(AnalysisDiffItem),
  })
  .meta({ id: 'AnalysisReview' })
export type AnalysisReview = z.infer<typeof AnalysisReview>

export const ApplyAnalysisBody = z.object({ itemKeys: z.array(z.string().max(300)).min(1).max(20_000) }).strict()

const Counts = z.object({
  sequences: z.number().int(),
  shots: z.number().int(),
  characters: z.number().int(),
  assets: z.number().int(),
})
export const ApplyAnalysisResult = z.object({ created: Counts, updated: Counts, skipped: z.array(z.string()) })
export type ApplyAnalysisResult = z.infer<typeof ApplyAnalysisResult>

export const scriptAnalysisRoutes = {
  previewScript: defineRoute({
    method: 'POST',
    path: '/api/agents/script-analyses/preview',
    summary: 'Parse a screenplay and estimate its analysis, without calling a model',
    tags: ['agents'],
    access: access.atLeast('supervisor'),
    body: ScriptSource,
    response: ScriptPreview,
    bodyLimit: SCRIPT_BODY_LIMIT_BYTES,
  }),
  startScriptAnalysis: defineRoute({
    method: 'POST',
    path: '/api/agents/script-analyses',
    summary: 'Start analysing a screenplay (a background run; progress on project and job rooms)',
    tags: ['agents'],
    access: access.atLeast('supervisor'),
    body: ScriptSource,
    response: AgentRunAccepted,
    bodyLimit: SCRIPT_BODY_LIMIT_BYTES,
    status: 202,
  }),
  reviewScriptAnalysis: defineRoute({
    method: 'GET',
    path: '/api/agents/script-analyses/:runId/review',
    summary: "A finished analysis as a diff against the project's sequences, shots, characters and assets",
    tags: ['agents'],
    access: access.atLeast('supervisor'),
    params: AgentRunParams,
    response: AnalysisReview,
  }),
  applyScriptAnalysis: defineRoute({
    method: 'POST',
    path: '/api/agents/script-analyses/:runId/apply',
    summary: 'Create or update the chosen items in the project',
    tags: ['agents'],
    access: access.atLeast('supervisor'),
    params: AgentRunParams,
    body: ApplyAnalysisBody,
    response: ApplyAnalysisResult,
  }),
}
