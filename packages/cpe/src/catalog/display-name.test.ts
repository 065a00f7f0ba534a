import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validate } from '../engine/validate'
import { formatPrompt, TARGET_MODELS } from '../formatters/format-prompt'
import { defaultCatalog } from './catalog'
import { cameraDisplayName, comparableWord, lensDisplayName, makerDisplayName, stockDisplayName } from './display-name'

const catalog = defaultCatalog()

function record<T>(map: ReadonlyMap<string, T>, id: string): T {
  const found = map.get(id)
  if (found === undefined) throw new Error(`no record ${id} in the shipped catalog`)
  return found
}

/** The first word that directly repeats the one before it, or undefined. */
function doubledWord(text: string): string | undefined {
  const words = text.split(/\s+/).map(comparableWord)
  return words.find((w, i) => i > 0 && w !== '' && w === words[i - 1])
}

describe('display names', () => {
  it('write the maker once when the product name already carries it or its short form', () => {
    expect(stockDisplayName(record(catalog.filmStocks, 'kodak-vision3-500t-5219'))).toBe(
      'Kodak Vision3 500T 5219 / 7219',
    )
    expect(stockDisplayName(record(catalog.filmStocks, 'ilford-hp5'))).toBe('Ilford HP5 / HP5 Plus')
    expect(stockDisplayName(record(catalog.filmStocks, 'kodak-kodachrome-ii'))).toBe('Kodak Kodachrome II')
    expect(stockDisplayName(record(catalog.filmStocks, 'fujifilm-eterna-500t'))).toBe(
      'Fujicolor Eterna 500T 8573 / 8673',
    )
    expect(cameraDisplayName(record(catalog.cameras, 'canon-1014-xl-s'))).toBe('Canon 1014 XL-S')
    expect(cameraDisplayName(record(catalog.cameras, 'arri-alexa-65'))).toBe('ARRI ALEXA 65')
    expect(cameraDisplayName(record(catalog.cameras, 'arri-arriflex-35-iic'))).toBe('ARRIFLEX 35 IIC')
    expect(cameraDisplayName(record(catalog.cameras, 'red-one'))).toBe('RED ONE (Mysterium)')
    expect(cameraDisplayName(record(catalog.cameras, 'imax-msm-9802'))).toBe('IMAX MSM 9802')
    expect(cameraDisplayName(record(catalog.cameras, 'bolex-h16'))).toBe('Bolex H16')
    expect(lensDisplayName(record(catalog.lenses, 'zeiss-master-prime'))).toBe('ARRI / Zeiss Master Prime')
    expect(lensDisplayName(record(catalog.lenses, 'zeiss-hasselblad-v'))).toBe(
      'Zeiss Hasselblad V-system lenses (Distagon, Planar, Sonnar)',
    )
  })

  it('know the short forms of makers crews name differently', () => {
    expect(makerDisplayName('Arnold & Richter', 'ARRI 435')).toBe('ARRI 435')
    expect(makerDisplayName('Eastman Kodak', 'Eastman Double-X Negative 5222 / 7222')).toBe(
      'Eastman Double-X Negative 5222 / 7222',
    )
    expect(makerDisplayName('Blackmagic Design', 'Design Pro')).toBe('Blackmagic Design Pro')
  })

  it('never repeat a word in any shipped record', () => {
    const names = [
      ...catalog.records.cameras.map(cameraDisplayName),
      ...catalog.records.lenses.map(lensDisplayName),
      ...catalog.records.filmStocks.map(stockDisplayName),
    ]
    expect(names.filter((n) => doubledWord(n) !== undefined)).toEqual([])
  })

  it('never repeat a word for any maker and name that do not repeat one themselves', () => {
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9&.-]{0,7}$/)
    const phrase = fc
      .array(word, { minLength: 1, maxLength: 4 })
      .map((ws) => ws.join(' '))
      .filter((p) => doubledWord(p) === undefined)
    const makers = fc.oneof(phrase, fc.constantFrom('Eastman Kodak', 'Arnold & Richter', 'RED Digital Cinema'))
    fc.assert(
      fc.property(makers, phrase, (maker, name) => {
        expect(doubledWord(makerDisplayName(maker, name))).toBeUndefined()
      }),
    )
  })
})

describe('names in rule messages and prompts', () => {
  const digitalWithStock = {
    camera: { bodyId: 'arri-alexa-65' },
    film: { stockId: 'kodak-vision3-500t-5219' },
  }

  it('name a stock once in English and Korean messages', () => {
    const result = validate(digitalWithStock, catalog)
    const v = result.violations.find((x) => x.ruleId === 'stock-on-digital-camera')
    expect(v?.message.en).toContain('Kodak Vision3 500T 5219 / 7219')
    expect(v?.message.en).not.toContain('Kodak Kodak')
    expect(v?.message.ko).not.toContain('Kodak Kodak')
  })

  it('name gear once in every model prompt', () => {
    const config = {
      camera: { bodyId: 'canon-1014-xl-s' },
      film: { stockId: 'kodak-vision3-500t-5219' },
      content: { subject: 'a lighthouse keeper' },
    }
    for (const m of TARGET_MODELS) {
      const { prompt } = formatPrompt(m.id, config, catalog)
      expect(prompt).not.toContain('Kodak Kodak')
      expect(prompt).not.toContain('Canon Canon')
    }
    expect(formatPrompt('flux-dev', digitalWithStock, catalog).prompt).toContain('Kodak Vision3 500T')
  })
})
