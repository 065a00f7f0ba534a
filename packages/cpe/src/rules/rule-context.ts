// Resolves a config's ids against the catalog once per evaluation, so rules stay lookups-free.
import type { Catalog } from '../catalog/catalog'
import type { CaptureFormat, LightSource } from '../catalog/catalog.schema'
import type { ConfigFieldPath, CpeConfig } from '../config/cpe-config.schema'
import type { AnimationStyle } from '../presets/preset.schema'
import type { RuleContext, UnknownReference } from './rule.types'

function lookup<T>(
  map: ReadonlyMap<string, T>,
  id: string | undefined,
  field: ConfigFieldPath,
  unknown: UnknownReference[],
): T | undefined {
  if (id === undefined) return undefined
  const found = map.get(id)
  if (found === undefined) unknown.push({ field, id })
  return found
}

function lookupAll(
  map: ReadonlyMap<string, LightSource>,
  ids: readonly string[],
  field: ConfigFieldPath,
  unknown: UnknownReference[],
): LightSource[] {
  const out: LightSource[] = []
  for (const id of ids) {
    const found = map.get(id)
    if (found === undefined) unknown.push({ field, id })
    else out.push(found)
  }
  return out
}

/** Looks up every id of a parsed config in the catalog. */
export function buildContext(config: CpeConfig, catalog: Catalog): RuleContext {
  const unknown: UnknownReference[] = []
  const cam = config.camera
  const body = lookup(catalog.cameras, cam.bodyId, 'camera.bodyId', unknown)
  const chosenFormat = lookup(catalog.captureFormats, cam.formatId, 'camera.formatId', unknown)
  const defaultFormatId = body?.formatIds[0]
  const format =
    chosenFormat ?? (defaultFormatId === undefined ? undefined : catalog.captureFormats.get(defaultFormatId))
  const preset = lookup(catalog.presets, config.presetId, 'presetId', unknown)
  const styleRecord = lookup(catalog.presets, config.animation.styleId, 'animation.styleId', unknown)
  const style: AnimationStyle | undefined = styleRecord?.kind === 'animation' ? styleRecord : undefined
  return {
    config,
    catalog,
    body,
    format,
    lens: lookup(catalog.lenses, cam.lensId, 'camera.lensId', unknown),
    stock: lookup(catalog.filmStocks, config.film.stockId, 'film.stockId', unknown),
    support: lookup(catalog.supports, cam.supportId, 'camera.supportId', unknown),
    aspect: lookup(catalog.aspectRatios, cam.aspectRatioId, 'camera.aspectRatioId', unknown),
    sources: lookupAll(catalog.lightSources, config.lighting.sourceIds, 'lighting.sourceIds', unknown),
    practicals: lookupAll(catalog.lightSources, config.lighting.practicalIds, 'lighting.practicalIds', unknown),
    preset,
    style,
    unknown,
  }
}

/** Record names in messages: the catalog's display names, which never repeat the maker. */
export {
  cameraDisplayName as bodyName,
  lensDisplayName as lensName,
  stockDisplayName as stockName,
} from '../catalog/display-name'

/** Diagonal of a gate or sensor in mm: the image circle a lens must cover. */
export const diagonalMm = (f: CaptureFormat): number => Math.hypot(f.widthMm, f.heightMm)

/** Crop factor against full frame (36 mm wide), per research §2.1. */
export const cropFactor = (f: CaptureFormat): number => 36 / f.widthMm

/** Camera body + one lens, in kg: what a support has to carry before accessories. */
export function rigWeightKg(ctx: RuleContext): number | undefined {
  if (ctx.body === undefined) return undefined
  return ctx.body.weightKg + (ctx.lens?.typicalWeightKg ?? 0)
}

export const round1 = (n: number): number => Math.round(n * 10) / 10
export const round2 = (n: number): number => Math.round(n * 100) / 100
