// Read-only CPE reference data: gear, looks and rules, with the filters a client needs to build
// its own pickers. Records are served as the engine's schemas define them (sources included).
import {
  AspectRatio,
  CameraBody,
  CameraSupport,
  CaptureFormat,
  FilmStock,
  Gauge,
  LensFamily,
  LightKind,
  LightSource,
  Medium,
  Preset,
  StockType,
  SupportClass,
} from '@aipipeline/cpe'
import { access } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'
import { CpeFieldPath, CpeLocalizedText, CpeSeverity } from './cpe-engine.contract'

/** A year the record must have been available in (production year of the shot). */
const YearQuery = z.coerce.number().int().min(1880).max(2100)
const Text = z.string().trim().min(1).max(100)
const BooleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true')

const list = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ items: z.array(item), total: z.number().int().nonnegative() }).meta({ id })

export const CpeCameraQuery = z
  .object({ medium: Medium.optional(), maker: Text.optional(), year: YearQuery.optional(), mount: Text.optional() })
  .strict()
export const CpeLensQuery = z
  .object({
    maker: Text.optional(),
    year: YearQuery.optional(),
    mount: Text.optional(),
    optics: z.enum(['spherical', 'anamorphic']).optional(),
  })
  .strict()
export const CpeStockQuery = z
  .object({ maker: Text.optional(), year: YearQuery.optional(), gauge: Gauge.optional(), type: StockType.optional() })
  .strict()
export const CpeLightQuery = z
  .object({ year: YearQuery.optional(), kind: LightKind.optional(), practical: BooleanQuery.optional() })
  .strict()
export const CpeSupportQuery = z
  .object({
    year: YearQuery.optional(),
    class: SupportClass.optional(),
    /** Only supports rated for at least this payload, in kg. */
    minPayloadKg: z.coerce.number().positive().max(1000).optional(),
  })
  .strict()
export const CpeAspectRatioQuery = z.object({ year: YearQuery.optional() }).strict()
export const CpeFormatQuery = z
  .object({ medium: Medium.optional(), gauge: Gauge.optional(), year: YearQuery.optional() })
  .strict()
export const CpeRuleQuery = z.object({ severity: CpeSeverity.optional(), field: CpeFieldPath.optional() }).strict()

export const CpeRule = z
  .object({
    id: z.string(),
    severity: CpeSeverity,
    fields: z.array(CpeFieldPath),
    explanation: z.string(),
    sampleMessage: CpeLocalizedText,
  })
  .meta({ id: 'CpeRule' })

export const CpePresetKind = z.enum(['live-action', 'animation'])
export const CpePresetQuery = z
  .object({
    kind: CpePresetKind.optional(),
    /** First year of a decade, e.g. 1970 for the seventies (live-action release years). */
    decade: z.coerce
      .number()
      .int()
      .min(1880)
      .max(2100)
      .refine((d) => d % 10 === 0, 'a decade starts at a year ending in 0')
      .optional(),
    /** Release years from … to (inclusive), for eras wider than a decade. */
    from: YearQuery.optional(),
    to: YearQuery.optional(),
    /** Case-insensitive search in title, director and cinematographer (or style name). */
    q: Text.optional(),
  })
  .strict()

export const CpePresetSummary = z
  .object({
    id: z.string(),
    kind: CpePresetKind,
    title: z.string(),
    /** Release year (live action); null for animation styles. */
    year: z.number().int().nullable(),
    director: z.string().nullable(),
    cinematographer: z.string().nullable(),
    locks: z.array(CpeFieldPath),
    confidence: z.enum(['high', 'medium', 'low']),
  })
  .meta({ id: 'CpePresetSummary' })
export type CpePresetSummary = z.infer<typeof CpePresetSummary>

export const CpePresetParams = z.object({ id: z.string().min(1).max(100) }).strict()

const catalogRoute = <Q extends z.ZodType, R extends z.ZodType>(path: string, summary: string, query: Q, response: R) =>
  defineRoute({ method: 'GET', path, summary, tags: ['cpe'], access: access.authenticated, query, response })

export const cpeCatalogRoutes = {
  listCpeCameras: catalogRoute(
    '/api/cpe/cameras',
    'Camera bodies (filter by medium, maker, year available, mount)',
    CpeCameraQuery,
    list(CameraBody, 'CpeCameraList'),
  ),
  listCpeLenses: catalogRoute(
    '/api/cpe/lenses',
    'Lens families (filter by maker, year, mount, optics)',
    CpeLensQuery,
    list(LensFamily, 'CpeLensList'),
  ),
  listCpeStocks: catalogRoute(
    '/api/cpe/stocks',
    'Film stocks (filter by maker, year, gauge, type)',
    CpeStockQuery,
    list(FilmStock, 'CpeStockList'),
  ),
  listCpeLights: catalogRoute(
    '/api/cpe/lights',
    'Light sources (filter by year, kind, practical)',
    CpeLightQuery,
    list(LightSource, 'CpeLightList'),
  ),
  listCpeSupports: catalogRoute(
    '/api/cpe/supports',
    'Camera supports (filter by year, class, payload)',
    CpeSupportQuery,
    list(CameraSupport, 'CpeSupportList'),
  ),
  listCpeAspectRatios: catalogRoute(
    '/api/cpe/aspect-ratios',
    'Aspect ratios (filter by year in use)',
    CpeAspectRatioQuery,
    list(AspectRatio, 'CpeAspectRatioList'),
  ),
  listCpeFormats: catalogRoute(
    '/api/cpe/formats',
    'Capture formats: film gates and sensors (filter by medium, gauge, year)',
    CpeFormatQuery,
    list(CaptureFormat, 'CpeFormatList'),
  ),
  listCpeRules: catalogRoute(
    '/api/cpe/rules',
    'Every rule with its severity, fields and a sample message',
    CpeRuleQuery,
    list(CpeRule, 'CpeRuleList'),
  ),
  listCpePresets: catalogRoute(
    '/api/cpe/presets',
    'Presets: film looks and animation styles (filter by kind, decade or era, search)',
    CpePresetQuery,
    list(CpePresetSummary, 'CpePresetList'),
  ),
  getCpePreset: defineRoute({
    method: 'GET',
    path: '/api/cpe/presets/:id',
    summary: 'One preset with its config, locks, gear and sources',
    tags: ['cpe'],
    access: access.authenticated,
    params: CpePresetParams,
    response: Preset,
  }),
}
