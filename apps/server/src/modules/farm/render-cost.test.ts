import { textToImagePrompt, textToVideoPrompt } from '@aipipeline/comfyui'
import { describe, expect, it } from 'vitest'
import { estimateCost } from './render-cost'

describe('render cost estimate', () => {
  it('counts sampler steps and the VAE decode in 512² frames', () => {
    // 20 steps + a 2.5-step decode, at one 512² frame.
    expect(estimateCost(textToImagePrompt({ steps: 20, width: 512, height: 512 }))).toBeCloseTo(22.5)
    // A quarter of the pixels: a quarter of the work.
    expect(estimateCost(textToImagePrompt({ steps: 20, width: 256, height: 256 }))).toBeCloseTo(5.625)
  })

  it('scales video work by its latent frames', () => {
    const video = textToVideoPrompt({ steps: 4, width: 512, height: 512, length: 17 })
    // 17 frames are 5 latent frames: (4 steps + 2.5 decode) × 5.
    expect(estimateCost(video)).toBeCloseTo(32.5)
  })

  it('never answers less than half a unit, even for a graph without a sampler', () => {
    expect(estimateCost({ '1': { class_type: 'LoadImage', inputs: { image: 'a.png' } } })).toBe(0.5)
  })
})
