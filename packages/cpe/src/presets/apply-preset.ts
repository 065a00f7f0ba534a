// applyPreset(): fill a config from a preset and report which fields the preset locks.
import { z } from 'zod'
import type { Catalog } from '../catalog/catalog'
import { type ConfigFieldPath, CpeConfig } from '../config/cpe-config.schema'
import { presetFieldValue, withField } from '../rules/field-access'
import type { Preset } from './preset.schema'

export interface AppliedPreset {
  config: CpeConfig
  locks: ConfigFieldPath[]
}

const SECTIONS = ['camera', 'film', 'lighting', 'shot', 'look', 'animation'] as const

/** Copies the defined, non-empty entries of `patch` over `base`. */
function overlay<T extends object>(base: T, patch: object | undefined): T {
  if (patch === undefined) return base
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(base))
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue
    out[key] = value
  }
  // Only keys of the same section schema are copied, so the shape is unchanged.
  return out as T
}

/** The parsed config with the preset's values on top and every locked field set to the preset's value. */
export function mergePreset(config: CpeConfig, preset: Preset): CpeConfig {
  let next: CpeConfig = { ...config, kind: preset.kind, presetId: preset.id }
  for (const section of SECTIONS) next = { ...next, [section]: overlay(next[section], preset.config[section]) }
  if (preset.config.productionYear !== undefined) next.productionYear = preset.config.productionYear
  if (preset.config.storyYear !== undefined) next.storyYear = preset.config.storyYear
  if (preset.kind === 'animation') {
    next = { ...next, animation: { ...next.animation, styleId: preset.id, motion: preset.motion } }
  }
  for (const path of preset.locks) next = withField(next, path, presetFieldValue(preset, path))
  return next
}

/**
 * Applies a preset. An unknown preset id is kept in the config (validate() then reports it as an
 * unknown reference) and locks nothing. Throws only when `config` itself is malformed.
 */
export function applyPreset(config: unknown, presetId: string, catalog: Catalog): AppliedPreset {
  const parsed = CpeConfig.safeParse(config)
  if (!parsed.success) throw new Error(`config is malformed: ${z.prettifyError(parsed.error)}`)
  const preset = catalog.presets.get(presetId)
  if (preset === undefined) return { config: { ...parsed.data, presetId }, locks: [] }
  return { config: mergePreset(parsed.data, preset), locks: [...preset.locks] }
}
