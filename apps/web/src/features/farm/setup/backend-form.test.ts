import { describe, expect, it } from 'vitest'
import { EMPTY_BACKEND_FORM, formProblems, invalidTags, isBackendUrl, testFailureKey } from './backend-form'

describe('backend form', () => {
  it('accepts http and https URLs only', () => {
    expect(isBackendUrl('http://gpu-1:8188')).toBe(true)
    expect(isBackendUrl(' https://gpu.example.com/comfy ')).toBe(true)
    expect(isBackendUrl('ftp://gpu-1')).toBe(false)
    expect(isBackendUrl('gpu-1:8188')).toBe(false)
    expect(isBackendUrl('')).toBe(false)
  })

  it('names the tags the server would refuse', () => {
    expect(invalidTags(['video', 'vram:24', 'has space', 'ok_1', 'ü'])).toEqual(['has space', 'ü'])
  })

  it('reports each field that keeps the form from being sent', () => {
    expect(formProblems(EMPTY_BACKEND_FORM)).toEqual({ name: 'nameRequired', url: 'urlInvalid' })
    expect(formProblems({ name: 'gpu', url: 'http://gpu:8188', tags: ['a b'], maxInFlight: 9, enabled: true })).toEqual(
      { tags: 'tagsInvalid', maxInFlight: 'inFlightRange' },
    )
    expect(formProblems({ name: 'gpu', url: 'http://gpu:8188', tags: [], maxInFlight: 2, enabled: true })).toEqual({})
  })

  it('has a sentence for every kind of failed test', () => {
    const keys = (['unreachable', 'timeout', 'not_comfyui', 'redirected'] as const).map(testFailureKey)
    expect(new Set(keys).size).toBe(4)
  })
})
