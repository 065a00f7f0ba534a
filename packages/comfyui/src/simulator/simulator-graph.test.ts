import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type SimGraph, samplerSteps } from './simulator-graph'

// Step counts the simulated samplers tick through, compared with what ComfyUI's samplers run:
// SamplerCustom(Advanced) runs one step per pair of consecutive sigmas.

const scheduler = (steps: number, denoise = 1): SimGraph[string] => ({
  class_type: 'BasicScheduler',
  inputs: { model: ['1', 0], scheduler: 'simple', steps, denoise },
})

function advanced(sigmas: unknown): SimGraph {
  return {
    '9': {
      class_type: 'SamplerCustomAdvanced',
      inputs: { noise: ['2', 0], guider: ['3', 0], sampler: ['4', 0], sigmas, latent_image: ['6', 0] },
    },
  }
}

describe('simulated sampler steps', () => {
  it('runs as many SamplerCustomAdvanced steps as the BasicScheduler asks for', () => {
    const graph = { ...advanced(['5', 0]), '5': scheduler(8) }
    expect(samplerSteps(graph, '9')).toBe(8)
  })

  it('runs as many SamplerCustom steps as the Karras scheduler asks for', () => {
    const graph: SimGraph = {
      '5': { class_type: 'KarrasScheduler', inputs: { steps: 30, sigma_max: 14.6, sigma_min: 0.03, rho: 7 } },
      '9': { class_type: 'SamplerCustom', inputs: { noise_seed: 1, cfg: 7, sigmas: ['5', 0] } },
    }
    expect(samplerSteps(graph, '9')).toBe(30)
  })

  it('splits steps between the high and low halves of SplitSigmas, through FlipSigmas', () => {
    const graph: SimGraph = {
      '5': scheduler(20),
      '6': { class_type: 'SplitSigmas', inputs: { sigmas: ['5', 0], step: 6 } },
      '7': { class_type: 'FlipSigmas', inputs: { sigmas: ['6', 1] } },
      '8': { class_type: 'SamplerCustom', inputs: { sigmas: ['6', 0] } },
      '9': { class_type: 'SamplerCustom', inputs: { sigmas: ['7', 0] } },
    }
    expect([samplerSteps(graph, '8'), samplerSteps(graph, '9')]).toEqual([6, 14])
  })

  it('counts the values of a manual sigma list', () => {
    const graph = { ...advanced(['5', 0]), '5': { class_type: 'ManualSigmas', inputs: { sigmas: '1.0, 0.6, 0.3, 0' } } }
    expect(samplerSteps(graph, '9')).toBe(3)
  })

  it('splits a schedule by denoise with SplitSigmasDenoise', () => {
    const graph: SimGraph = {
      '5': scheduler(20),
      '6': { class_type: 'SplitSigmasDenoise', inputs: { sigmas: ['5', 0], denoise: 0.25 } },
      '8': { class_type: 'SamplerCustom', inputs: { sigmas: ['6', 0] } },
      '9': { class_type: 'SamplerCustom', inputs: { sigmas: ['6', 1] } },
    }
    expect([samplerSteps(graph, '8'), samplerSteps(graph, '9')]).toEqual([15, 5])
  })

  it('keeps 20 steps when the sigmas come from a node it does not know', () => {
    const graph = { ...advanced(['5', 0]), '5': { class_type: 'MysterySigmas', inputs: { strength: 2 } } }
    expect(samplerSteps(graph, '9')).toBe(20)
  })

  it('follows any BasicScheduler step count, for both halves of any split', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 250 }), (steps, split) => {
        const graph: SimGraph = {
          '5': scheduler(steps),
          '6': { class_type: 'SplitSigmas', inputs: { sigmas: ['5', 0], step: split } },
          '8': { class_type: 'SamplerCustom', inputs: { sigmas: ['6', 0] } },
          '9': { class_type: 'SamplerCustom', inputs: { sigmas: ['6', 1] } },
          '10': { class_type: 'SamplerCustom', inputs: { sigmas: ['5', 0] } },
        }
        expect(samplerSteps(graph, '10')).toBe(steps)
        expect(samplerSteps(graph, '8') + samplerSteps(graph, '9')).toBe(steps)
      }),
    )
  })

  it('keeps KSampler and KSamplerAdvanced counts', () => {
    const graph: SimGraph = {
      '1': { class_type: 'KSampler', inputs: { steps: 12 } },
      '2': { class_type: 'KSamplerAdvanced', inputs: { steps: 30, start_at_step: 10, end_at_step: 10000 } },
      '3': { class_type: 'VAEDecode', inputs: {} },
    }
    expect(['1', '2', '3'].map((id) => samplerSteps(graph, id))).toEqual([12, 20, 0])
  })
})
