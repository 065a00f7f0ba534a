import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ApiPrompt } from './api-prompt.schema'
import { expandSweep, randomizeSeeds } from './parameter-sweep'
import { applyParameters, describeParameters } from './parameters'
import { testObjectInfo } from './test-object-info.test-helper'

function templated(): ApiPrompt {
  return {
    '3': {
      class_type: 'KSampler',
      inputs: { seed: '{seed}', steps: '{steps:30}', cfg: '{cfg:7.5}', model: ['4', 0] },
      _meta: { title: 'Main sampler' },
    },
    '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'sd15.safetensors' } },
    '6': { class_type: 'CLIPTextEncode', inputs: { text: 'a {subject} at {time:dusk}, {a|b} style', clip: ['4', 1] } },
    '9': { class_type: 'SaveImage', inputs: { filename_prefix: 'shots/{shot}/v{version:1}', images: ['3', 0] } },
  }
}

describe('describeParameters', () => {
  it('finds text and whole-value placeholders with their types and defaults', () => {
    const byName = Object.fromEntries(describeParameters(templated(), testObjectInfo).map((p) => [p.name, p]))
    expect(Object.keys(byName).sort()).toEqual(['cfg', 'seed', 'shot', 'steps', 'subject', 'time', 'version'])
    expect(byName.steps).toMatchObject({ type: 'int', default: 30 })
    expect(byName.cfg).toMatchObject({ type: 'float', default: 7.5 })
    expect(byName.seed).toMatchObject({ type: 'seed' })
    expect(byName.time).toMatchObject({ type: 'string', default: 'dusk' })
    expect(byName.subject?.locations).toEqual([{ nodeId: '6', inputName: 'text', whole: false }])
  })

  it('leaves dynamic-prompt choices {a|b} alone', () => {
    expect(describeParameters(templated()).some((p) => p.name.includes('|'))).toBe(false)
  })
})

describe('applyParameters', () => {
  it('fills placeholders, turning whole-value numbers into numbers, without touching the input', () => {
    const prompt = templated()
    const before = structuredClone(prompt)
    const { prompt: out, errors } = applyParameters(
      prompt,
      { seed: 42, subject: 'castle', shot: 'sh010' },
      testObjectInfo,
    )
    expect(errors).toEqual([])
    expect(out['3']?.inputs).toMatchObject({ seed: 42, steps: 30, cfg: 7.5 })
    expect(out['6']?.inputs.text).toBe('a castle at dusk, {a|b} style')
    expect(out['9']?.inputs.filename_prefix).toBe('shots/sh010/v1')
    expect(prompt).toEqual(before)
  })

  it('applies overrides addressed by node id, by title and by class type', () => {
    const base = applyParameters(templated(), { seed: 1, subject: 's', shot: 'x' }).prompt
    const { prompt, errors } = applyParameters(base, {
      '3.inputs.steps': 12,
      'Main sampler.cfg': 4,
      'CheckpointLoaderSimple.ckpt_name': 'sdxl.safetensors',
    })
    expect(errors).toEqual([])
    expect(prompt['3']?.inputs).toMatchObject({ steps: 12, cfg: 4 })
    expect(prompt['4']?.inputs.ckpt_name).toBe('sdxl.safetensors')
  })

  it('names unknown parameters, ill-typed values and missing values', () => {
    const { errors } = applyParameters(templated(), { steps: 'many', nope: 1, 'KSampler.model': 3 }, testObjectInfo)
    const messages = errors.map((e) => `${e.code}: ${e.message}`)
    expect(messages).toContain('bad-parameter-value: Parameter "steps" expects an int, got "many"')
    expect(messages).toContain(
      'unknown-parameter: Unknown parameter "nope": no placeholder has this name and it addresses no node input',
    )
    expect(messages.some((m) => m.startsWith('missing-parameter: Parameter "seed"'))).toBe(true)
    expect(messages.some((m) => m.includes('"KSampler.model"') && m.includes('is a link'))).toBe(true)
  })

  it('round-trips: every described parameter accepts a value of its type and leaves no placeholder', () => {
    const names = fc.constantFrom('alpha', 'beta', 'gamma_2', 'shot.name')
    const slot = fc.record({ name: names, whole: fc.boolean(), kind: fc.constantFrom('int', 'text') })
    fc.assert(
      fc.property(fc.array(slot, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 1000 }), (slots, n) => {
        const prompt: ApiPrompt = {}
        slots.forEach((s, i) => {
          const value = s.whole ? `{${s.name}}` : `take {${s.name}} here`
          prompt[String(i + 1)] = { class_type: 'CLIPTextEncode', inputs: { text: value } }
        })
        const parameters = describeParameters(prompt)
        const values = Object.fromEntries(parameters.map((p) => [p.name, p.type === 'string' ? `v${n}` : n]))
        const { prompt: out, errors } = applyParameters(prompt, values)
        expect(errors).toEqual([])
        expect(describeParameters(out)).toEqual([])
        expect(new Set(parameters.map((p) => p.name))).toEqual(new Set(slots.map((s) => s.name)))
      }),
    )
  })
})

describe('randomizeSeeds', () => {
  it('is reproducible for a base seed and differs between base seeds', () => {
    const prompt: ApiPrompt = {
      '3': { class_type: 'KSampler', inputs: { seed: 1, steps: 20 } },
      '11': { class_type: 'KSamplerAdvanced', inputs: { noise_seed: 1 } },
    }
    const a = randomizeSeeds(prompt, 7)
    expect(randomizeSeeds(prompt, 7)).toEqual(a)
    expect(Object.keys(a.seeds)).toEqual(['3.seed', '11.noise_seed'])
    expect(randomizeSeeds(prompt, 8).seeds).not.toEqual(a.seeds)
    expect(a.prompt['3']?.inputs.steps).toBe(20)
    for (const seed of Object.values(a.seeds)) expect(Number.isSafeInteger(seed) && seed >= 0).toBe(true)
    expect(prompt['3']?.inputs.seed).toBe(1)
  })
})

describe('expandSweep', () => {
  it('produces the cartesian product, last axis fastest', () => {
    const runs = expandSweep(
      templated(),
      { steps: [10, 20], subject: ['cat', 'dog', 'owl'] },
      { seed: 5, shot: 'sh010' },
    )
    expect(runs.map((r) => r.values)).toEqual([
      { steps: 10, subject: 'cat' },
      { steps: 10, subject: 'dog' },
      { steps: 10, subject: 'owl' },
      { steps: 20, subject: 'cat' },
      { steps: 20, subject: 'dog' },
      { steps: 20, subject: 'owl' },
    ])
    expect(runs.every((r) => r.errors.length === 0)).toBe(true)
    expect(runs[4]?.prompt['6']?.inputs.text).toBe('a dog at dusk, {a|b} style')
    expect(runs[4]?.prompt['3']?.inputs.steps).toBe(20)
  })

  it('refuses sweeps beyond the run limit', () => {
    const big = Array.from({ length: 200 }, (_, i) => i)
    const runs = expandSweep(templated(), { steps: big, cfg: big })
    expect(runs).toHaveLength(1)
    expect(runs[0]?.errors[0]?.message).toContain('40000 runs')
  })
})
