import { readdirSync, readFileSync } from 'node:fs'
import { requireSharedFixtures } from '@aipipeline/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseFountain } from './fountain.parser'
import { toFountain } from './screenplay.writer'
import { screenplayModel, scriptLikeText } from './testing/screenplay.arbitrary'
import { allElements, lineCoverageProblems, withoutPositions } from './testing/screenplay-coverage.fixture'

const FIXTURES = new URL('../../../../../shared/fixtures/screenplays/', import.meta.url)
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8')

describe.runIf(requireSharedFixtures('Fountain parser on the fixture scripts'))(
  'Fountain parser on the fixture scripts',
  () => {
    it('reads the radio-studio short: title page, two numbered scenes, cues, parenthetical and transitions', () => {
      const sp = parseFountain(fixture('fountain-tools_fdx_test_script_radio_studio.fountain'))
      expect(sp.title).toBe('FDX Test Script')
      expect(sp.titlePage.find((t) => t.key === 'Draft date')?.value).toBe('Draft\ninformation')
      expect(sp.scenes.map((s) => [s.heading.setting, s.heading.location, s.heading.sceneNumber])).toEqual([
        ['INT', 'RADIO STUDIO', '1'],
        ['EXT', 'OUTSIDE THE FOOD STORE', '2'],
      ])
      expect(sp.scenes.map((s) => s.characters)).toEqual([['DJ', 'DAVE', 'JIM'], ['KAY']])
      const first = sp.scenes[0]?.elements.map((e) => e.kind)
      expect(first).toEqual([
        'action',
        'character',
        'parenthetical',
        'dialogue',
        'action',
        'character',
        'dialogue',
        'character',
        'dialogue',
        'transition',
      ])
      const jim = sp.scenes[0]?.elements.find((e) => e.character === 'JIM')
      expect(jim?.extensions).toEqual(['O.S.'])
      expect(sp.scenes[1]?.elements.at(-1)).toMatchObject({ kind: 'transition', text: 'FADE TO BLACK' })
    })

    it('reads the simple script: lower-case heading, page break, markup kept apart from the action', () => {
      const sp = parseFountain(fixture('nyousefi_simple_script.fountain'))
      expect(sp.preamble).toMatchObject([{ kind: 'transition', text: 'FADE IN:' }])
      expect(sp.scenes.map((s) => [s.heading.setting, s.heading.location, s.heading.timeOfDay])).toEqual([
        ['INT', 'OFFICE', 'MORNING'],
        ['EXT', 'HOUSE', 'DAY'],
        [null, 'FORCED SCENE HEADING', null],
      ])
      expect(sp.scenes[0]?.characters).toEqual(['MAN'])
      const kinds = allElements(sp).map((e) => e.kind)
      for (const kind of ['page-break', 'centered', 'note', 'synopsis', 'boneyard', 'section'] as const) {
        expect(kinds).toContain(kind)
      }
      // A trailing space keeps "CUT TO: " from being a transition (Fountain spec).
      expect(sp.scenes[2]?.elements.at(-1)).toMatchObject({ kind: 'action', text: 'CUT TO:' })
      expect(sp.scenes[2]?.elements[0]).toMatchObject({ kind: 'action', text: '... Not a forced scene heading' })
    })

    it('reads Adam and Eve: extensions, dual dialogue, digits in names, the two-space line inside a speech', () => {
      const sp = parseFountain(fixture('nyousefi_dialogue_adam_eve.fountain'))
      expect(sp.scenes).toEqual([])
      const cues = sp.preamble.filter((e) => e.kind === 'character')
      expect([...new Set(cues.map((c) => c.character))]).toEqual(['ADAM', 'EVE', 'R2D2'])
      expect(cues.find((c) => c.dual)?.text).toBe('EVE ^')
      expect(sp.preamble.find((e) => e.text.startsWith('23 (O.S.)'))?.kind).toBe('action')
      const long = sp.preamble.find((e) => e.kind === 'dialogue' && e.text.includes('absolutely'))
      expect(long?.text.split('\n')).toHaveLength(7)
      expect(sp.preamble.at(-2)).toMatchObject({ kind: 'parenthetical', text: '(feeling cocky)' })
    })

    it('recognises every scene-heading form of the syntax fixtures', () => {
      const sp = parseFountain(fixture('syntax/nyousefi_SceneHeaders.fountain'))
      expect(sp.scenes.map((s) => s.heading.setting)).toEqual([
        'INT',
        'EXT',
        'INT',
        'EXT',
        'INT/EXT',
        'INT/EXT',
        'INT/EXT',
        'INT/EXT',
        'INT/EXT',
        'INT',
        'EXT',
        'EST',
        'EST',
        'INT',
        null,
        'INT',
        'EXT',
        'INT',
      ])
      expect(sp.scenes.every((s) => s.heading.setting === null || s.heading.location === 'HOUSE')).toBe(true)
      expect(sp.scenes[13]?.heading.timeOfDay).toBe('DAY')
    })

    it('reads scene numbers and keeps tags, boneyard and notes out of the story text', () => {
      const numbers = parseFountain(fixture('syntax/nyousefi_SceneNumbers.fountain')).scenes.map(
        (s) => s.heading.sceneNumber,
      )
      expect(numbers).toEqual(['1', '1A', '1a', 'A1', 'I-1-A', '1.', '110A'])
      const bones = parseFountain(fixture('syntax/nyousefi_Boneyard.fountain'))
      expect(bones.preamble.map((e) => [e.kind, e.text])).toEqual([
        ['action', 'A line of action.'],
        ['boneyard', 'This is an inline Boneyard.'],
        ['boneyard', 'This is a\nmulti-line \nBoneyard.'],
        ['action', 'This is an  boneyard.'],
      ])
      const notes = parseFountain(fixture('syntax/nyousefi_Notes.fountain'))
      expect(notes.preamble.at(-1)).toMatchObject({ kind: 'action', text: 'This is an note.', notes: ['internal'] })
    })

    it('never throws and puts every non-blank line of the fixtures in exactly one part', () => {
      const names = [
        'fountain-tools_fdx_test_script_radio_studio.fountain',
        'nyousefi_simple_script.fountain',
        'nyousefi_dialogue_adam_eve.fountain',
        ...readdirNames('syntax'),
      ]
      for (const name of names) {
        const text = fixture(name)
        expect(lineCoverageProblems(text, parseFountain(text)), name).toEqual([])
      }
    })
  },
)

function readdirNames(dir: string): string[] {
  return readdirSync(new URL(`${dir}/`, FIXTURES)).map((name) => `${dir}/${name}`)
}

describe('Fountain parser properties', () => {
  it('never throws on script-like noise and puts every non-blank line in exactly one part', () => {
    fc.assert(
      fc.property(scriptLikeText, (text) => {
        expect(lineCoverageProblems(text, parseFountain(text))).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it('parses written Fountain back to the same scenes and elements', () => {
    fc.assert(
      fc.property(screenplayModel, (model) => {
        expect(withoutPositions(parseFountain(toFountain(model)))).toEqual(withoutPositions(model))
      }),
      { numRuns: 200 },
    )
  })

  it('writes back what it read where a blank dialogue line or a title-page-like action was lost', () => {
    // Found by the property below: a blank first line of dialogue came back as the end of the
    // block, and an action reading "Title: X" came back as a title page.
    for (const text of [
      'A\n  \nINT. HOUSE - DAY',
      'MARA\nHello.\n  ',
      '\nTitle: X\n  \nINT. HOUSE - DAY',
      'INT. HOUSE - DAY\nA\n  \n(quietly)',
    ]) {
      const once = parseFountain(text)
      expect(withoutPositions(parseFountain(toFountain(once)))).toEqual(withoutPositions(once))
    }
  })

  it('is a fixed point after one write: parse ∘ write ∘ parse = parse on noise', () => {
    fc.assert(
      fc.property(scriptLikeText, (text) => {
        const once = parseFountain(text)
        const twice = parseFountain(toFountain(once))
        expect(twice.scenes.map((s) => s.characters)).toEqual(once.scenes.map((s) => s.characters))
        expect(twice.scenes.length).toBe(once.scenes.length)
      }),
      { numRuns: 200 },
    )
  })
})
