// Reads and writes config fields by dotted path (for options(), preset locks and applyPreset).
import { CONFIG_FIELD_PATHS, type ConfigFieldPath, type CpeConfig } from '../config/cpe-config.schema'
import type { Preset } from '../presets/preset.schema'

type Segments = readonly [string] | readonly [string, string]

const SEGMENTS = new Map<ConfigFieldPath, Segments>(
  CONFIG_FIELD_PATHS.map((p) => {
    const [a = p, b] = p.split('.')
    return [p, b === undefined ? [a] : [a, b]]
  }),
)

function segments(path: ConfigFieldPath): Segments {
  return SEGMENTS.get(path) ?? [path]
}

const child = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined

/** The value at a dotted path of a (possibly partial) config, or undefined. */
export function readField(config: unknown, path: ConfigFieldPath): unknown {
  const [a, b] = segments(path)
  const top = child(config, a)
  return b === undefined ? top : child(top, b)
}

/** A copy of the config with one field replaced (sections are copied, never mutated). */
export function withField(config: CpeConfig, path: ConfigFieldPath, value: unknown): CpeConfig {
  const [a, b] = segments(path)
  const copy: Record<string, unknown> = { ...config }
  if (b === undefined) copy[a] = value
  else {
    const section = child(config, a)
    copy[a] = { ...(typeof section === 'object' && section !== null ? section : {}), [b]: value }
  }
  // The path comes from CONFIG_FIELD_PATHS and callers pass values of that field's type.
  return copy as CpeConfig
}

/** Equality for field values; arrays compare as sets and an empty array equals "unset". */
export function sameFieldValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = Array.isArray(a) ? a : []
    const y = Array.isArray(b) ? b : []
    return x.length === y.length && x.every((v) => y.includes(v))
  }
  return a === b
}

/** The value a preset sets for a field; identity fields come from the preset record itself. */
export function presetFieldValue(preset: Preset, path: ConfigFieldPath): unknown {
  if (path === 'kind') return preset.kind
  if (path === 'presetId') return preset.id
  const value = readField(preset.config, path)
  if (value !== undefined || preset.kind !== 'animation') return value
  if (path === 'animation.styleId') return preset.id
  if (path === 'animation.motion') return preset.motion
  return undefined
}
