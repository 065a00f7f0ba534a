// Read side of the CPE reference data: filters over the catalog records for the API.
import type {
  CpeAspectRatioQuery,
  CpeCameraQuery,
  CpeFormatQuery,
  CpeLensQuery,
  CpeLightQuery,
  CpePresetQuery,
  CpePresetSummary,
  CpeRuleQuery,
  CpeStockQuery,
  CpeSupportQuery,
} from '@aipipeline/contracts'
import { type Availability, type Catalog, listRules, type Preset } from '@aipipeline/cpe'
import { NotFound } from '@aipipeline/domain'
import type { z } from 'zod'

type Query<T extends z.ZodType> = z.output<T>

interface Listing<T> {
  items: T[]
  total: number
}

function listing<T>(items: T[]): Listing<T> {
  return { items, total: items.length }
}

/** Whether a record could be used in `year`; no year means no filter. */
function availableIn(availability: Availability, year: number | undefined): boolean {
  if (year === undefined) return true
  return availability.from <= year && (availability.to === null || availability.to >= year)
}

const same = (a: string, b: string | undefined) => b === undefined || a.toLowerCase() === b.toLowerCase()
const contains = (texts: readonly string[], q: string | undefined) =>
  q === undefined || texts.some((t) => t.toLowerCase().includes(q.toLowerCase()))

/** A preset as the list shows it. */
export function presetSummary(preset: Preset): CpePresetSummary {
  const live = preset.kind === 'live-action'
  return {
    id: preset.id,
    kind: preset.kind,
    title: live ? preset.title : preset.name,
    year: live ? preset.year : null,
    director: live ? preset.director : null,
    cinematographer: live ? preset.cinematographer : null,
    locks: [...preset.locks],
    confidence: preset.confidence,
  }
}

function presetMatches(preset: Preset, q: Query<typeof CpePresetQuery>): boolean {
  if (q.kind !== undefined && preset.kind !== q.kind) return false
  const year = preset.kind === 'live-action' ? preset.year : undefined
  // Eras are release years; animation styles have none, so any era filter leaves them out.
  if (q.decade !== undefined && (year === undefined || year < q.decade || year > q.decade + 9)) return false
  if (q.from !== undefined && (year === undefined || year < q.from)) return false
  if (q.to !== undefined && (year === undefined || year > q.to)) return false
  const texts =
    preset.kind === 'live-action' ? [preset.title, preset.director, preset.cinematographer] : [preset.name, preset.id]
  return contains(texts, q.q)
}

/** The catalog read endpoints' logic, over a lazily parsed catalog. */
export function createCpeCatalogService(catalog: () => Catalog) {
  const records = () => catalog().records
  return {
    cameras(q: Query<typeof CpeCameraQuery>) {
      return listing(
        records().cameras.filter(
          (c) =>
            (q.medium === undefined || c.medium === q.medium) &&
            same(c.maker, q.maker) &&
            availableIn(c.availability, q.year) &&
            (q.mount === undefined || c.mountIds.includes(q.mount)),
        ),
      )
    },
    lenses(q: Query<typeof CpeLensQuery>) {
      return listing(
        records().lenses.filter(
          (l) =>
            same(l.maker, q.maker) &&
            availableIn(l.availability, q.year) &&
            (q.mount === undefined || l.mountIds.includes(q.mount)) &&
            (q.optics === undefined || l.optics === q.optics),
        ),
      )
    },
    stocks(q: Query<typeof CpeStockQuery>) {
      return listing(
        records().filmStocks.filter(
          (s) =>
            same(s.maker, q.maker) &&
            availableIn(s.availability, q.year) &&
            (q.gauge === undefined || s.gauges.includes(q.gauge)) &&
            (q.type === undefined || s.type === q.type),
        ),
      )
    },
    lights(q: Query<typeof CpeLightQuery>) {
      return listing(
        records().lightSources.filter(
          (l) =>
            availableIn(l.availability, q.year) &&
            (q.kind === undefined || l.kind === q.kind) &&
            (q.practical === undefined || l.practical === q.practical),
        ),
      )
    },
    supports(q: Query<typeof CpeSupportQuery>) {
      return listing(
        records().supports.filter(
          (s) =>
            availableIn(s.availability, q.year) &&
            (q.class === undefined || s.class === q.class) &&
            (q.minPayloadKg === undefined || s.maxPayloadKg >= q.minPayloadKg),
        ),
      )
    },
    aspectRatios(q: Query<typeof CpeAspectRatioQuery>) {
      return listing(records().aspectRatios.filter((a) => availableIn(a.availability, q.year)))
    },
    formats(q: Query<typeof CpeFormatQuery>) {
      return listing(
        records().captureFormats.filter(
          (f) =>
            (q.medium === undefined || f.medium === q.medium) &&
            (q.gauge === undefined || f.gauge === q.gauge) &&
            availableIn(f.availability, q.year),
        ),
      )
    },
    rules(q: Query<typeof CpeRuleQuery>) {
      return listing(
        listRules()
          .filter(
            (r) =>
              (q.severity === undefined || r.severity === q.severity) &&
              (q.field === undefined || r.fields.includes(q.field)),
          )
          .map((r) => ({ ...r, fields: [...r.fields] })),
      )
    },
    presets(q: Query<typeof CpePresetQuery>) {
      return listing(
        records()
          .presets.filter((p) => presetMatches(p, q))
          .map(presetSummary),
      )
    },
    preset(id: string): Preset {
      const preset = catalog().presets.get(id)
      if (preset === undefined) throw new NotFound('preset', id)
      return preset
    },
  }
}

export type CpeCatalogService = ReturnType<typeof createCpeCatalogService>
