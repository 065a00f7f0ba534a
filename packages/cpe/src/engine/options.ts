// options(): for each enumerable field, which values the user may still pick, and for each value
// that a HARD rule excludes, the rule and its message (shown on hover over a greyed-out choice).
import { type Catalog, defaultCatalog } from '../catalog/catalog'
import {
  CameraAngle,
  CameraMovement,
  ColourTone,
  Composition,
  LightingStyle,
  Mood,
  ShotSize,
  TimeOfDay,
  Weather,
} from '../catalog/enums'
import { AnimationMotion, type ConfigFieldPath, CpeConfig } from '../config/cpe-config.schema'
import { mergePreset } from '../presets/apply-preset'
import { readField, withField } from '../rules/field-access'
import type { LocalizedText } from '../rules/rule.types'
import { buildContext } from '../rules/rule-context'
import { HARD_RULES_BY_FIELD } from '../rules/rule-registry'
import { type MalformedConfig, malformed, runRule } from './validate'

export type OptionValue = string | number | boolean

export interface OptionReason {
  ruleId: string
  message: LocalizedText
}

export interface FieldOptions {
  allowed: OptionValue[]
  disallowed: { value: OptionValue; reasons: OptionReason[] }[]
}

export type OptionsResult = { status: 'ok'; fields: Partial<Record<ConfigFieldPath, FieldOptions>> } | MalformedConfig

/** Common cine focal lengths (mm) offered when no lens family narrows the choice. */
const COMMON_FOCALS = [12, 14, 16, 18, 21, 24, 25, 28, 32, 35, 40, 50, 65, 75, 85, 100, 135, 150, 200, 300]
/** Common shooting frame rates (fps). */
const COMMON_FPS = [12, 16, 18, 24, 25, 30, 48, 50, 60, 96, 120, 180, 240]

type Candidates = Map<ConfigFieldPath, readonly OptionValue[]>

const staticCandidates = new WeakMap<Catalog, Candidates>()

function catalogCandidates(catalog: Catalog): Candidates {
  const cached = staticCandidates.get(catalog)
  if (cached !== undefined) return cached
  const r = catalog.records
  const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id)
  const map: Candidates = new Map<ConfigFieldPath, readonly OptionValue[]>([
    ['kind', ['live-action', 'animation']],
    ['presetId', ids(r.presets)],
    ['camera.bodyId', ids(r.cameras)],
    ['camera.formatId', ids(r.captureFormats)],
    ['camera.lensId', ids(r.lenses)],
    ['camera.supportId', ids(r.supports)],
    ['camera.aspectRatioId', ids(r.aspectRatios)],
    ['camera.fps', COMMON_FPS],
    ['film.stockId', ids(r.filmStocks)],
    ['lighting.sourceIds', ids(r.lightSources)],
    ['lighting.practicalIds', ids(r.lightSources.filter((l) => l.practical))],
    ['lighting.style', LightingStyle.options],
    ['lighting.timeOfDay', TimeOfDay.options],
    ['lighting.weather', Weather.options],
    ['lighting.interior', [true, false]],
    ['shot.size', ShotSize.options],
    ['shot.angle', CameraAngle.options],
    ['shot.movement', CameraMovement.options],
    ['shot.composition', Composition.options],
    ['look.mood', Mood.options],
    ['look.colourTone', ColourTone.options],
    ['animation.styleId', ids(r.presets.filter((p) => p.kind === 'animation'))],
    ['animation.motion', AnimationMotion.options],
  ])
  staticCandidates.set(catalog, map)
  return map
}

/** Focal lengths worth offering: the prime set, or common lengths within a zoom's range. */
function focalCandidates(config: CpeConfig, catalog: Catalog): readonly number[] {
  const lens = config.camera.lensId === undefined ? undefined : catalog.lenses.get(config.camera.lensId)
  if (lens === undefined) return COMMON_FOCALS
  if (lens.kind === 'prime') return lens.focalLengthsMm
  const lo = Math.min(...lens.focalLengthsMm)
  const hi = Math.max(...lens.focalLengthsMm)
  return [lo, ...COMMON_FOCALS.filter((f) => f > lo && f < hi), hi]
}

/**
 * The config after picking `value` for `field`: list fields add the id, a preset is applied
 * (its locked fields take its values), anything else is replaced.
 */
export function withOption(config: CpeConfig, field: ConfigFieldPath, value: OptionValue, catalog: Catalog): CpeConfig {
  if (field === 'lighting.sourceIds' || field === 'lighting.practicalIds') {
    const current = readField(config, field)
    const list = Array.isArray(current) ? current : []
    return list.includes(value) ? config : withField(config, field, [...list, value])
  }
  if (field === 'presetId' && typeof value === 'string') {
    const preset = catalog.presets.get(value)
    if (preset !== undefined) return mergePreset(config, preset)
  }
  return withField(config, field, value)
}

function reasonsFor(config: CpeConfig, field: ConfigFieldPath, value: OptionValue, catalog: Catalog): OptionReason[] {
  const rules = HARD_RULES_BY_FIELD.get(field) ?? []
  if (rules.length === 0) return []
  const ctx = buildContext(withOption(config, field, value, catalog), catalog)
  const reasons: OptionReason[] = []
  for (const rule of rules) {
    const v = runRule(rule, ctx)
    if (v?.fields.includes(field)) reasons.push({ ruleId: v.ruleId, message: v.message })
  }
  return reasons
}

/** Allowed and excluded values per field of a parsed config. */
export function optionsFor(config: CpeConfig, catalog: Catalog): Partial<Record<ConfigFieldPath, FieldOptions>> {
  const fields: Partial<Record<ConfigFieldPath, FieldOptions>> = {}
  const candidates = catalogCandidates(catalog)
  const all: [ConfigFieldPath, readonly OptionValue[]][] = [
    ...candidates,
    ['camera.focalLengthMm', focalCandidates(config, catalog)],
  ]
  for (const [field, values] of all) {
    const out: FieldOptions = { allowed: [], disallowed: [] }
    for (const value of values) {
      const reasons = reasonsFor(config, field, value, catalog)
      if (reasons.length === 0) out.allowed.push(value)
      else out.disallowed.push({ value, reasons })
    }
    fields[field] = out
  }
  return fields
}

/** Options for every enumerable field of a config (as a user writes it); never throws. */
export function options(config: unknown, catalog: Catalog = defaultCatalog()): OptionsResult {
  const parsed = CpeConfig.safeParse(config)
  if (!parsed.success) return malformed(parsed.error)
  return { status: 'ok', fields: optionsFor(parsed.data, catalog) }
}
