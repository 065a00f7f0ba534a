// What every prompt must look like whatever the config leaves out: no template words standing in
// for missing content, no empty clauses, no connector left hanging at the end of a clause.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Catalog, defaultCatalog } from '../catalog/catalog'
import type { CpeConfigInput } from '../config/cpe-config.schema'
import { fixtureCatalog } from '../testing/catalog.fixture'
import { configArbitrary } from '../testing/config.arbitrary'
import { formatPrompt, TARGET_MODELS, type TargetModelId } from './format-prompt'
import { shortenToFit } from './phrase-budget'

const format = (model: TargetModelId, config: CpeConfigInput) => formatPrompt(model, config, fixtureCatalog)
const models = TARGET_MODELS.map((m) => m.id)

/** The text part of a prompt (Midjourney's parameters and SD's chunk breaks set aside). */
const text = (prompt: string) => prompt.replace(/ --\S+(?: [^-\s]\S*)?/g, '').replace(/ BREAK /g, ', ')

/** Why a prompt is malformed, or undefined when it is fine. */
function shapeProblem(prompt: string): string | undefined {
  const t = text(prompt)
  if (/(^|[.!?] )The scene\./.test(t)) return 'placeholder sentence "The scene."'
  if (/ {2}/.test(prompt)) return 'double space'
  if (/,\s*,|,\s*\.|^\s*,|,\s*$/.test(t)) return 'empty clause'
  // "zoom in" and "(boiling fur) left in" end on an adverb, not a connector.
  if (/(?<!zoom |left )\b(and|with|of|in|at|on|from|by|the|a|an|to)\s*(?:[.,;:]|$)/.test(t)) return 'trailing connector'
  if (/^\s*[.,]/.test(t) || /\.\s*\./.test(t)) return 'empty sentence'
  const brackets = prompt.replace(/\\[()]/g, '')
  if (brackets.split('(').length !== brackets.split(')').length) return 'unbalanced brackets'
  return undefined
}

describe('shortened phrases', () => {
  it('end on a whole clause, not on a connector, a comma or an open bracket', () => {
    const fits = (max: number) => (t: string) => t.split(' ').length <= max
    expect(shortenToFit('lit by a lamp and a candle', fits(5))).toBe('lit by a lamp')
    expect(shortenToFit('a photoflood (over-run tungsten lamp) and a candle', fits(4))).toBe('a photoflood')
    expect(shortenToFit('rain, fog, snow', fits(2))).toBe('rain, fog')
  })

  it('keep a Stable Diffusion weight well-formed when a weighted tag is cut', () => {
    const catalog = defaultCatalog()
    const ids = [...catalog.lightSources.keys()].slice(0, 30)
    const { prompt } = formatPrompt('sdxl', { lighting: { style: 'high-key', sourceIds: ids } }, catalog)
    expect(shapeProblem(prompt)).toBeUndefined()
    expect(prompt).toMatch(/ \(high-key lighting from .*[a-z]:1\.1\) /s)
  })
})

describe('a config with nothing to describe', () => {
  it.each(models)('%s gives an empty prompt and says why', (model) => {
    const result = format(model, {})
    expect(result.prompt).toBe('')
    expect(result.warnings).toContain('nothing to describe')
  })
})

describe('partial configs', () => {
  it('describe only the gear when there is no subject, without a placeholder subject', () => {
    const { prompt, warnings } = format('flux-dev', { camera: { bodyId: 'alexa-mini' } })
    expect(prompt).toBe('Cinematic film still. Shot on ARRI ALEXA Mini.')
    expect(warnings).not.toContain('nothing to describe')
    expect(format('hunyuan-video', { camera: { bodyId: 'alexa-mini' } }).prompt).not.toContain('The scene.')
  })

  it('make the setting the subject of a still when nothing else is', () => {
    expect(format('flux-dev', { content: { setting: 'a rainy alley' } }).prompt).toBe(
      'Cinematic film still. A rainy alley.',
    )
  })

  it('give an action without a subject someone to do it', () => {
    expect(format('flux-dev', { content: { action: 'lights a cigarette' } }).prompt).toContain(
      'A figure lights a cigarette.',
    )
    expect(format('wan-2.2', { content: { action: 'lights a cigarette' } }).prompt).toContain(
      'A figure lights a cigarette.',
    )
  })
})

const WORDS = ['detective', 'rain', 'neon', 'old', 'harbour', 'quiet', 'lamp', 'smoke', 'red', 'coat'] as const
const plainText = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '))

/** Random partial configs whose user text is plain words (user text is quoted as written). */
const partialConfig = (catalog: Catalog) =>
  configArbitrary(catalog).chain((config) =>
    fc
      .record(
        {
          subject: plainText,
          action: plainText,
          setting: plainText,
          details: fc.array(plainText, { maxLength: 3 }),
        },
        { requiredKeys: [] },
      )
      .map((content): CpeConfigInput => ({ ...config, content })),
  )

describe('prompt shape', () => {
  it.each([
    ['the fixture catalog', fixtureCatalog],
    ['the shipped catalog', defaultCatalog()],
  ])('never leaves placeholders, double spaces, empty clauses or trailing connectors (%s)', (_, catalog) => {
    fc.assert(
      fc.property(partialConfig(catalog), (config) => {
        for (const model of models) {
          const { prompt } = formatPrompt(model, config, catalog)
          expect({ model, prompt, problem: shapeProblem(prompt) }).toEqual({ model, prompt, problem: undefined })
        }
      }),
      { numRuns: 150 },
    )
  })
})
