// fast-check arbitraries for configs the schema accepts, mixing catalog ids with random strings.
import fc from 'fast-check'
import type { Catalog } from '../catalog/catalog'
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
import { AnimationMotion, type CpeConfigInput } from '../config/cpe-config.schema'

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 })
const enumOf = <T extends string>(values: readonly T[]) => fc.constantFrom(...values)

/** A known id from the list (most of the time) or a random string. */
function refOf(ids: readonly string[]): fc.Arbitrary<string> {
  const random = fc.string({ minLength: 1, maxLength: 12 })
  return ids.length === 0
    ? random
    : fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: random })
}

/** Configs as a user writes them: every field optional, ids known or not. */
export function configArbitrary(catalog: Catalog): fc.Arbitrary<CpeConfigInput> {
  const ids = <T extends { id: string }>(m: ReadonlyMap<string, T>) => [...m.keys()]
  const year = fc.integer({ min: 1880, max: 2100 })
  const lights = fc.array(refOf(ids(catalog.lightSources)), { maxLength: 4 })
  return fc.record(
    {
      kind: opt(enumOf(['live-action', 'animation'] as const)),
      productionYear: opt(year),
      storyYear: opt(year),
      presetId: opt(refOf(ids(catalog.presets))),
      camera: fc.record(
        {
          bodyId: opt(refOf(ids(catalog.cameras))),
          formatId: opt(refOf(ids(catalog.captureFormats))),
          lensId: opt(refOf(ids(catalog.lenses))),
          focalLengthMm: opt(fc.double({ min: 1, max: 2000, noNaN: true })),
          supportId: opt(refOf(ids(catalog.supports))),
          aspectRatioId: opt(refOf(ids(catalog.aspectRatios))),
          fps: opt(fc.double({ min: 1, max: 2000, noNaN: true })),
        },
        { requiredKeys: [] },
      ),
      film: fc.record({ stockId: opt(refOf(ids(catalog.filmStocks))) }, { requiredKeys: [] }),
      lighting: fc.record(
        {
          sourceIds: lights,
          practicalIds: lights,
          style: opt(enumOf(LightingStyle.options)),
          timeOfDay: opt(enumOf(TimeOfDay.options)),
          weather: opt(enumOf(Weather.options)),
          interior: opt(fc.boolean()),
        },
        { requiredKeys: [] },
      ),
      shot: fc.record(
        {
          size: opt(enumOf(ShotSize.options)),
          angle: opt(enumOf(CameraAngle.options)),
          movement: opt(enumOf(CameraMovement.options)),
          composition: opt(enumOf(Composition.options)),
        },
        { requiredKeys: [] },
      ),
      look: fc.record(
        { mood: opt(enumOf(Mood.options)), colourTone: opt(enumOf(ColourTone.options)) },
        { requiredKeys: [] },
      ),
      animation: fc.record(
        { styleId: opt(refOf(ids(catalog.presets))), motion: opt(enumOf(AnimationMotion.options)) },
        { requiredKeys: [] },
      ),
      content: fc.record(
        {
          subject: opt(fc.string({ maxLength: 2000 })),
          action: opt(fc.string({ maxLength: 2000 })),
          setting: opt(fc.string({ maxLength: 2000 })),
          details: fc.array(fc.string({ maxLength: 500 }), { maxLength: 50 }),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  )
}
