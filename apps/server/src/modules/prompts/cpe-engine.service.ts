// The CPE engine behind the API: one call into packages/cpe per endpoint, with the engine's
// "malformed" result turned into a 400 and unknown presets into a 404.
import type { CpeGeneratedPrompt, CpeValidation } from '@aipipeline/contracts'
import {
  applyPreset,
  type Catalog,
  type ConfigFieldPath,
  type CpeConfig,
  type FieldOptions,
  formatPrompt,
  type MalformedConfig,
  options,
  TARGET_MODELS,
  type TargetModelId,
  validate,
} from '@aipipeline/cpe'
import { NotFound, ValidationFailed } from '@aipipeline/domain'

/** A config the engine refused to read, reported with each field path under `prefix`. */
export function malformedConfig(result: MalformedConfig, prefix: string): ValidationFailed {
  const issues = result.error.issues.map((i) => ({
    path: [prefix, i.path].filter((p) => p !== '').join('.'),
    message: i.message,
  }))
  const first = issues[0]
  return new ValidationFailed(first ? `invalid config: ${first.path}: ${first.message}` : 'invalid config', issues)
}

/** Engine calls for the validate, options, generate-prompt and apply-preset endpoints. */
export function createCpeEngineService(catalog: () => Catalog) {
  function check(config: unknown): CpeValidation {
    const result = validate(config, catalog())
    if (result.status === 'malformed') throw malformedConfig(result, 'config')
    return { status: result.status, violations: result.violations.map((v) => ({ ...v, fields: [...v.fields] })) }
  }

  function prompt(model: TargetModelId, config: CpeConfig): CpeGeneratedPrompt {
    const target = TARGET_MODELS.find((m) => m.id === model)
    const formatted = formatPrompt(model, config, catalog())
    return {
      model,
      modelName: target?.name ?? model,
      output: target?.output ?? 'image',
      prompt: formatted.prompt,
      ...(formatted.negativePrompt === undefined ? {} : { negativePrompt: formatted.negativePrompt }),
      parameters: formatted.parameters,
      warnings: formatted.warnings,
    }
  }

  return {
    validate: check,
    options(config: CpeConfig, only?: readonly ConfigFieldPath[]) {
      const result = options(config, catalog())
      if (result.status === 'malformed') throw malformedConfig(result, 'config')
      if (only === undefined) return { fields: result.fields }
      const fields: Partial<Record<ConfigFieldPath, FieldOptions>> = {}
      for (const field of only) fields[field] = result.fields[field]
      return { fields }
    },
    generatePrompts(config: CpeConfig, model?: TargetModelId) {
      const models = model === undefined ? TARGET_MODELS.map((m) => m.id) : [model]
      return { prompts: models.map((m) => prompt(m, config)), validation: check(config) }
    },
    applyPreset(config: CpeConfig | undefined, presetId: string) {
      if (!catalog().presets.has(presetId)) throw new NotFound('preset', presetId)
      const applied = applyPreset(config ?? {}, presetId, catalog())
      return { config: applied.config, locks: applied.locks, validation: check(applied.config) }
    },
  }
}

export type CpeEngineService = ReturnType<typeof createCpeEngineService>
