import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CpeConfigInput } from '../config/cpe-config.schema'
import { fixtureCatalog } from '../testing/catalog.fixture'
import { hasOwnCase } from './common-phrases'
import { formatPrompt, TARGET_MODELS } from './format-prompt'

const models = TARGET_MODELS.map((m) => m.id)
const prompts = (config: CpeConfigInput) => models.map((m) => formatPrompt(m, config, fixtureCatalog).prompt)

describe('user words whose case is their meaning', () => {
  it('keep LoRA names and trigger words in details exactly as written, for every model', () => {
    const config: CpeConfigInput = {
      content: { subject: 'a detective', details: ['mara_lora', 'ohwx woman', 'sks', 'LoRA:film-look'] },
    }
    for (const prompt of prompts(config)) {
      expect(prompt).toContain('mara_lora')
      expect(prompt).not.toContain('Mara_lora')
      expect(prompt).toContain('ohwx woman')
      expect(prompt).toMatch(/\bsks\b/)
    }
  })

  it('keep a subject, action or setting with an underscore, digits or mixed case as written', () => {
    const config: CpeConfigInput = {
      content: { subject: 'mara_lora detective', setting: 'neoTokyo rooftop', action: 'r2d2 beeps' },
    }
    for (const prompt of prompts({ content: { subject: config.content?.subject } }))
      expect(prompt).toContain('mara_lora detective')
    for (const prompt of prompts({ content: { setting: 'neoTokyo rooftop' } })) expect(prompt).toContain('neoTokyo')
    for (const prompt of prompts({ content: { action: 'r2d2 beeps' } })) expect(prompt).not.toContain('R2d2')
    for (const prompt of prompts(config)) expect(prompt).not.toMatch(/Mara_lora|NeoTokyo/)
  })

  it('still starts plain sentences with a capital', () => {
    const { prompt } = formatPrompt('flux-dev', { content: { subject: 'a detective' } }, fixtureCatalog)
    expect(prompt).toContain('A detective.')
  })

  it('never change the case of any detail phrase (trigger words are passed as details)', () => {
    // Upper-case BREAK is Stable Diffusion syntax, deliberately lowered in user text.
    const phrase = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,11}( [a-z]{1,6})?$/).filter((p) => !/\bBREAK\b/.test(p))
    fc.assert(
      fc.property(fc.array(phrase, { minLength: 1, maxLength: 5 }), (details) => {
        const config = { content: { subject: 'a dancer', details } }
        for (const prompt of prompts(config)) {
          const kept = details.filter((d) => prompt.includes(d))
          // Budgets may drop details, never re-case them: every detail found is found as written.
          for (const d of details)
            if (!kept.includes(d)) expect(prompt.toLowerCase().includes(d.toLowerCase())).toBe(false)
        }
      }),
      { numRuns: 100 },
    )
  })
})

describe('hasOwnCase', () => {
  it.each([
    ['mara_lora', true],
    ['r2d2', true],
    ['LoRA', true],
    ['iPhone glow', true],
    ['a detective', false],
    ['Rain', false],
    ['NASA', false],
  ])('%s → %s', (text, expected) => {
    expect(hasOwnCase(text)).toBe(expected)
  })
})
