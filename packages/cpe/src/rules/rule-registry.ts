// Every rule, indexed by id and by the fields it reads (options() re-checks only those).
import { CONFIG_FIELD_PATHS, type ConfigFieldPath } from '../config/cpe-config.schema'
import { ANIMATION_RULES } from './animation.rules'
import { FILM_RULES } from './film.rules'
import { FRAMING_RULES } from './framing.rules'
import { LIGHTING_RULES } from './lighting.rules'
import { LOOK_RULES } from './look.rules'
import { OPTICS_RULES } from './optics.rules'
import { FOCAL_RULES } from './optics-focal.rules'
import { FORMAT_RULES } from './optics-format.rules'
import { PERIOD_RULES } from './period.rules'
import { PRESET_RULES } from './preset.rules'
import { REFERENCE_RULES } from './reference.rules'
import { RIGGING_RULES } from './rigging.rules'
import type { AnyRule, LocalizedText, Severity } from './rule.types'

export const ALL_RULES: readonly AnyRule[] = [
  ...REFERENCE_RULES,
  ...OPTICS_RULES,
  ...FOCAL_RULES,
  ...FORMAT_RULES,
  ...FILM_RULES,
  ...PERIOD_RULES,
  ...RIGGING_RULES,
  ...LIGHTING_RULES,
  ...FRAMING_RULES,
  ...LOOK_RULES,
  ...ANIMATION_RULES,
  ...PRESET_RULES,
]

export const RULES_BY_ID: ReadonlyMap<string, AnyRule> = new Map(ALL_RULES.map((r) => [r.id, r]))
if (RULES_BY_ID.size !== ALL_RULES.length) throw new Error('duplicate rule id')

/** Hard rules per field: the ones that can exclude a value in options(). */
export const HARD_RULES_BY_FIELD: ReadonlyMap<ConfigFieldPath, readonly AnyRule[]> = new Map(
  CONFIG_FIELD_PATHS.map((f) => [f, ALL_RULES.filter((r) => r.severity === 'hard' && r.fields.includes(f))]),
)

export interface RuleDescription {
  id: string
  severity: Severity
  fields: readonly ConfigFieldPath[]
  explanation: string
  sampleMessage: LocalizedText
}

const descriptions: readonly RuleDescription[] = ALL_RULES.map((r) => ({
  id: r.id,
  severity: r.severity,
  fields: r.fields,
  explanation: r.explanation,
  sampleMessage: { en: r.message.en(r.sample), ko: r.message.ko(r.sample) },
}))

/** Every rule with its severity, fields, explanation and a sample message (for the API). */
export function listRules(): readonly RuleDescription[] {
  return descriptions
}
