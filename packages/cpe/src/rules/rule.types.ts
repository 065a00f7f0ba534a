// The shape of a CPE rule and of the violations the engine reports. A rule is pure: it reads a
// resolved context (config + catalog records) and returns details naming the offending values,
// which its message templates turn into English and Korean text.

import type { Catalog } from '../catalog/catalog'
import type {
  AspectRatio,
  CameraBody,
  CameraSupport,
  CaptureFormat,
  FilmStock,
  LensFamily,
  LightSource,
} from '../catalog/catalog.schema'
import type { ConfigFieldPath, CpeConfig } from '../config/cpe-config.schema'
import type { AnimationStyle, Preset } from '../presets/preset.schema'

/** HARD blocks a config, SOFT warns, INFO advises. */
export type Severity = 'hard' | 'soft' | 'info'

export interface LocalizedText {
  en: string
  ko: string
}

/** An id in the config that names no catalog record. */
export interface UnknownReference {
  field: ConfigFieldPath
  id: string
}

/** A config with its catalog records looked up once, shared by every rule. */
export interface RuleContext {
  config: CpeConfig
  catalog: Catalog
  body: CameraBody | undefined
  /** The chosen format, or the body's first format when none is chosen. */
  format: CaptureFormat | undefined
  lens: LensFamily | undefined
  stock: FilmStock | undefined
  support: CameraSupport | undefined
  aspect: AspectRatio | undefined
  sources: LightSource[]
  practicals: LightSource[]
  preset: Preset | undefined
  style: AnimationStyle | undefined
  unknown: UnknownReference[]
}

/**
 * One rule. Methods (not arrow properties) on purpose: a `Rule<SpecificDetails>` must be storable
 * in a `Rule<unknown>` registry, and the engine only ever feeds `message` what `check` returned.
 */
export interface Rule<D> {
  id: string
  severity: Severity
  /** Every field the rule reads; options() re-checks a rule when one of these changes. */
  fields: readonly ConfigFieldPath[]
  /** Why the rule exists, in plain English (for the rules reference page). */
  explanation: string
  message: {
    en(details: D): string
    ko(details: D): string
  }
  /** Details when the config violates the rule, null when it does not. */
  check(ctx: RuleContext): D | null
  /** Narrows the reported fields to those the details blame (default: all `fields`). */
  blame?(details: D): readonly ConfigFieldPath[]
  /** Example details, used to show sample messages in listRules(). */
  sample: D
}

export type AnyRule = Rule<unknown>

export interface Violation {
  ruleId: string
  severity: Severity
  fields: readonly ConfigFieldPath[]
  message: LocalizedText
  explanation: string
  /** Set when the applied preset documents this violation as part of its look (the reason). */
  intendedByPreset?: string
}

/** Identity helper that infers a rule's details type from `check`. */
export function defineRule<D>(rule: Rule<D>): Rule<D> {
  return rule
}
