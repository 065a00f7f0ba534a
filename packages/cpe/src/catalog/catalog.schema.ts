// Schemas for the Cinematic Prompt Engine's reference data. Every record carries its
// sources and a confidence, because the data is only as useful as it is checkable.
// The JSON files in ../../data are parsed with these schemas in tests and at load time.
import { z } from 'zod'

/** H = documented by a primary or trade source, M = well attested, L = best guess. */
export const Confidence = z.enum(['high', 'medium', 'low'])
export type Confidence = z.infer<typeof Confidence>

/** A citation: a publication, manual, interview or page title; a URL where one exists. */
export const Source = z
  .object({
    title: z.string().min(3),
    url: z.string().url().optional(),
  })
  .strict()
export type Source = z.infer<typeof Source>

const sourced = {
  sources: z.array(Source).min(1),
  confidence: Confidence,
}

const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case id')
const Year = z.number().int().min(1880).max(2100)

/** Years a thing could be bought, rented or used; `to: null` means still available. */
export const Availability = z
  .object({ from: Year, to: Year.nullable() })
  .strict()
  .refine((a) => a.to === null || a.to >= a.from, 'availability ends before it starts')
export type Availability = z.infer<typeof Availability>

/**
 * Where a record's dates come from: the maker's announcement (press release, trade-show launch,
 * catalogue) as a publication title, with a URL where one was found. `verified: false` marks a
 * date kept from earlier research that has not yet been checked against such a source. `note`
 * names a second source behind a checked date, or for an unchecked one what was searched without
 * finding a source, so the next check does not repeat it.
 */
export const DateSource = z
  .object({
    title: z.string().min(3),
    url: z.string().url().optional(),
    verified: z.boolean(),
    note: z.string().min(10).optional(),
  })
  .strict()
export type DateSource = z.infer<typeof DateSource>

/**
 * The dates of gear that was announced, delivered and later retired (cameras, lenses, film stocks,
 * light sources). `from` is the announcement (for a stock its introduction, for a light its first
 * presentation to the trade): the year productions plan with, so the period rules block only
 * before it. `firstDelivery` is when customers (or rental houses) first received it; in between,
 * the gear is real but scarce, which the rules warn about. `to` is the end of use on productions:
 * a discontinued stock, a light that sets stopped using; null while it is still in use.
 */
export const GearAvailability = z
  .object({
    from: Year,
    firstDelivery: Year,
    to: Year.nullable(),
    source: DateSource,
  })
  .strict()
  .refine((a) => a.firstDelivery >= a.from, 'first delivery before the announcement')
  .refine((a) => a.to === null || a.to >= a.firstDelivery, 'end of use before first delivery')
export type GearAvailability = z.infer<typeof GearAvailability>

export const Medium = z.enum(['film', 'digital'])
export type Medium = z.infer<typeof Medium>

/** Film gauges; a stock lists the gauges it was sold in, a film format names its gauge. */
export const Gauge = z.enum(['8mm', 'super8', '16mm', 'super16', '35mm', '65mm'])
export type Gauge = z.infer<typeof Gauge>

/** A lens mount, defined by its flange focal distance (the geometry adapters depend on). */
export const LensMount = z
  .object({
    id: Id,
    name: z.string().min(1),
    /** Flange focal distance in mm; null where undocumented (rental-only mounts). */
    flangeMm: z.number().positive().nullable(),
    /** Throat diameter in mm where known; adapters need clearance as well as flange depth. */
    throatMm: z.number().positive().nullable(),
    availability: Availability,
    ...sourced,
  })
  .strict()
export type LensMount = z.infer<typeof LensMount>

/** A capture format: a film gate or a sensor (mode). Dimensions in mm. */
export const CaptureFormat = z
  .object({
    id: Id,
    name: z.string().min(1),
    medium: Medium,
    /** Film gauge for film formats; null for digital sensors. */
    gauge: Gauge.nullable(),
    widthMm: z.number().positive(),
    heightMm: z.number().positive(),
    /** Native width ÷ height of the gate or sensor, before squeeze. */
    nativeAspect: z.number().positive(),
    /** Anamorphic squeeze this format is designed for (1 = spherical). */
    designSqueeze: z.number().min(1).max(2),
    /** Aspect-ratio ids a finished picture from this format is commonly delivered in. */
    deliveryAspectRatioIds: z.array(Id).min(1),
    availability: Availability,
    ...sourced,
  })
  .strict()
export type CaptureFormat = z.infer<typeof CaptureFormat>

export const AspectRatio = z
  .object({
    id: Id,
    /** As written on a slate or spec sheet, e.g. "2.39:1". */
    label: z.string().regex(/^\d+(\.\d+)?:1$|^\d+:\d+$/),
    /** Width ÷ height. */
    value: z.number().positive(),
    /** When this ratio was in use for theatrical or broadcast release. */
    availability: Availability,
    ...sourced,
  })
  .strict()
export type AspectRatio = z.infer<typeof AspectRatio>

export const CameraBody = z
  .object({
    id: Id,
    maker: z.string().min(1),
    model: z.string().min(1),
    medium: Medium,
    /** Capture format ids the body records: its full sensor or gate first, then crop modes. */
    formatIds: z.array(Id).min(1),
    /** Mount ids fitted natively or by a factory/rental-house mount swap. */
    mountIds: z.array(Id).min(1),
    availability: GearAvailability,
    /** Body only, no lens, media or battery. */
    weightKg: z.number().positive().max(200),
    /** Largest recorded frame in pixels; null for film cameras. */
    maxResolution: z
      .object({ width: z.number().int().positive(), height: z.number().int().positive() })
      .strict()
      .nullable(),
    /** Codecs or media, e.g. "ARRIRAW", "ProRes 4444 XQ", "35 mm 4-perf negative". */
    recordingFormats: z.array(z.string().min(1)).min(1),
    /** Highest frame rate at full format, frames per second. */
    maxFps: z.number().positive().nullable(),
    ...sourced,
  })
  .strict()
export type CameraBody = z.infer<typeof CameraBody>

export const LensOptics = z.enum(['spherical', 'anamorphic'])

export const LensFamily = z
  .object({
    id: Id,
    maker: z.string().min(1),
    name: z.string().min(1),
    mountIds: z.array(Id).min(1),
    /** Image circle diameter in mm at the longest focal length (the limiting one). */
    imageCircleMm: z.number().positive(),
    optics: LensOptics,
    /** Anamorphic squeeze factor; 1 for spherical lenses. */
    squeeze: z.number().min(1).max(2),
    /** Primes list each focal length; zooms list their two ends. */
    kind: z.enum(['prime', 'zoom']),
    focalLengthsMm: z.array(z.number().positive()).min(1),
    /** Fastest T-stop in the family. */
    fastestTStop: z.number().positive(),
    availability: GearAvailability,
    /** Typical weight of one lens of the family, in kg (for rig payload checks). */
    typicalWeightKg: z.number().positive().max(30),
    /** Short description of the look, in our own words. */
    character: z.string().min(1),
    ...sourced,
  })
  .strict()
  .refine((l) => (l.optics === 'spherical' ? l.squeeze === 1 : l.squeeze > 1), 'squeeze must match optics')
export type LensFamily = z.infer<typeof LensFamily>

export const StockType = z.enum([
  'colour-negative',
  'bw-negative',
  'colour-reversal',
  'bw-reversal',
  'colour-intermediate',
])

export const FilmStock = z
  .object({
    id: Id,
    maker: z.string().min(1),
    name: z.string().min(1),
    /**
     * Product codes per gauge, e.g. {"35mm":"5219","16mm":"7219"}. Partial, because a stock
     * lists only the gauges it was made in (a zod 4 record over an enum is exhaustive).
     */
    codes: z.partialRecord(Gauge, z.string().min(1)),
    gauges: z.array(Gauge).min(1),
    type: StockType,
    /** Exposure index at the stock's own balance. */
    exposureIndex: z.number().positive(),
    /** Colour balance; null for black-and-white stocks. */
    balance: z.enum(['daylight', 'tungsten']).nullable(),
    availability: GearAvailability,
    character: z.string().min(1),
    ...sourced,
  })
  .strict()
export type FilmStock = z.infer<typeof FilmStock>

export const LightKind = z.enum([
  'sun',
  'sky',
  'moon',
  'fire',
  'carbon-arc',
  'tungsten',
  'tungsten-halogen',
  'fluorescent',
  'hmi',
  'sodium-vapour',
  'mercury-vapour',
  'neon',
  'xenon',
  'led',
  'plasma',
])
export type LightKind = z.infer<typeof LightKind>

export const LightSource = z
  .object({
    id: Id,
    name: z.string().min(1),
    /** How a prompt names the light mid-sentence: plain words, no remarks or alternatives ("open fire"). */
    promptName: z
      .string()
      .min(1)
      .regex(/^[^():/]*$/, 'plain words: no brackets, colons or slashes')
      .refine((n) => !/\bor\b/.test(n), 'one light, not alternatives'),
    kind: LightKind,
    /** First presented, first used on a film set (or, for practicals, seen in daily life), and retired. */
    availability: GearAvailability,
    /** Correlated colour temperature range in kelvin. */
    colourTemperatureK: z.object({ min: z.number().min(1000), max: z.number().max(20000) }).strict(),
    quality: z.enum(['hard', 'soft', 'variable']),
    /** Can appear in frame as an object of the story world (a lamp, a neon sign, a candle). */
    practical: z.boolean(),
    /** Natural sources only exist at certain times of day (sun by day, moon by night). */
    natural: z.boolean(),
    ...sourced,
  })
  .strict()
export type LightSource = z.infer<typeof LightSource>

export const SupportClass = z.enum([
  'handheld',
  'shoulder',
  'steadicam',
  'gimbal',
  'drone',
  'dolly',
  'crane',
  'jib',
  'slider',
  'tripod',
  'car-mount',
  'cable-cam',
])
export type SupportClass = z.infer<typeof SupportClass>

export const CameraSupport = z
  .object({
    id: Id,
    name: z.string().min(1),
    class: SupportClass,
    /** Maximum camera + lens + accessories payload in kg the support is rated or practical for. */
    maxPayloadKg: z.number().positive(),
    /** Camera movements this support can produce (ids from the `movement` enum). */
    movements: z.array(z.string().min(1)).min(1),
    availability: Availability,
    ...sourced,
  })
  .strict()
export type CameraSupport = z.infer<typeof CameraSupport>
