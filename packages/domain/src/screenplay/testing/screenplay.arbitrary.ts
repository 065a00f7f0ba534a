// fast-check arbitraries for screenplay parsers (imported by tests only).
import fc from 'fast-check'
import type { Scene, Screenplay, ScreenplayElement } from '../screenplay.model'

const WORDS = ['the', 'rain', 'falls', 'door', 'opens', 'she', 'waits', 'light', 'slowly', 'on', 'glass']
const NAMES = ['MARA', 'JONAH', 'REYES', 'ADA', 'SAMIR', 'KID']

const phrase = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '))
const sentence = phrase.map((p) => `${p.charAt(0).toUpperCase()}${p.slice(1)}.`)

const action = fc
  .array(phrase, { minLength: 1, maxLength: 3 })
  .map((lines): ScreenplayElement => ({ kind: 'action', text: lines.join('\n'), lines: [] }))

const speechPart = fc.oneof(
  fc
    .array(sentence, { minLength: 1, maxLength: 3 })
    .map((l): ScreenplayElement => ({ kind: 'dialogue', text: l.join('\n'), lines: [] })),
  phrase.map((p): ScreenplayElement => ({ kind: 'parenthetical', text: `(${p})`, lines: [] })),
)

const speech = fc
  .record({
    name: fc.constantFrom(...NAMES),
    extension: fc.constantFrom(undefined, 'V.O.', 'O.S.', "CONT'D"),
    parts: fc.array(speechPart, { minLength: 1, maxLength: 4 }),
  })
  .map(({ name, extension, parts }): ScreenplayElement[] => {
    // Adjacent dialogue runs read back as one; the writer cannot keep them apart.
    const body = parts.filter((p, i) => !(p.kind === 'dialogue' && parts[i - 1]?.kind === 'dialogue'))
    const cue: ScreenplayElement = {
      kind: 'character',
      text: extension === undefined ? name : `${name} (${extension})`,
      lines: [],
      character: name,
      extensions: extension === undefined ? [] : [extension],
    }
    return [cue, ...body]
  })

const transition = fc
  .constantFrom('CUT TO:', 'DISSOLVE TO:')
  .map((t): ScreenplayElement => ({ kind: 'transition', text: t, lines: [] }))

const heading = fc
  .record({
    setting: fc.constantFrom('INT' as const, 'EXT' as const),
    location: fc.array(fc.constantFrom('HOUSE', 'DINER', 'ROOF', 'PIER', 'CAR'), { minLength: 1, maxLength: 3 }),
    time: fc.constantFrom(null, 'DAY', 'NIGHT'),
    number: fc.constantFrom(null, '1', '12A'),
  })
  .map(({ setting, location, time, number }) => {
    const place = location.join(' ')
    return {
      text: `${setting}. ${place}${time === null ? '' : ` - ${time}`}`,
      setting,
      location: place,
      timeOfDay: time,
      sceneNumber: number,
      lines: [],
    }
  })

function speakersOf(elements: readonly ScreenplayElement[]): string[] {
  const names: string[] = []
  for (const e of elements)
    if (e.kind === 'character' && e.character && !names.includes(e.character)) names.push(e.character)
  return names
}

/** A screenplay model that every writer can express exactly (positions left empty). */
export const screenplayModel: fc.Arbitrary<Screenplay> = fc
  .array(
    fc.record({
      heading,
      blocks: fc.array(
        fc.oneof(
          action.map((a) => [a]),
          speech,
          transition.map((t) => [t]),
        ),
        { maxLength: 6 },
      ),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((scenes) => ({
    format: 'fountain' as const,
    title: null,
    titlePage: [],
    preamble: [],
    dropped: [],
    scenes: scenes.map(({ heading: h, blocks }, index): Scene => {
      const elements = blocks.flat()
      return { index, heading: h, elements, characters: speakersOf(elements) }
    }),
  }))

const LINE_SHAPES = [
  'INT. HOUSE - DAY',
  'EXT. ROOF #2#',
  '.FORCED',
  'MARA',
  'JONAH (V.O.)',
  'EVE ^',
  '@McDUCK',
  '(quietly)',
  'CUT TO:',
  '> THE END <',
  '> FADE OUT',
  '~la la',
  '!SHOUT',
  '# Act',
  '= synopsis',
  '===',
  '/*',
  '*/',
  '[[note',
  ']]',
  'a [[note]] inline /* and bone */ text',
  'Title: X',
  '    continued',
  '  ',
  '',
  '12',
  '(MORE)',
  'CONTINUED:',
  '\f',
]

/** Script-shaped noise: lines that look like every element kind, plus arbitrary strings. */
export const scriptLikeText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...LINE_SHAPES), fc.string({ maxLength: 40 })), { maxLength: 60 })
  .chain((lines) => fc.constantFrom('\n', '\r\n').map((nl) => lines.join(nl)))
