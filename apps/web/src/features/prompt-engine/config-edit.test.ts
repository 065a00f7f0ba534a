import { CpeConfig, defaultCatalog } from '@aipipeline/cpe'
import { describe, expect, it } from 'vitest'
import { choosePreset, patchSection, selectCameraBody, selectLens, setLightIds, setYear } from './config-edit'

const catalog = defaultCatalog()
const empty = CpeConfig.parse({})

describe('config edits in the Prompt Engine panel', () => {
  it('sets a choice and removes it again when cleared, leaving no empty key behind', () => {
    const set = patchSection(empty, 'shot', { size: 'close-up' })
    expect(set.shot).toEqual({ size: 'close-up' })
    const cleared = patchSection(set, 'shot', { size: undefined })
    expect(cleared.shot).toEqual({})
    expect(empty.shot).toEqual({})
  })

  it('clears a capture format the new camera cannot record, and keeps one it can', () => {
    const alexa65 = catalog.records.cameras.find((c) => c.id.includes('alexa-65'))
    const other = catalog.records.cameras.find((c) => c.medium === 'film' && c.formatIds.length > 0)
    if (!alexa65 || !other) throw new Error('catalog lacks the cameras this test needs')
    const withFormat = patchSection(selectCameraBody(empty, alexa65.id, catalog), 'camera', {
      formatId: alexa65.formatIds[0],
    })
    expect(selectCameraBody(withFormat, alexa65.id, catalog).camera.formatId).toBe(alexa65.formatIds[0])
    expect(selectCameraBody(withFormat, other.id, catalog).camera.formatId).toBeUndefined()
  })

  it('clears a focal length the new lens does not have', () => {
    const prime = catalog.records.lenses.find((l) => l.kind === 'prime' && !l.focalLengthsMm.includes(37))
    if (!prime) throw new Error('no prime lens')
    const at37 = patchSection(empty, 'camera', { focalLengthMm: 37 })
    expect(selectLens(at37, prime.id, catalog).camera.focalLengthMm).toBeUndefined()
    const first = prime.focalLengthsMm[0]
    const atFirst = patchSection(empty, 'camera', { focalLengthMm: first })
    expect(selectLens(atFirst, prime.id, catalog).camera.focalLengthMm).toBe(first)
  })

  it('ignores impossible years instead of storing them', () => {
    expect(setYear(empty, 'productionYear', 1999).productionYear).toBe(1999)
    expect(setYear(empty, 'productionYear', Number.NaN).productionYear).toBeUndefined()
    expect(setYear({ ...empty, storyYear: 1900 }, 'storyYear', 3000).storyYear).toBeUndefined()
  })

  it('applies a preset from a fresh look but keeps the shot content, and removes it again', () => {
    const preset = catalog.records.presets.find((p) => p.kind === 'live-action' && p.config.film?.stockId !== undefined)
    if (!preset) throw new Error('no preset with a stock')
    const before = patchSection(patchSection(empty, 'content', { subject: 'a lighthouse' }), 'film', {
      stockId: 'something-else',
    })
    const applied = choosePreset(before, preset.id, catalog)
    expect(applied.presetId).toBe(preset.id)
    expect(applied.content.subject).toBe('a lighthouse')
    expect(applied.film.stockId).toBe(preset.config.film?.stockId)
    expect(choosePreset(applied, undefined, catalog).presetId).toBeUndefined()
  })

  it('keeps light ids unique', () => {
    expect(setLightIds(empty, 'sourceIds', ['hmi', 'hmi', 'led']).lighting.sourceIds).toEqual(['hmi', 'led'])
  })
})
