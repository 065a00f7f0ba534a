// Prompt enhancement: a model refines a shot's content from its description, characters and
// CPE settings; the CPE re-validates and formats the result; the user accepts or rejects.
import { TARGET_MODELS, type TargetModelId } from '@aipipeline/cpe'
import { access } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'
import { AgentRunAccepted, AgentRunParams, AgentRunSummary } from './agent-run.contract'

// z.enum needs a non-empty tuple; TARGET_MODELS is a non-empty constant of the engine.
const TARGET_IDS = TARGET_MODELS.map((m) => m.id) as [TargetModelId, ...TargetModelId[]]
export const TargetModel = z.enum(TARGET_IDS)
export type TargetModel = z.infer<typeof TargetModel>

export const CharacterBrief = z.object({
  name: z.string().min(1).max(200),
  description: z.string().max(4000).default(''),
  triggerWords: z.array(z.string().max(100)).max(50).default([]),
})

export const StartPromptEnhancementBody = z
  .object({
    projectId: z.string().min(1).max(100),
    /** When set, accepting writes the enhanced settings to this shot. */
    shotId: z.string().min(1).max(100).optional(),
    description: z.string().min(1).max(4000),
    characters: z.array(CharacterBrief).max(50).default([]),
    /** The shot's CPE settings (checked by the engine; malformed settings are reported, not guessed). */
    cpeSettings: z.unknown().optional(),
    targetModel: TargetModel,
  })
  .strict()
export type StartPromptEnhancementBody = z.infer<typeof StartPromptEnhancementBody>

export const PromptCheck = z.object({
  prompt: z.string(),
  negativePrompt: z.string().nullable(),
  status: z.enum(['valid', 'warning', 'invalid', 'malformed']),
  /** Rule violations: id, severity and English message. */
  violations: z.array(z.object({ ruleId: z.string(), severity: z.string(), message: z.string() })),
  warnings: z.array(z.string()),
})
export type PromptCheck = z.infer<typeof PromptCheck>

export const PromptEnhancementResult = z
  .object({
    targetModel: TargetModel,
    before: PromptCheck,
    after: PromptCheck.extend({ cpeSettings: z.unknown() }),
    /** What the model changed, in words. */
    changes: z.array(z.string()),
    /** Suggestions dropped because the CPE rules refused them. */
    dropped: z.array(z.string()),
  })
  .meta({ id: 'PromptEnhancementResult' })
export type PromptEnhancementResult = z.infer<typeof PromptEnhancementResult>

export const EnhancementDecisionBody = z.object({ decision: z.enum(['accept', 'reject']) }).strict()

export const promptEnhancementRoutes = {
  startPromptEnhancement: defineRoute({
    method: 'POST',
    path: '/api/agents/prompt-enhancements',
    summary: "Refine a shot's prompt for a target model (a background run; artists: shots assigned to them)",
    tags: ['agents'],
    access: access.atLeast('artist'),
    body: StartPromptEnhancementBody,
    response: AgentRunAccepted,
    status: 202,
  }),
  decidePromptEnhancement: defineRoute({
    method: 'POST',
    path: '/api/agents/prompt-enhancements/:runId/decision',
    summary: "Accept (writes the shot's CPE settings) or reject an enhanced prompt",
    tags: ['agents'],
    access: access.atLeast('supervisor'),
    params: AgentRunParams,
    body: EnhancementDecisionBody,
    response: z.object({ run: AgentRunSummary, applied: z.boolean() }),
  }),
}
