import type { WorkflowParameter } from '@aipipeline/contracts'
import { describe, expect, it } from 'vitest'
import { initialValues, randomSeed, toSubmitParameters } from './parameter-values'

const at = [{ nodeId: '3', inputName: 'x', whole: true }]
const schema: WorkflowParameter[] = [
  { name: 'prompt', type: 'string', locations: at },
  { name: 'steps', type: 'int', default: 20, locations: at },
  { name: 'cfg', type: 'float', default: 7.5, locations: at },
  { name: 'seed', type: 'seed', locations: at },
  { name: 'hires', type: 'boolean', default: true, locations: at },
]

describe('template parameters in the submit dialog', () => {
  it('pre-fills each field with its default and leaves the rest empty', () => {
    expect(initialValues(schema)).toEqual({ prompt: '', steps: 20, cfg: 7.5, seed: '', hires: true })
  })

  it('submits typed values', () => {
    const values = { prompt: 'a lighthouse', steps: '30', cfg: 6.5, seed: 42, hires: false }
    expect(toSubmitParameters(schema, values)).toEqual({
      ok: true,
      parameters: { prompt: 'a lighthouse', steps: 30, cfg: 6.5, seed: 42, hires: false },
    })
  })

  it('names the fields that are empty, not numbers or not whole numbers', () => {
    const values = { prompt: '', steps: 2.5, cfg: 'abc', seed: '', hires: true }
    expect(toSubmitParameters(schema, values)).toEqual({
      ok: false,
      problems: [
        { name: 'prompt', problem: 'required' },
        { name: 'steps', problem: 'not-an-integer' },
        { name: 'cfg', problem: 'not-a-number' },
        { name: 'seed', problem: 'required' },
      ],
    })
  })

  it('draws seeds that are safe integers', () => {
    expect(randomSeed(() => 0.999999)).toBeLessThan(2 ** 48)
    expect(Number.isSafeInteger(randomSeed())).toBe(true)
  })
})
