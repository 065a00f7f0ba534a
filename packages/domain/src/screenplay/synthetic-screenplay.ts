// A deterministic feature-length screenplay in Fountain for tests, benchmarks and the demo:
// no real script is copied. Characters are cued under name variants ((V.O.), (CONT'D),
// lower-case extensions) so merging is exercised; locations repeat across scenes.
import { seededRandom } from '../random/seeded-random'

export interface SyntheticScreenplayOptions {
  /** Number of scenes (default 110). */
  scenes?: number
  /** Seed for the deterministic generator (default 7). */
  seed?: number
}

export interface SyntheticScreenplay {
  text: string
  /** The distinct characters who speak, by merged name. */
  characters: string[]
  /** Distinct locations used in headings. */
  locations: string[]
}

const CAST = [
  'MARA',
  'JONAH',
  'DETECTIVE REYES',
  'OLD WOMAN',
  'DR. OKAFOR',
  'SAMIR',
  'LENA',
  'MR. HOLLOWAY',
  'KID',
  'PILOT',
  'NURSE ADA',
  'BARTENDER',
]
const PLACES = [
  "MARA'S APARTMENT - KITCHEN",
  'POLICE STATION - BULLPEN',
  'HARBOUR DOCKS',
  'CITY HOSPITAL - CORRIDOR',
  'ROOFTOP',
  'DINER',
  'HOLLOWAY ESTATE - STUDY',
  'TRAIN PLATFORM',
  'FOREST ROAD',
  'AIRFIELD HANGAR',
]
const TIMES = ['DAY', 'NIGHT', 'MORNING', 'DUSK', 'CONTINUOUS', 'LATER']
const EXTENSIONS = ['', '', '', ' (V.O.)', ' (O.S.)', " (CONT'D)", " (cont'd)"]
const WORDS =
  'rain light door window table shadow glass coat phone map letter engine street voice silence smoke key photograph clock river'.split(
    ' ',
  )
const VERBS = 'crosses studies lifts drops watches opens closes grabs hides follows pockets turns'.split(' ')

/** Generates a feature-length Fountain script (about 120 pages at the default 110 scenes). */
export function syntheticScreenplay(options: SyntheticScreenplayOptions = {}): SyntheticScreenplay {
  const random = seededRandom(options.seed ?? 7)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const sentence = (): string => {
    const who = pick(CAST)
    const n = 6 + Math.floor(random() * 10)
    const words = Array.from({ length: n }, () => pick(WORDS)).join(' ')
    return `${who.charAt(0)}${who.slice(1).toLowerCase()} ${pick(VERBS)} the ${words}.`
  }
  const out: string[] = [
    'Title: The Long Night of the Harbour',
    'Credit: written by',
    'Author: Synthetic Writer',
    '',
    'FADE IN:',
    '',
  ]
  const characters = new Set<string>()
  const locations = new Set<string>()
  const sceneCount = options.scenes ?? 110
  for (let s = 0; s < sceneCount; s++) {
    const place = pick(PLACES)
    locations.add(place)
    out.push(`${random() < 0.7 ? 'INT.' : 'EXT.'} ${place} - ${pick(TIMES)}`, '')
    const beats = 5 + Math.floor(random() * 4)
    for (let b = 0; b < beats; b++) {
      out.push(...Array.from({ length: 2 + Math.floor(random() * 3) }, sentence), '')
      const speaker = pick(CAST)
      characters.add(speaker)
      out.push(`${speaker}${pick(EXTENSIONS)}`)
      if (random() < 0.3) out.push('(quietly)')
      out.push(...Array.from({ length: 1 + Math.floor(random() * 3) }, sentence), '')
    }
    if (random() < 0.3) out.push('CUT TO:', '')
  }
  out.push('FADE OUT.')
  return { text: `${out.join('\n')}\n`, characters: [...characters], locations: [...locations] }
}
