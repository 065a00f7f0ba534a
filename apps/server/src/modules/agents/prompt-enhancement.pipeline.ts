// Prompt enhancement: the CPE formats the shot as it is (before); a model rewrites the
// shot's content (subject, action, setting, details) and may fill framing and look the user
// left open; the CPE re-validates — suggestions that break a hard rule are dropped — and
// formats the result for the target model (after). The user's explicit choices are kept.
import { CharacterBrief, PromptCheck, PromptEnhancementResult, TargetModel } from '@aipipeline/contracts'
import {
  CameraAngle,
  CameraMovement,
  ColourTone,
  Composition,
  CpeConfig,
  type CpeConfigInput,
  formatPrompt,
  Mood,
  ShotSize,
  validate,
} from '@aipipeline/cpe'
import { z } from 'zod'
import type { AgentRunner } from './agent-runner'
import { defineAgentStep } from './agent-step'
import type { AgentPipelineDefinition } from './script-analysis.pipeline'

export const PromptEnhancementInput = z.object({
  shotId: z.string().nullable(),
  description: z.string(),
  characters: z.array(CharacterBrief),
  /** Parsed CPE settings (defaults filled in). */
  cpeSettings: CpeConfig,
  targetModel: TargetModel,
})
export type PromptEnhancementInput = z.infer<typeof PromptEnhancementInput>

/** Nullable rather than optional: strict structured-output modes need every key present. */
export const EnhancementSuggestion = z.object({
  subject: z.string().max(2000),
  action: z.string().max(2000),
  setting: z.string().max(2000),
  details: z.array(z.string().max(500)).max(20),
  shot: z.object({
    size: ShotSize.nullable(),
    angle: CameraAngle.nullable(),
    movement: CameraMovement.nullable(),
    composition: Composition.nullable(),
  }),
  look: z.object({ mood: Mood.nullable(), colourTone: ColourTone.nullable() }),
  changes: z.array(z.string().max(300)).max(20),
})
export type EnhancementSuggestion = z.infer<typeof EnhancementSuggestion>

const ENHANCER_SYSTEM = [
  'You refine shot descriptions into precise visual prompts for image and video models.',
  'Rewrite the subject, action and setting concretely (who, what they do, where), add up to 8 visual details',
  '(most important first), and suggest framing and look only where helpful. Keep every character consistent with',
  'their description. Do not name camera bodies, lenses or film stocks. List your changes in a few words each.',
  'Answer with JSON only.',
].join(' ')

/** Runs the CPE on a config: formatted prompt plus rule check. */
export function checkPrompt(targetModel: TargetModel, config: unknown): PromptCheck {
  const result = validate(config)
  const formatted = formatPrompt(targetModel, config)
  return {
    prompt: formatted.prompt,
    negativePrompt: formatted.negativePrompt ?? null,
    status: result.status,
    violations: result.violations.map((v) => ({ ruleId: v.ruleId, severity: v.severity, message: v.message.en })),
    warnings: formatted.warnings,
  }
}

type SuggestedField =
  | 'shot.size'
  | 'shot.angle'
  | 'shot.movement'
  | 'shot.composition'
  | 'look.mood'
  | 'look.colourTone'

/** The enhanced config and which framing/look fields came from the model. */
export function applySuggestion(
  original: CpeConfig,
  s: EnhancementSuggestion,
  characters: readonly { triggerWords: string[] }[],
): { config: CpeConfig; suggested: SuggestedField[] } {
  const triggers = characters.flatMap((c) => c.triggerWords)
  const details = [...new Set([...triggers, ...s.details].map((d) => d.trim()).filter((d) => d !== ''))].slice(0, 50)
  const config: CpeConfig = {
    ...original,
    shot: { ...original.shot },
    look: { ...original.look },
    content: { subject: s.subject, action: s.action, setting: s.setting, details },
  }
  const suggested: SuggestedField[] = []
  const fill = <K extends keyof CpeConfig['shot']>(key: K, value: CpeConfig['shot'][K] | null) => {
    if (value !== null && original.shot[key] === undefined) {
      config.shot[key] = value
      suggested.push(`shot.${key}`)
    }
  }
  fill('size', s.shot.size ?? null)
  fill('angle', s.shot.angle ?? null)
  fill('movement', s.shot.movement ?? null)
  fill('composition', s.shot.composition ?? null)
  if (s.look.mood !== null && original.look.mood === undefined) {
    config.look.mood = s.look.mood
    suggested.push('look.mood')
  }
  if (s.look.colourTone !== null && original.look.colourTone === undefined) {
    config.look.colourTone = s.look.colourTone
    suggested.push('look.colourTone')
  }
  return { config, suggested }
}

/** Drops suggested fields blamed by hard violations until none is left (or nothing more to drop). */
export function dropRefusedSuggestions(
  config: CpeConfig,
  suggested: SuggestedField[],
): { config: CpeConfig; dropped: string[] } {
  let current: CpeConfig = { ...config, shot: { ...config.shot }, look: { ...config.look } }
  const dropped: string[] = []
  const isSuggested = (f: string): f is SuggestedField => (suggested as readonly string[]).includes(f)
  for (let round = 0; round < suggested.length; round++) {
    const result = validate(current)
    if (result.status === 'malformed') break
    const blamed = result.violations
      .filter((v) => v.severity === 'hard')
      .flatMap((v) => v.fields.filter(isSuggested).map((f) => ({ field: f, why: v.message.en })))
    const fresh = blamed.filter((b) => !dropped.some((d) => d.startsWith(`${b.field}:`)))
    if (fresh.length === 0) break
    for (const { field, why } of fresh) {
      const [section, key] = field.split('.')
      if (section === 'shot' && key !== undefined) current = { ...current, shot: { ...current.shot, [key]: undefined } }
      if (section === 'look' && key !== undefined) current = { ...current, look: { ...current.look, [key]: undefined } }
      dropped.push(`${field}: ${why}`)
    }
  }
  return { config: current, dropped }
}

function enhancerPrompt(input: PromptEnhancementInput, before: PromptCheck): string {
  const cast = input.characters
    .map(
      (c) =>
        `- ${c.name}: ${c.description}${c.triggerWords.length > 0 ? ` (trigger words: ${c.triggerWords.join(', ')})` : ''}`,
    )
    .join('\n')
  return [
    `Target model: ${input.targetModel}.`,
    `Shot description: ${input.description}`,
    cast === '' ? 'No named characters.' : `Characters:\n${cast}`,
    `Current CPE settings (JSON): ${JSON.stringify({ shot: input.cpeSettings.shot, look: input.cpeSettings.look, lighting: input.cpeSettings.lighting, content: input.cpeSettings.content })}`,
    `Current prompt: ${before.prompt === '' ? '(empty)' : before.prompt}`,
  ].join('\n\n')
}

const checkBeforeStep = defineAgentStep({
  agent: 'cpe-engine',
  input: PromptEnhancementInput,
  output: PromptCheck,
  run: async (_ctx, input) => checkPrompt(input.targetModel, input.cpeSettings),
})

const enhanceStep = defineAgentStep({
  agent: 'prompt-enhancer',
  input: z.object({ request: PromptEnhancementInput, before: PromptCheck }),
  output: EnhancementSuggestion,
  run: (ctx, { request, before }) =>
    ctx.askObject(EnhancementSuggestion, {
      taskClass: 'enhance',
      system: ENHANCER_SYSTEM,
      prompt: enhancerPrompt(request, before),
      schemaName: 'prompt_enhancement',
      maxOutputTokens: 1_500,
    }),
})

const checkAfterStep = defineAgentStep({
  agent: 'cpe-engine',
  input: z.object({ request: PromptEnhancementInput, before: PromptCheck, suggestion: EnhancementSuggestion }),
  output: PromptEnhancementResult,
  async run(_ctx, { request, before, suggestion }) {
    const applied = applySuggestion(request.cpeSettings, suggestion, request.characters)
    const { config, dropped } = dropRefusedSuggestions(applied.config, applied.suggested)
    const after = checkPrompt(request.targetModel, config)
    return {
      targetModel: request.targetModel,
      before,
      after: { ...after, cpeSettings: config },
      changes: suggestion.changes,
      dropped,
    }
  },
})

/** The prompt-enhancement pipeline. */
export function promptEnhancementPipeline(): AgentPipelineDefinition {
  return {
    async execute(scope, runner: AgentRunner, rawInput) {
      const request = PromptEnhancementInput.parse(rawInput)
      const before = await runner.step(scope, checkBeforeStep, request, { key: 'check-before' })
      await scope.progress(20, 'asking the model')
      const suggestion = await runner.step(
        scope,
        enhanceStep,
        { request, before: before.output },
        { key: 'enhance', parentId: before.stepId },
      )
      await scope.progress(80, 'checking with the prompt engine')
      const result = await runner.step(
        scope,
        checkAfterStep,
        { request, before: before.output, suggestion: suggestion.output },
        { key: 'check-after', parentId: suggestion.stepId },
      )
      return result.output
    },
  }
}

/** Parses user-supplied CPE settings; a config that does not parse is reported, not guessed. */
export function parseCpeSettings(value: unknown): ReturnType<typeof CpeConfig.safeParse> {
  const input: CpeConfigInput | undefined = value === undefined || value === null ? {} : undefined
  return CpeConfig.safeParse(input ?? value)
}
