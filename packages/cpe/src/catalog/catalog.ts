// The reference data the engine reasons over. The engine takes a Catalog as an argument so
// tests can build small ones; `defaultCatalog()` parses the shipped JSON once.
import { z } from 'zod'
import aspectRatiosJson from '../../data/aspect-ratios.json'
import camerasJson from '../../data/cameras.json'
import captureFormatsJson from '../../data/capture-formats.json'
import filmStocksJson from '../../data/film-stocks.json'
import lensesJson from '../../data/lenses.json'
import lightSourcesJson from '../../data/light-sources.json'
import mountsJson from '../../data/mounts.json'
import animationPresetsJson from '../../data/presets-animation.json'
import liveActionPresetsJson from '../../data/presets-live-action.json'
import supportsJson from '../../data/supports.json'
import { AnimationStyle, LiveActionPreset, type Preset } from '../presets/preset.schema'
import {
  AspectRatio,
  CameraBody,
  CameraSupport,
  CaptureFormat,
  FilmStock,
  LensFamily,
  LensMount,
  LightSource,
} from './catalog.schema'

export interface CatalogRecords {
  mounts: LensMount[]
  captureFormats: CaptureFormat[]
  aspectRatios: AspectRatio[]
  cameras: CameraBody[]
  lenses: LensFamily[]
  supports: CameraSupport[]
  filmStocks: FilmStock[]
  lightSources: LightSource[]
  presets: Preset[]
}

type ById<T> = ReadonlyMap<string, T>

/** Records indexed by id. */
export interface Catalog {
  records: CatalogRecords
  mounts: ById<LensMount>
  captureFormats: ById<CaptureFormat>
  aspectRatios: ById<AspectRatio>
  cameras: ById<CameraBody>
  lenses: ById<LensFamily>
  supports: ById<CameraSupport>
  filmStocks: ById<FilmStock>
  lightSources: ById<LightSource>
  presets: ById<Preset>
}

function index<T extends { id: string }>(kind: string, items: T[]): ById<T> {
  const map = new Map<string, T>()
  for (const item of items) {
    if (map.has(item.id)) throw new Error(`duplicate ${kind} id "${item.id}"`)
    map.set(item.id, item)
  }
  return map
}

/** Builds a catalog from records (partial record sets are allowed, for tests). */
export function createCatalog(records: Partial<CatalogRecords>): Catalog {
  const full: CatalogRecords = {
    mounts: records.mounts ?? [],
    captureFormats: records.captureFormats ?? [],
    aspectRatios: records.aspectRatios ?? [],
    cameras: records.cameras ?? [],
    lenses: records.lenses ?? [],
    supports: records.supports ?? [],
    filmStocks: records.filmStocks ?? [],
    lightSources: records.lightSources ?? [],
    presets: records.presets ?? [],
  }
  return {
    records: full,
    mounts: index('mount', full.mounts),
    captureFormats: index('capture format', full.captureFormats),
    aspectRatios: index('aspect ratio', full.aspectRatios),
    cameras: index('camera', full.cameras),
    lenses: index('lens', full.lenses),
    supports: index('support', full.supports),
    filmStocks: index('film stock', full.filmStocks),
    lightSources: index('light source', full.lightSources),
    presets: index('preset', full.presets),
  }
}

/** Parses the shipped data files; a bad record throws with its file and path. */
export function parseShippedRecords(): CatalogRecords {
  const parse = <T>(file: string, schema: z.ZodType<T>, json: unknown): T[] => {
    const result = z.array(schema).safeParse(json)
    if (!result.success) throw new Error(`data/${file}.json: ${z.prettifyError(result.error)}`)
    return result.data
  }
  return {
    mounts: parse('mounts', LensMount, mountsJson),
    captureFormats: parse('capture-formats', CaptureFormat, captureFormatsJson),
    aspectRatios: parse('aspect-ratios', AspectRatio, aspectRatiosJson),
    cameras: parse('cameras', CameraBody, camerasJson),
    lenses: parse('lenses', LensFamily, lensesJson),
    supports: parse('supports', CameraSupport, supportsJson),
    filmStocks: parse('film-stocks', FilmStock, filmStocksJson),
    lightSources: parse('light-sources', LightSource, lightSourcesJson),
    presets: [
      ...parse('presets-live-action', LiveActionPreset, liveActionPresetsJson),
      ...parse('presets-animation', AnimationStyle, animationPresetsJson),
    ],
  }
}

let shipped: Catalog | undefined
/** The catalog shipped with the package, parsed on first use. */
export function defaultCatalog(): Catalog {
  shipped ??= createCatalog(parseShippedRecords())
  return shipped
}
