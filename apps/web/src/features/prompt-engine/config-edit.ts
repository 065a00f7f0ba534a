// Immutable edits of a CPE config as the panel makes them. Clearing a choice removes the key,
// so the stored settings hold only what the user picked.
import { applyPreset, type Catalog, type CpeConfig } from '@aipipeline/cpe'

type Section = 'camera' | 'film' | 'lighting' | 'shot' | 'look' | 'animation' | 'content'

/** Sets (or, with `undefined`, removes) keys of one section. */
export function patchSection<S extends Section>(
  config: CpeConfig,
  section: S,
  patch: Partial<CpeConfig[S]>,
): CpeConfig {
  const next: Record<string, unknown> = { ...config[section] }
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key]
    else next[key] = value
  }
  // Only keys of this section's own type were written, so the section keeps its shape.
  return { ...config, [section]: next as CpeConfig[S] }
}

/** Sets or clears a year; NaN and out-of-range input clear it rather than storing nonsense. */
export function setYear(config: CpeConfig, field: 'productionYear' | 'storyYear', year: number | undefined): CpeConfig {
  const next = { ...config }
  if (year === undefined || !Number.isInteger(year) || year < 1880 || year > 2100) delete next[field]
  else next[field] = year
  return next
}

/**
 * Picks a camera body. A capture format belongs to a body, so one the new body cannot record is
 * cleared instead of being left behind as a violation the user did not cause.
 */
export function selectCameraBody(config: CpeConfig, bodyId: string | undefined, catalog: Catalog): CpeConfig {
  const body = bodyId === undefined ? undefined : catalog.cameras.get(bodyId)
  const formatId = config.camera.formatId
  const keepFormat = formatId !== undefined && (body?.formatIds.includes(formatId) ?? false)
  // A stock on a digital body is left in place: the rules then tell the user why it cannot be.
  return patchSection(config, 'camera', { bodyId, formatId: keepFormat ? formatId : undefined })
}

/** Picks a lens family; a focal length outside its range is cleared. */
export function selectLens(config: CpeConfig, lensId: string | undefined, catalog: Catalog): CpeConfig {
  const lens = lensId === undefined ? undefined : catalog.lenses.get(lensId)
  const focal = config.camera.focalLengthMm
  let keepFocal = focal !== undefined
  if (lens !== undefined && focal !== undefined) {
    const lo = Math.min(...lens.focalLengthsMm)
    const hi = Math.max(...lens.focalLengthsMm)
    keepFocal = lens.kind === 'prime' ? lens.focalLengthsMm.includes(focal) : focal >= lo && focal <= hi
  }
  return patchSection(config, 'camera', { lensId, focalLengthMm: keepFocal ? focal : undefined })
}

/**
 * Applies a preset to the shot. Gear and look start fresh from the preset, because leftovers of
 * the previous look (its stock, its camera) would mix two films; the shot's content stays.
 */
export function choosePreset(config: CpeConfig, presetId: string | undefined, catalog: Catalog): CpeConfig {
  if (presetId === undefined) {
    const next = { ...config }
    delete next.presetId
    return next
  }
  return applyPreset({ content: config.content }, presetId, catalog).config
}

/** Adds or removes ids of a light list, keeping the user's order. */
export function setLightIds(config: CpeConfig, field: 'sourceIds' | 'practicalIds', ids: readonly string[]): CpeConfig {
  return patchSection(config, 'lighting', { [field]: [...new Set(ids)] })
}
