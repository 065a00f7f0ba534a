// The link checks a studio runs at submit are the simulator's own: the same error, code,
// node and input for a dangling link and a cycle, whatever object_info says.
import { describe, expect, it } from 'vitest'
import { defaultObjectInfo } from '../simulator/default-object-info'
import { textToImagePrompt } from '../simulator/sample-prompts'
import { validateApiPrompt } from './prompt.validator'
import { validatePromptLinks } from './prompt-links.validator'

function serverErrors(prompt: ReturnType<typeof textToImagePrompt>) {
  const result = validateApiPrompt(prompt, defaultObjectInfo())
  return result.errors.map(({ dependentOutputs: _, ...error }) => error)
}

describe('validatePromptLinks', () => {
  it('accepts a well-formed prompt', () => {
    expect(validatePromptLinks(textToImagePrompt())).toEqual([])
  })

  it('reports a link to a missing node exactly as the simulator does', () => {
    const prompt = textToImagePrompt()
    const save = prompt['9']
    if (save) save.inputs.images = ['42', 0]
    const errors = validatePromptLinks(prompt)
    expect(errors).toMatchObject([{ code: 'dangling-link', nodeId: '9', classType: 'SaveImage', inputName: 'images' }])
    expect(errors).toEqual(serverErrors(prompt))
  })

  it('reports a cycle on its first node and the input that closes it, as the simulator does', () => {
    const prompt = textToImagePrompt()
    const sampler = prompt['3']
    if (sampler) sampler.inputs.latent_image = ['8', 0]
    const errors = validatePromptLinks(prompt)
    expect(errors).toMatchObject([
      { code: 'cycle', nodeId: '3', inputName: 'latent_image', details: { cycle: ['3', '8', '3'] } },
    ])
    // The simulator also finds the IMAGE → LATENT mismatch, which needs object_info.
    expect(errors).toEqual(serverErrors(prompt).filter((e) => e.code === 'cycle'))
  })

  it('also finds cycles and dangling links in nodes no output depends on', () => {
    const prompt = textToImagePrompt()
    prompt['20'] = { class_type: 'VAEDecode', inputs: { samples: ['21', 0], vae: ['4', 2] } }
    prompt['21'] = { class_type: 'VAEEncode', inputs: { pixels: ['20', 0], vae: ['77', 0] } }
    expect(validatePromptLinks(prompt).map((e) => [e.code, e.nodeId, e.inputName])).toEqual([
      ['dangling-link', '21', 'vae'],
      ['cycle', '20', 'samples'],
    ])
  })
})
