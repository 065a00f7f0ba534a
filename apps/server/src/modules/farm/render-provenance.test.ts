// What a submitted prompt says about its outputs: the workflow hash ignores key order, the
// final prompts and seed come from the sampler, the models from the loaders.
import { textToImagePrompt, textToVideoPrompt } from '@aipipeline/comfyui'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson, inputRole, renderProvenance } from './render-provenance'

/** The same JSON value with every object's keys in reverse order. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered)
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reordered(v)]),
    )
  return value
}

describe('render provenance', () => {
  it('writes equal JSON values as the same canonical text whatever their key order, and parses back to them', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(reordered(value))).toBe(canonicalJson(value))
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)))
      }),
    )
  })

  it('reads the final prompt, negative, seed and models of a text-to-image prompt', () => {
    const prompt = textToImagePrompt({ seed: 31, text: 'a pier in fog' })
    const facts = renderProvenance(prompt)
    expect(facts).toMatchObject({
      prompt: 'a pier in fog',
      negativePrompt: 'blurry',
      seed: 31,
      models: { checkpoints: ['v1-5-pruned-emaonly.safetensors'], unets: [], loras: [] },
    })
    expect(renderProvenance(reordered(prompt) as typeof prompt).workflowHash).toBe(facts.workflowHash)
    expect(renderProvenance(textToImagePrompt({ seed: 32, text: 'a pier in fog' })).workflowHash).not.toBe(
      facts.workflowHash,
    )
  })

  it('names the diffusion model (unet) of a video workflow', () => {
    expect(renderProvenance(textToVideoPrompt()).models.unets).toEqual(['wan2.2_t2v_14B_fp8.safetensors'])
  })

  it('tells a mask or control input from a source image by the template role, else by the parameter name', () => {
    expect(inputRole('image')).toBe('image')
    expect(inputRole('mask_image')).toBe('mask')
    expect(inputRole('hint', 'controlImage')).toBe('control')
    expect(inputRole('mask_image', 'image')).toBe('image')
  })
})
