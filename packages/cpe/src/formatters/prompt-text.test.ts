// What a prompt must read like for every preset and every target model, whatever the user writes
// (in English or Korean): no phrase said twice, no catalog label pasted as written, and joins that
// are grammatical. User text here never repeats itself and shares no words with the catalog, so
// any repetition a check finds was made by the engine.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultCatalog } from '../catalog/catalog'
import type { CpeConfigInput } from '../config/cpe-config.schema'
import { applyPreset } from '../presets/apply-preset'
import { configArbitrary } from '../testing/config.arbitrary'
import { formatPrompt, TARGET_MODELS } from './format-prompt'

const catalog = defaultCatalog()
const models = TARGET_MODELS.map((m) => m.id)

/** Words that join two content words into one phrase ("black and white"); other function words end it. */
const JOINERS = new Set(['and', 'of', 'the', 'a', 'an'])
const BREAKERS = new Set(
  'in on at by with from to for or into onto over under as is are its it this that while near set scene'.split(' '),
)

/** The text of a prompt without Midjourney's parameters, SD chunk breaks and SD weights. */
const proseOf = (prompt: string): string =>
  prompt
    .replace(/ --\S+(?: [^-\s]\S*)?/g, '')
    .replace(/ BREAK /g, ', ')
    .replace(/\\([()])/g, '$1')
    .replace(/\(([^()]*):\d+(?:\.\d+)?\)/g, '$1')

/** Content-word pairs of each clause; a pair seen twice is a phrase the prompt repeats. */
function repeatedPhrase(prompt: string): string | undefined {
  const seen = new Set<string>()
  for (const clause of proseOf(prompt).split(/[,.;:!?]+(?:\s|$)/)) {
    let previous: string | undefined
    for (const word of clause.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []) {
      if (JOINERS.has(word)) continue
      if (BREAKERS.has(word)) previous = undefined
      else {
        const pair = `${previous} ${word}`
        if (previous !== undefined && seen.has(pair)) return pair
        if (previous !== undefined) seen.add(pair)
        previous = word
      }
    }
  }
  return undefined
}

/** A catalog label pasted as written: "open fire: campfire, …", "oil or kerosene lamp", "(tungsten, red or blue)". */
function rawLabel(prompt: string): string | undefined {
  const text = proseOf(prompt)
  return /\p{L}: \p{L}/u.exec(text)?.[0] ?? /\b\p{L}+ or \p{L}+\b/u.exec(text)?.[0] ?? /\([^()]*\)/.exec(text)?.[0]
}

/** A join that is not grammatical: doubled prepositions or words, doubled separators, a dangling "and". */
function badJoin(prompt: string): string | undefined {
  const text = proseOf(prompt)
  return (
    /\b(?:in|at|on|by|from|with|of|into) (?:in|at|on|inside|by|from|with|of|into|under|near)\b/i.exec(text)?.[0] ??
    /\b(\p{L}+) \1\b/iu.exec(text)?.[0] ??
    /[,.;:]\s*[,.;:]/.exec(text)?.[0] ??
    /\band\s*(?:[,.;:]|$)/.exec(text)?.[0] ??
    /(?:^|[,.;:]\s*)and\b/i.exec(text)?.[0]
  )
}

const ENGLISH = {
  subjects: ['a detective', 'an old sailor', 'a violinist', 'two couriers', 'a librarian'],
  actions: ['waits', 'whistles softly', 'counts coins', 'folds a letter', 'climbs slowly'],
  places: ['inside a cathedral', 'at the harbour', 'under a bridge', 'a rooftop market', 'near the ferry pier'],
  details: ['wet trench coat', 'gulls circling', 'brass buttons', 'crumpled map', 'steam from a kettle'],
}
const KOREAN = {
  subjects: ['형사', '늙은 선원', '바이올리니스트', '우체부 두 명', '사서'],
  actions: ['기다린다', '휘파람을 분다', '동전을 센다', '편지를 접는다', '천천히 오른다'],
  places: ['등대 내부', '항구', '다리 아래', '옥상 시장', '선착장 근처'],
  details: ['젖은 트렌치코트', '맴도는 갈매기', '놋쇠 단추', '구겨진 지도', '주전자의 김'],
}

/** Content in one language, each field drawn from its own pool so no words repeat. */
const contentIn = (words: typeof ENGLISH) =>
  fc.record(
    {
      subject: fc.constantFrom(...words.subjects),
      action: fc.constantFrom(...words.actions),
      setting: fc.constantFrom(...words.places),
      details: fc.subarray(words.details, { maxLength: 3 }),
    },
    { requiredKeys: [] },
  )

const content = fc.oneof(contentIn(ENGLISH), contentIn(KOREAN))

/** Why a prompt reads badly, or undefined when it reads well. */
function textProblem(prompt: string): string | undefined {
  const repeated = repeatedPhrase(prompt)
  if (repeated !== undefined) return `repeats "${repeated}"`
  const label = rawLabel(prompt)
  if (label !== undefined) return `catalog label "${label}"`
  const join = badJoin(prompt)
  return join === undefined ? undefined : `bad join "${join}"`
}

function expectReadable(config: CpeConfigInput) {
  for (const model of models) {
    const { prompt } = formatPrompt(model, config, catalog)
    expect({ model, prompt, problem: textProblem(prompt) }).toEqual({ model, prompt, problem: undefined })
  }
}

describe('the checks themselves', () => {
  it('catch the phrasing users reported', () => {
    expect(repeatedPhrase('Low-key lighting from candle flame and candle flame.')).toBe('candle flame')
    expect(repeatedPhrase('Lit by neon sign and neon sign, at night.')).toBe('neon sign')
    expect(rawLabel('lit by open fire: campfire, fireplace or torch')).toBe('e: c')
    expect(rawLabel('lit by an oil or kerosene lamp')).toBe('oil or kerosene')
    expect(badJoin('The scene is set in inside a lighthouse.')).toBe('in inside')
    expect(badJoin('A man waits, , at night.')).toBe(', ,')
    expect(badJoin('Lit by a lamp and.')).toBe('and.')
  })

  it('let ordinary prompts through', () => {
    const ok = 'Cinematic film still. A detective waits at the harbour. Low-key lighting from a candle flame.'
    expect(textProblem(ok)).toBeUndefined()
    expect(textProblem('(close-up shot:1.2), a detective, 2.39:1 widescreen --ar 239:100 --v 7')).toBeUndefined()
  })
})

describe('prompt text', () => {
  const presetIds = [...catalog.presets.keys()]

  it.each(presetIds)('reads well for preset %s in every model, in English and Korean', (presetId) => {
    fc.assert(
      fc.property(content, (c) => expectReadable(applyPreset({ content: c }, presetId, catalog).config)),
      { numRuns: 6 },
    )
  })

  it('reads well for any combination of catalog choices', () => {
    fc.assert(
      fc.property(configArbitrary(catalog), content, (config, c) => expectReadable({ ...config, content: c })),
      { numRuns: 300 },
    )
  })

  it('says the same light once when it both lights the scene and is seen in frame', () => {
    const config = { lighting: { sourceIds: ['candle', 'neon-sign'], practicalIds: ['candle', 'neon-sign'] } }
    for (const model of models) expect(repeatedPhrase(formatPrompt(model, config, catalog).prompt)).toBeUndefined()
  })

  it('describes golden hour to Wan as golden hour, not as sunrise', () => {
    for (const model of ['wan-2.1', 'wan-2.2'] as const) {
      const { prompt } = formatPrompt(model, { lighting: { timeOfDay: 'golden-hour' } }, catalog)
      expect(prompt).not.toMatch(/sunrise/i)
      expect(prompt).toMatch(/golden hour/i)
    }
  })
})
