import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parsePdfText, parsePlainText } from './plain-text.parser'
import { detectScreenplayFormat, parseScreenplay } from './screenplay-import'
import { scriptLikeText } from './testing/screenplay.arbitrary'
import { allElements, lineCoverageProblems } from './testing/screenplay-coverage.fixture'

// Laid out as screenwriting software prints it: cues at ~37 columns, dialogue at ~25.
const PLAIN = [
  '                                                  FADE IN:',
  '',
  '1    INT. LIGHTHOUSE - NIGHT                                   1',
  '',
  '     Waves hammer the rocks. MARA (40s, oilskin coat) climbs',
  '     the spiral stair.',
  '',
  '                                    MARA',
  '                         (shouting)',
  '                         Is anyone up there?',
  '',
  '                                    KEEPER (O.S.)',
  '                         Only the light.',
  '',
  '                                                    CUT TO:',
  '',
  '2    EXT. HARBOUR - DAWN                                       2',
  '',
  '     Boats rock at their moorings.',
].join('\n')

// pdftotext output: form feeds between pages, page numbers, (MORE)/(CONT'D) across a break.
const PDF = [
  '                                                              2.',
  'INT. DINER - NIGHT',
  '',
  'Rain streaks the window.',
  '',
  '                    JONAH',
  '          I kept the letter. Every word',
  '          of it.',
  '                    (MORE)',
  '\f                                                              3.',
  "                    JONAH (CONT'D)",
  '          Even the part about you.',
  '',
  '                    MARA',
  '          Burn it.',
  '',
  '\f                                                              4.',
  'EXT. STREET - CONTINUOUS',
  '',
  'Mara walks out into the rain.',
].join('\n')

describe('plain-text screenplays', () => {
  it('reads indented layout: numbered headings, cues, parentheticals, transitions', () => {
    const sp = parsePlainText(PLAIN)
    expect(
      sp.scenes.map((s) => [s.heading.sceneNumber, s.heading.setting, s.heading.location, s.heading.timeOfDay]),
    ).toEqual([
      ['1', 'INT', 'LIGHTHOUSE', 'NIGHT'],
      ['2', 'EXT', 'HARBOUR', 'DAWN'],
    ])
    expect(sp.scenes[0]?.heading.text).toBe('INT. LIGHTHOUSE - NIGHT')
    expect(sp.scenes[0]?.elements.map((e) => e.kind)).toEqual([
      'action',
      'character',
      'parenthetical',
      'dialogue',
      'character',
      'dialogue',
      'transition',
    ])
    expect(sp.scenes[0]?.elements[0]?.text).toBe(
      'Waves hammer the rocks. MARA (40s, oilskin coat) climbs\nthe spiral stair.',
    )
    expect(sp.scenes[0]?.characters).toEqual(['MARA', 'KEEPER'])
    expect(sp.preamble).toMatchObject([{ kind: 'transition', text: 'FADE IN:' }])
  })

  it('is detected as plain text from its indented cues', () => {
    expect(detectScreenplayFormat(PLAIN)).toBe('plain-text')
    expect(parseScreenplay(PLAIN).format).toBe('plain-text')
  })

  it('never throws and covers every non-blank line once', () => {
    fc.assert(
      fc.property(scriptLikeText, (text) => {
        expect(lineCoverageProblems(text, parsePlainText(text))).toEqual([])
      }),
      { numRuns: 300 },
    )
  })
})

describe('PDF-extracted text', () => {
  it("drops page numbers and joins a speech broken by (MORE) and the CONT'D cue", () => {
    const sp = parsePdfText(PDF)
    expect(sp.scenes.map((s) => s.heading.location)).toEqual(['DINER', 'STREET'])
    const diner = sp.scenes[0]
    expect(diner?.characters).toEqual(['JONAH', 'MARA'])
    expect(diner?.elements.filter((e) => e.kind === 'character')).toHaveLength(2)
    expect(diner?.elements[2]).toMatchObject({
      kind: 'dialogue',
      text: 'I kept the letter. Every word\nof it.\nEven the part about you.',
    })
    expect(sp.dropped).toEqual([0, 8, 9, 10, 16])
    expect(allElements(sp).some((e) => /^\d+\.$/.test(e.text))).toBe(false)
  })

  it('drops a running header repeated at the top of every page', () => {
    const page = (n: number, body: string) => `THE HARBOUR - Blue Rev. ${n}\n\n${body}\n\n${n}.`
    const text = [
      page(1, 'INT. DINER - NIGHT\n\nRain.'),
      page(2, 'Thunder.'),
      page(3, 'EXT. PIER - DAY\n\nGulls.'),
    ].join('\n\f')
    const sp = parsePdfText(text)
    expect(allElements(sp).map((e) => e.text)).toEqual(['Rain.', 'Thunder.', 'Gulls.'])
    expect(detectScreenplayFormat(text)).toBe('pdf-text')
  })

  it('never throws and covers every non-blank line once (page furniture as dropped)', () => {
    fc.assert(
      fc.property(scriptLikeText, (text) => {
        expect(lineCoverageProblems(text, parsePdfText(text))).toEqual([])
      }),
      { numRuns: 300 },
    )
  })
})
