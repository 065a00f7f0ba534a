// A small, hand-written catalog for engine and formatter tests, independent of the shipped data.
// Values are plausible but simplified; tests depend on the relations between records, not on facts.
import { type Catalog, createCatalog } from '../catalog/catalog'
import { aspectRatios, cameras, captureFormats, lenses, mounts } from './gear-records.fixture'
import { filmStocks, lightSources, presets, supports } from './scene-records.fixture'

/** The test catalog (built once; records are never mutated). */
export const fixtureCatalog: Catalog = createCatalog({
  mounts,
  captureFormats,
  aspectRatios,
  cameras,
  lenses,
  supports,
  filmStocks,
  lightSources,
  presets,
})
