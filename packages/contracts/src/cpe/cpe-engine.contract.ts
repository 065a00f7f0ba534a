// Cinematic Prompt Engine API: validate a config, list the choices still open, write prompts per
// target model and apply presets. The web panel runs the same engine in the browser; these routes
// are for other clients (scripts, agents, the render farm's tooling).
import { CONFIG_FIELD_PATHS, CpeConfig, TARGET_MODELS, type TargetModelId } from '@aipipeline/cpe'
import { access } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'

// z.enum needs a non-empty tuple; TARGET_MODELS is a non-empty constant of the engine.
const TARGET_IDS = TARGET_MODELS.map((m) => m.id) as [TargetModelId, ...TargetModelId[]]
export const CpeTargetModelId = z.enum(TARGET_IDS)
export const CpeFieldPath = z.enum(CONFIG_FIELD_PATHS)
export const CpeSeverity = z.enum(['hard', 'soft', 'info'])

export const CpeLocalizedText = z.object({ en: z.string(), ko: z.string() })

export const CpeViolation = z
  .object({
    ruleId: z.string(),
    severity: CpeSeverity,
    fields: z.array(CpeFieldPath),
    message: CpeLocalizedText,
    explanation: z.string(),
  })
  .meta({ id: 'CpeViolation' })
export type CpeViolation = z.infer<typeof CpeViolation>

export const CpeValidation = z
  .object({
    /** invalid = a HARD violation, warning = a SOFT one; INFO never changes the status. */
    status: z.enum(['valid', 'warning', 'invalid']),
    violations: z.array(CpeViolation),
  })
  .meta({ id: 'CpeValidation' })
export type CpeValidation = z.infer<typeof CpeValidation>

/** A request carrying a config; a config the schema refuses is a 400 naming `body.config.<path>`. */
export const CpeConfigBody = z.object({ config: CpeConfig }).strict()

const OptionValue = z.union([z.string(), z.number(), z.boolean()])

export const CpeFieldOptions = z.object({
  allowed: z.array(OptionValue),
  /** Values a HARD rule excludes, each with the rules and their messages (the reason on hover). */
  disallowed: z.array(
    z.object({
      value: OptionValue,
      reasons: z.array(z.object({ ruleId: z.string(), message: CpeLocalizedText })),
    }),
  ),
})

export const CpeOptionsBody = z
  .object({
    config: CpeConfig,
    /** Only these fields (all enumerable fields when absent). */
    fields: z.array(CpeFieldPath).min(1).optional(),
  })
  .strict()

export const CpeOptions = z
  .object({ fields: z.partialRecord(CpeFieldPath, CpeFieldOptions) })
  .meta({ id: 'CpeOptions' })
export type CpeOptions = z.infer<typeof CpeOptions>

export const CpePromptParameters = z.object({
  aspectRatio: z.string(),
  width: z.number(),
  height: z.number(),
  frames: z.number().optional(),
  fps: z.number().optional(),
  steps: z.number().optional(),
  guidance: z.number().optional(),
  arguments: z.string().optional(),
})

export const CpeGeneratedPrompt = z
  .object({
    model: CpeTargetModelId,
    modelName: z.string(),
    output: z.enum(['image', 'video']),
    prompt: z.string(),
    negativePrompt: z.string().optional(),
    parameters: CpePromptParameters,
    /** Phrases dropped to fit the model's budget and other compromises. */
    warnings: z.array(z.string()),
  })
  .meta({ id: 'CpeGeneratedPrompt' })
export type CpeGeneratedPrompt = z.infer<typeof CpeGeneratedPrompt>

export const CpeGeneratePromptBody = z
  .object({
    config: CpeConfig,
    /** One target model; every model when absent. */
    model: CpeTargetModelId.optional(),
  })
  .strict()

export const CpeGeneratedPrompts = z
  .object({
    prompts: z.array(CpeGeneratedPrompt),
    /** Prompts are written even for an invalid config; the validation says whether it is one. */
    validation: CpeValidation,
  })
  .meta({ id: 'CpeGeneratedPrompts' })

export const CpeApplyPresetBody = z
  .object({
    /** The config to apply the preset over (an empty config when absent). */
    config: CpeConfig.optional(),
    presetId: z.string().min(1).max(100),
  })
  .strict()

export const CpeAppliedPreset = z
  .object({
    config: CpeConfig,
    /** Fields the preset locks while it is applied. */
    locks: z.array(CpeFieldPath),
    validation: CpeValidation,
  })
  .meta({ id: 'CpeAppliedPreset' })

export const cpeEngineRoutes = {
  validateCpeConfig: defineRoute({
    method: 'POST',
    path: '/api/cpe/validate',
    summary: 'Check a CPE config against every rule',
    tags: ['cpe'],
    access: access.authenticated,
    body: CpeConfigBody,
    response: CpeValidation,
  }),
  cpeOptions: defineRoute({
    method: 'POST',
    path: '/api/cpe/options',
    summary: 'Values still allowed per field, and why the others are not',
    tags: ['cpe'],
    access: access.authenticated,
    body: CpeOptionsBody,
    response: CpeOptions,
  }),
  generateCpePrompt: defineRoute({
    method: 'POST',
    path: '/api/cpe/generate-prompt',
    summary: 'Prompt, negative prompt and parameters for one or every target model',
    tags: ['cpe'],
    access: access.authenticated,
    body: CpeGeneratePromptBody,
    response: CpeGeneratedPrompts,
  }),
  applyCpePreset: defineRoute({
    method: 'POST',
    path: '/api/cpe/apply-preset',
    summary: 'Fill a config from a preset; reports the fields the preset locks',
    tags: ['cpe'],
    access: access.authenticated,
    body: CpeApplyPresetBody,
    response: CpeAppliedPreset,
  }),
}
