import { defaultCatalog, TARGET_MODELS } from '@aipipeline/cpe'
import { describe, expect, it } from 'vitest'
import { analyseConfig, promptsFor } from './cpe-analysis'
import { presetCandidates, presetDecades } from './preset-filter'

const catalog = defaultCatalog()
const presets = catalog.records.presets
const labels = { animation: 'Animation', decade: (d: number) => `${d}s` }

describe('the Prompt Engine panel’s analysis', () => {
  it('shows a preset’s locks and reports an applied preset without HARD violations', () => {
    const preset = presets.find((p) => p.locks.length > 0)
    if (!preset) throw new Error('no preset with locks')
    const analysis = analyseConfig({ presetId: preset.id, ...preset.config }, catalog)
    expect([...analysis.locks]).toEqual(preset.locks)
    expect(analysis.violations.filter((v) => v.severity === 'hard')).toEqual([])
  })

  it('reads a malformed stored value as an empty config and says why', () => {
    const analysis = analyseConfig({ camera: { bodyId: 7 } }, catalog)
    expect(analysis.malformed).toContain('camera.bodyId')
    expect(analysis.status).toBe('valid')
  })

  it('writes a different prompt per target model', () => {
    const analysis = analyseConfig({ content: { subject: 'a lighthouse keeper' }, shot: { size: 'close-up' } }, catalog)
    const prompts = promptsFor(analysis.config, catalog)
    expect(prompts.map((p) => p.model)).toEqual(TARGET_MODELS.map((m) => m.id))
    expect(new Set(prompts.map((p) => p.prompt)).size).toBeGreaterThan(3)
    expect(prompts.every((p) => p.prompt.includes('lighthouse keeper'))).toBe(true)
  })
})

describe('preset filters', () => {
  it('lists decades in order and narrows live action to one decade without animation styles', () => {
    const decades = presetDecades(presets)
    expect(decades).toEqual([...decades].sort((a, b) => a - b))
    const seventies = presetCandidates(presets, { kind: 'all', decade: 1970 }, labels)
    expect(seventies.length).toBeGreaterThan(0)
    expect(seventies.every((c) => c.group === '1970s')).toBe(true)
  })

  it('shows only animation styles under the animation kind', () => {
    const animation = presetCandidates(presets, { kind: 'animation', decade: null }, labels)
    expect(animation.length).toBe(presets.filter((p) => p.kind === 'animation').length)
    expect(animation.every((c) => c.group === 'Animation')).toBe(true)
  })
})
