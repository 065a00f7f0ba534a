import type { WorkflowParameter } from '@aipipeline/contracts'
import { describe, expect, it } from 'vitest'
import {
  draftProblems,
  draftsOf,
  draftsValid,
  type ParameterDraft,
  parameterPatch,
  parameterSettings,
  rolesFor,
} from './parameter-edits'

const at = [{ nodeId: '3', inputName: 'x', whole: true }]
const saved: WorkflowParameter[] = [
  { name: 'prompt', type: 'string', locations: at, role: 'prompt' },
  { name: 'steps', type: 'int', default: 20, min: 1, max: 150, locations: at },
  { name: 'cfg', type: 'float', default: 7.5, locations: at, label: 'Guidance' },
  { name: 'seed', type: 'seed', locations: at },
  { name: 'hires', type: 'boolean', default: true, locations: at },
]

/** Changes some fields of one parameter's draft, as its row in the table would. */
function edit(drafts: Record<string, ParameterDraft>, name: string, change: Partial<ParameterDraft>): void {
  const draft = drafts[name]
  if (!draft) throw new Error(`no draft for ${name}`)
  drafts[name] = { ...draft, ...change }
}

describe('editing the parameters of a template', () => {
  it('sends nothing when nothing was changed', () => {
    expect(parameterPatch(saved, draftsOf(saved))).toEqual({})
  })

  it('sends only the fields that changed, typed, keyed by parameter name', () => {
    const drafts = draftsOf(saved)
    edit(drafts, 'steps', { label: ' Sampling steps ', default: '30', max: 80 })
    edit(drafts, 'seed', { role: 'seed' })
    expect(parameterPatch(saved, drafts)).toEqual({
      steps: { label: 'Sampling steps', default: 30, max: 80 },
      seed: { role: 'seed' },
    })
  })

  it('clears a label, a role or a bound with null', () => {
    const drafts = draftsOf(saved)
    edit(drafts, 'cfg', { label: '' })
    edit(drafts, 'prompt', { role: '' })
    edit(drafts, 'steps', { min: '' })
    expect(parameterPatch(saved, drafts)).toEqual({
      cfg: { label: null },
      prompt: { role: null },
      steps: { min: null },
    })
  })

  it('refuses a whole-number parameter with a fraction, and a range that is upside down', () => {
    expect(draftProblems('int', { label: '', role: '', default: 2.5, min: '', max: '' })).toEqual({
      default: 'notWhole',
    })
    expect(draftProblems('float', { label: '', role: '', default: '', min: 5, max: 1 })).toEqual({
      max: 'minAboveMax',
    })
    expect(draftProblems('float', { label: '', role: '', default: 'abc', min: '', max: '' })).toEqual({
      default: 'notNumber',
    })
  })

  it('refuses a default outside its range', () => {
    expect(draftProblems('int', { label: '', role: '', default: 200, min: 1, max: 150 })).toEqual({
      default: 'aboveMax',
    })
    expect(draftProblems('int', { label: '', role: '', default: 0, min: 1, max: 150 })).toEqual({
      default: 'belowMin',
    })
    const drafts = draftsOf(saved)
    expect(draftsValid(saved, drafts)).toBe(true)
    edit(drafts, 'steps', { default: 0 })
    expect(draftsValid(saved, drafts)).toBe(false)
  })

  it('offers only the roles a parameter of that type can fill', () => {
    expect(rolesFor('string')).toContain('prompt')
    expect(rolesFor('string')).not.toContain('width')
    expect(rolesFor('int')).toContain('width')
    expect(rolesFor('float')).toContain('cfg')
    expect(rolesFor('boolean')).toEqual([])
  })

  it('saves a new template with everything the review set, suggested or typed', () => {
    const drafts = draftsOf(saved)
    edit(drafts, 'seed', { label: 'Seed' })
    expect(parameterSettings(saved, drafts)).toEqual({
      prompt: { role: 'prompt' },
      steps: { default: 20, min: 1, max: 150 },
      cfg: { label: 'Guidance', default: 7.5 },
      seed: { label: 'Seed' },
      hires: { default: true },
    })
  })

  it('shows binary noise in a default as the number it stands for, and does not count it as a change', () => {
    const noisy: WorkflowParameter[] = [
      { name: 'denoise', type: 'float', default: 0.8700000000000001, locations: at },
      { name: 'seed', type: 'seed', default: 280823642470253, locations: at },
    ]
    const drafts = draftsOf(noisy)
    expect(drafts.denoise?.default).toBe(0.87)
    expect(drafts.seed?.default).toBe(280823642470253)
    expect(parameterPatch(noisy, drafts)).toEqual({})
  })
})
