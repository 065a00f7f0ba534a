// Importing a workflow: the suggested placeholders, filled with the values they were taken from,
// give back exactly the imported prompt (for any texts and numbers), and the suggestions carry
// the roles a shot render fills.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { textToImagePrompt } from '../simulator/sample-prompts'
import { applyParameters } from './parameters'
import { describeWorkflowImport } from './workflow-import'

const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'ab {}:|,\n1é'.split('')), maxLength: 24 }),
  fc.constantFrom('1', ' 2.5 ', 'true', 'false', '-0', '1e3', ''),
)

describe('workflow import', () => {
  it('round-trips: the templated prompt filled with the suggested defaults is the imported prompt', () => {
    fc.assert(
      fc.property(
        text.filter((t) => !/^\{[A-Za-z_][\w.-]*(:[^{}]*)?\}$/.test(t)),
        fc.nat({ max: 2 ** 40 }),
        fc.integer({ min: 1, max: 150 }),
        fc.integer({ min: 1, max: 64 }).map((n) => n * 16),
        (prompt, seed, steps, width) => {
          const original = textToImagePrompt({ text: prompt, seed, steps, width })
          const imported = describeWorkflowImport(original, undefined)
          const values = Object.fromEntries(
            imported.parameters.map((p) => [p.name, p.default ?? original['6']?.inputs.text]),
          )
          const filled = applyParameters(imported.prompt, values)
          expect(filled.errors).toEqual([])
          expect(filled.prompt).toEqual(original)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('suggests prompt, negative, seed, steps, cfg, denoise and size with their roles', () => {
    const imported = describeWorkflowImport(textToImagePrompt({ text: 'a pier', seed: 9 }), undefined)
    const byName = Object.fromEntries(imported.parameters.map((p) => [p.name, p]))
    expect(Object.keys(byName).sort()).toEqual([
      'cfg',
      'denoise',
      'height',
      'negative',
      'prompt',
      'seed',
      'steps',
      'width',
    ])
    expect(byName.prompt).toMatchObject({ role: 'prompt', type: 'string', default: 'a pier' })
    expect(byName.negative).toMatchObject({ role: 'negative', default: 'blurry' })
    expect(byName.seed).toMatchObject({ role: 'seed', type: 'seed', default: 9 })
    expect(byName.denoise).toMatchObject({ role: 'denoise', type: 'float', default: 1 })
    expect(imported).toMatchObject({ modelFamily: 'sd15', category: 'text-to-image', outputs: ['image'] })
  })
})
