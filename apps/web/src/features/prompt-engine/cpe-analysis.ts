// Everything the panel shows about a config, computed in the browser by the engine itself:
// rule violations, the choices still open per field, the preset's locks and the prompts.
import {
  type Catalog,
  type ConfigFieldPath,
  CpeConfig,
  evaluate,
  type FieldOptions,
  type FormattedPrompt,
  formatPrompt,
  optionsFor,
  type Preset,
  statusOf,
  TARGET_MODELS,
  type TargetModelId,
  type Violation,
} from '@aipipeline/cpe'

export interface PanelAnalysis {
  config: CpeConfig
  /** Why the given value could not be read (then `config` is an empty one); null when it could. */
  malformed: string | null
  status: 'valid' | 'warning' | 'invalid'
  violations: Violation[]
  options: Partial<Record<ConfigFieldPath, FieldOptions>>
  preset: Preset | undefined
  locks: ReadonlySet<ConfigFieldPath>
}

/** Parses, validates and lists options for a config as a shot stores it. */
export function analyseConfig(value: unknown, catalog: Catalog): PanelAnalysis {
  const parsed = CpeConfig.safeParse(value ?? {})
  const config = parsed.success ? parsed.data : CpeConfig.parse({})
  const malformed = parsed.success
    ? null
    : parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`).join('; ')
  const violations = evaluate(config, catalog)
  const preset = config.presetId === undefined ? undefined : catalog.presets.get(config.presetId)
  return {
    config,
    malformed,
    status: statusOf(violations),
    violations,
    options: optionsFor(config, catalog),
    preset,
    locks: new Set(preset?.locks ?? []),
  }
}

export interface ModelPrompt extends FormattedPrompt {
  model: TargetModelId
  name: string
  output: 'image' | 'video'
}

/** The prompt for every target model (each takes microseconds, so all are written at once). */
export function promptsFor(config: CpeConfig, catalog: Catalog): ModelPrompt[] {
  return TARGET_MODELS.map((m) => ({
    model: m.id,
    name: m.name,
    output: m.output,
    ...formatPrompt(m.id, config, catalog),
  }))
}
