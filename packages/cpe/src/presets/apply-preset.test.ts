import { describe, expect, it } from 'vitest'
import { createCatalog, defaultCatalog } from '../catalog/catalog'
import { validate } from '../engine/validate'
import { fixtureCatalog } from '../testing/catalog.fixture'
import { applyPreset } from './apply-preset'

describe('applyPreset', () => {
  it('fills the config from the preset and returns its locks', () => {
    const { config, locks } = applyPreset({ content: { subject: 'a detective' } }, 'test-noir', fixtureCatalog)
    expect(locks).toEqual(['film.stockId', 'lighting.style'])
    expect(config.presetId).toBe('test-noir')
    expect(config.film.stockId).toBe('double-x')
    expect(config.camera.bodyId).toBe('mitchell-bnc')
    expect(config.content.subject).toBe('a detective')
  })

  it('overrides the user’s locked values so the result passes the lock check', () => {
    const { config } = applyPreset(
      { film: { stockId: 'vision3-500t' }, lighting: { style: 'high-key' } },
      'test-noir',
      fixtureCatalog,
    )
    const result = validate(config, fixtureCatalog)
    expect(result.violations.map((v) => v.ruleId)).not.toContain('preset-lock-changed')
  })

  it('reports a later change to a locked field as a HARD preset-lock-changed violation', () => {
    const { config } = applyPreset({}, 'test-noir', fixtureCatalog)
    const changed = { ...config, film: { stockId: 'vision3-500t' } }
    const v = validate(changed, fixtureCatalog).violations.find((x) => x.ruleId === 'preset-lock-changed')
    expect(v?.severity).toBe('hard')
    expect(v?.fields).toEqual(['presetId', 'film.stockId'])
  })

  it('sets kind, style and cadence from an animation style', () => {
    const { config } = applyPreset({}, 'test-clay', fixtureCatalog)
    expect(config.kind).toBe('animation')
    expect(config.animation).toEqual({ styleId: 'test-clay', motion: 'twos' })
  })

  it('keeps an unknown preset id so validate can report it, locking nothing', () => {
    const { config, locks } = applyPreset({}, 'no-such-preset', fixtureCatalog)
    expect(locks).toEqual([])
    expect(validate(config, fixtureCatalog).violations[0]?.ruleId).toBe('unknown-reference')
  })

  it('refuses a malformed config with a message naming the field', () => {
    expect(() => applyPreset({ camera: { fps: 0 } }, 'test-noir', fixtureCatalog)).toThrow(/camera\.fps/)
  })

  it('applies every shipped preset without breaking its own locks', () => {
    const catalog = defaultCatalog()
    for (const preset of catalog.records.presets) {
      const { config } = applyPreset({}, preset.id, catalog)
      const ids = validate(config, catalog).violations.map((v) => v.ruleId)
      expect(ids, preset.id).not.toContain('preset-lock-changed')
      expect(ids, preset.id).not.toContain('unknown-reference')
    }
  })

  it('marks violations the preset documents as intended, with its reason', () => {
    const base = fixtureCatalog.presets.get('test-noir')
    if (base?.kind !== 'live-action') throw new Error('fixture preset missing')
    const preset = {
      ...base,
      id: 'test-noir-intended',
      intendedViolations: [{ ruleId: 'mood-low-key-bright', reason: 'ironic cheer' }],
    }
    const catalog = createCatalog({ ...fixtureCatalog.records, presets: [preset] })
    const { config } = applyPreset({ look: { mood: 'joyful' } }, preset.id, catalog)
    const v = validate(config, catalog).violations.find((x) => x.ruleId === 'mood-low-key-bright')
    expect(v?.intendedByPreset).toBe('ironic cheer')
  })
})
