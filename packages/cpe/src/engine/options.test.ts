import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Catalog, defaultCatalog } from '../catalog/catalog'
import { CONFIG_FIELD_PATHS, CpeConfig } from '../config/cpe-config.schema'
import { fixtureCatalog } from '../testing/catalog.fixture'
import { configArbitrary } from '../testing/config.arbitrary'
import { options, withOption } from './options'
import { validate } from './validate'

const fieldsOf = (config: unknown, catalog: Catalog = fixtureCatalog) => {
  const result = options(config, catalog)
  if (result.status !== 'ok') throw new Error(result.error.message)
  return result.fields
}

describe('options', () => {
  it('greys out film stocks on a digital camera, with the rule and its message', () => {
    const stock = fieldsOf({ camera: { bodyId: 'alexa-mini' } })['film.stockId']
    expect(stock?.allowed).toEqual([])
    const reason = stock?.disallowed[0]?.reasons[0]
    expect(reason?.ruleId).toBe('stock-on-digital-camera')
    expect(reason?.message.ko).toContain('필름스톡')
  })

  it('excludes night-time once the sun lights the scene, and keeps sunlit times', () => {
    const time = fieldsOf({ lighting: { sourceIds: ['sun'] } })['lighting.timeOfDay']
    expect(time?.allowed).toContain('midday')
    expect(time?.disallowed.map((d) => d.value)).toContain('night')
  })

  it('offers only focal lengths of the chosen prime set', () => {
    const focal = fieldsOf({ camera: { lensId: 'master-prime' } })['camera.focalLengthMm']
    expect(focal?.allowed).toEqual([14, 18, 25, 35, 50, 75, 100, 135])
  })

  it('offers a preset because choosing it applies its locked values', () => {
    const preset = fieldsOf({ film: { stockId: 'vision3-500t' } }).presetId
    expect(preset?.allowed).toContain('test-noir')
  })

  it('greys out a locked field’s other values while a preset is applied', () => {
    const stock = fieldsOf({ presetId: 'test-noir', film: { stockId: 'double-x' }, lighting: { style: 'low-key' } })[
      'film.stockId'
    ]
    expect(stock?.allowed).toEqual(['double-x'])
    expect(stock?.disallowed[0]?.reasons.map((r) => r.ruleId)).toContain('preset-lock-changed')
  })

  it('answers a malformed config with an error result', () => {
    expect(options({ shot: { size: 'gigantic' } }, fixtureCatalog).status).toBe('malformed')
  })

  it.each([
    ['the fixture catalog', fixtureCatalog, 40],
    ['the shipped catalog', defaultCatalog(), 8],
  ] as const)(
    'never offers a value that validate then rejects with a HARD violation on that field (%s)',
    (_, catalog, numRuns) => {
      fc.assert(
        fc.property(configArbitrary(catalog), (input) => {
          const config = CpeConfig.parse(input)
          const fields = fieldsOf(config, catalog)
          for (const field of CONFIG_FIELD_PATHS) {
            for (const value of fields[field]?.allowed ?? []) {
              const result = validate(withOption(config, field, value, catalog), catalog)
              const hard = result.violations.filter((v) => v.severity === 'hard' && v.fields.includes(field))
              expect(hard, `${field} = ${String(value)}`).toEqual([])
            }
          }
        }),
        { numRuns },
      )
    },
  )
})
