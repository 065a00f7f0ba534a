import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { characterKey, isCharacterCueLine, parseCharacterCue } from './character-name'
import { parseSceneHeading } from './scene-heading'
import { mergeCharacters, mergeLocations } from './screenplay-merge'

describe('character names', () => {
  it('reads extensions, forced and dual markers off a cue', () => {
    expect(parseCharacterCue("JOHN (V.O.) (CONT'D)")).toEqual({
      name: 'JOHN',
      extensions: ['V.O.', "CONT'D"],
      dual: false,
    })
    expect(parseCharacterCue('@McDuck ^')).toEqual({ name: 'MCDUCK', extensions: [], dual: true })
    expect(parseCharacterCue("JOHN (CONT'D")).toEqual({ name: 'JOHN', extensions: ["CONT'D"], dual: false })
  })

  it('gives name variants one key', () => {
    const variants = ['JOHN', 'John', 'JOHN (V.O.)', "JOHN (cont'd)", 'JOHN ^', '@john', '  JOHN  (O.S.) ']
    expect(new Set(variants.map(characterKey))).toEqual(new Set(['JOHN']))
    expect(characterKey('MR. SMITH')).toBe(characterKey('MR SMITH'))
  })

  it('does not take numbers or sentences for cues', () => {
    expect(isCharacterCueLine('23 (O.S.)')).toBe(false)
    expect(isCharacterCueLine('FADE IN:')).toBe(false)
    expect(isCharacterCueLine('She runs.')).toBe(false)
    expect(isCharacterCueLine("EVE (cont'd)")).toBe(true)
  })
})

describe('scene headings', () => {
  it('splits setting, location and time, with scene numbers on either side', () => {
    expect(parseSceneHeading('12A INT. HOUSE - KITCHEN - NIGHT 12A', [0])).toMatchObject({
      text: 'INT. HOUSE - KITCHEN - NIGHT',
      setting: 'INT',
      location: 'HOUSE - KITCHEN',
      timeOfDay: 'NIGHT',
      sceneNumber: '12A',
    })
    expect(parseSceneHeading('I/E CAR DAY', [0])).toMatchObject({
      setting: 'INT/EXT',
      location: 'CAR',
      timeOfDay: 'DAY',
    })
    expect(parseSceneHeading('EXT. FIELD - MOMENTS LATER', [0])).toMatchObject({
      location: 'FIELD',
      timeOfDay: 'MOMENTS LATER',
    })
  })
})

describe('merging analysis results', () => {
  it('merges characters reported under variants into one, keeping the richest description and all trigger words', () => {
    const merged = mergeCharacters([
      { name: 'MARA (V.O.)', description: 'A keeper.', triggerWords: ['oilskin'], sceneIndexes: [3] },
      {
        name: 'Mara',
        description: 'Lighthouse keeper in her forties, weathered.',
        triggerWords: ['Oilskin', 'grey braid'],
        sceneIndexes: [1],
      },
      { name: "MARA (CONT'D)", sceneIndexes: [3, 7] },
      { name: 'JONAH', description: 'Her brother.' },
    ])
    expect(merged).toEqual([
      {
        key: 'MARA',
        name: 'MARA',
        description: 'Lighthouse keeper in her forties, weathered.',
        triggerWords: ['oilskin', 'grey braid'],
        aliases: ['MARA (V.O.)', 'Mara', "MARA (CONT'D)"],
        sceneIndexes: [1, 3, 7],
      },
      {
        key: 'JONAH',
        name: 'JONAH',
        description: 'Her brother.',
        triggerWords: [],
        aliases: ['JONAH'],
        sceneIndexes: [],
      },
    ])
  })

  it('merges locations written differently', () => {
    const merged = mergeLocations([
      { name: 'THE HARBOUR' },
      { name: 'Harbour', description: 'Fishing boats.' },
      { name: 'HOUSE - KITCHEN' },
      { name: 'HOUSE—KITCHEN' },
    ])
    expect(merged.map((m) => [m.key, m.description])).toEqual([
      ['HARBOUR', 'Fishing boats.'],
      ['HOUSE - KITCHEN', ''],
    ])
  })

  it('never yields two characters with one key, whatever the order of drafts', () => {
    const name = fc.constantFrom('JOHN', 'john', 'JOHN (V.O.)', 'MARY', "Mary (cont'd)", 'DR. NO', 'DR NO', '   ')
    fc.assert(
      fc.property(fc.array(fc.record({ name, description: fc.string({ maxLength: 10 }) })), (drafts) => {
        const merged = mergeCharacters(drafts)
        expect(new Set(merged.map((m) => m.key)).size).toBe(merged.length)
        const keys = new Set(drafts.map((d) => characterKey(d.name)).filter((k) => k !== ''))
        expect(merged.length).toBe(keys.size)
      }),
    )
  })
})
