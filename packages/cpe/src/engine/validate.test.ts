import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultCatalog } from '../catalog/catalog'
import { fixtureCatalog } from '../testing/catalog.fixture'
import { configArbitrary } from '../testing/config.arbitrary'
import { validate } from './validate'

describe('validate', () => {
  it('accepts an empty config as valid', () => {
    expect(validate({}, fixtureCatalog)).toEqual({ status: 'valid', violations: [] })
  })

  it('answers a malformed config with an error naming the field instead of throwing', () => {
    const result = validate({ camera: { fps: -5 }, extra: 1 }, fixtureCatalog)
    expect(result.status).toBe('malformed')
    if (result.status !== 'malformed') return
    expect(result.error.issues.map((i) => i.path)).toContain('camera.fps')
    expect(result.error.message).toContain('camera.fps')
  })

  it('rolls HARD up to invalid, SOFT to warning and leaves INFO valid', () => {
    expect(
      validate({ camera: { bodyId: 'alexa-mini' }, film: { stockId: 'vision3-500t' } }, fixtureCatalog).status,
    ).toBe('invalid')
    expect(validate({ lighting: { timeOfDay: 'golden-hour', weather: 'overcast' } }, fixtureCatalog).status).toBe(
      'warning',
    )
    expect(validate({ camera: { fps: 120 } }, fixtureCatalog).status).toBe('valid')
  })

  it('reports unknown ids as hard unknown-reference violations on the offending field only', () => {
    const result = validate(
      { camera: { bodyId: 'no-such-camera' }, lighting: { practicalIds: ['ghost'] } },
      fixtureCatalog,
    )
    expect(result.status).toBe('invalid')
    const v = result.violations.find((x) => x.ruleId === 'unknown-reference')
    expect(v?.fields).toEqual(['camera.bodyId', 'lighting.practicalIds'])
    expect(v?.message.en).toContain('no-such-camera')
  })

  it('lets modern film lights light a period story off screen but not appear in it', () => {
    const offScreen = validate(
      { storyYear: 1890, productionYear: 2024, lighting: { sourceIds: ['led-panel'] } },
      fixtureCatalog,
    )
    expect(offScreen.status).toBe('valid')
    const onScreen = validate({ storyYear: 1890, lighting: { practicalIds: ['smartphone'] } }, fixtureCatalog)
    expect(onScreen.status).toBe('invalid')
  })

  it('lists hard violations before soft and info ones', () => {
    const result = validate(
      { camera: { bodyId: 'alexa-mini', lensId: 'c-series', fps: 500 }, film: { stockId: 'vision3-500t' } },
      fixtureCatalog,
    )
    const order = result.violations.map((v) => v.severity)
    expect(order.indexOf('hard')).toBe(0)
    expect(order.lastIndexOf('hard')).toBeLessThan(order.findIndex((s) => s !== 'hard'))
  })

  it('never throws for any config the schema accepts, known ids or not', () => {
    for (const catalog of [fixtureCatalog, defaultCatalog()]) {
      fc.assert(
        fc.property(configArbitrary(catalog), (config) => {
          const result = validate(config, catalog)
          expect(['valid', 'warning', 'invalid']).toContain(result.status)
        }),
        { numRuns: 400 },
      )
    }
  })
})
