import { type ApiInputValue, type ApiPrompt, isLink, textToImagePrompt, textToVideoPrompt } from '@aipipeline/comfyui'
import fc from 'fast-check'
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

/** The per-sampler breadth-first search estimateCost used before it was made linear. */
function referenceCost(prompt: ApiPrompt): number {
  const factor = (start: string): number => {
    const seen = new Set<string>()
    const queue = [start]
    while (queue.length > 0) {
      const id = queue.shift() ?? ''
      if (seen.has(id)) continue
      seen.add(id)
      const inputs = prompt[id]?.inputs
      if (inputs === undefined) continue
      if (typeof inputs.width === 'number' && typeof inputs.height === 'number') {
        const length = typeof inputs.length === 'number' ? inputs.length : 1
        const batch = typeof inputs.batch_size === 'number' ? inputs.batch_size : 1
        return ((inputs.width * inputs.height) / (512 * 512)) * (Math.floor((length - 1) / 4) + 1) * batch
      }
      for (const v of Object.values(inputs)) if (isLink(v)) queue.push(v[0])
    }
    return 1
  }
  let cost = 0
  for (const [id, node] of Object.entries(prompt)) {
    const steps = typeof node.inputs.steps === 'number' ? node.inputs.steps : 20
    if (/sampler/i.test(node.class_type)) cost += Math.max(1, steps) * factor(id)
    else if (/VAEDecode/i.test(node.class_type)) cost += 2.5 * factor(id)
  }
  return Math.max(0.5, cost)
}

/** A random acyclic prompt: each node links only to earlier ones; some carry a latent size. */
const acyclicPrompt = fc
  .array(
    fc.record({
      kind: fc.constantFrom('KSampler', 'VAEDecode', 'EmptyLatentImage', 'LatentUpscale', 'CLIPTextEncode'),
      width: fc.constantFrom(256, 512, 768),
      links: fc.array(fc.nat(), { maxLength: 3 }),
      steps: fc.integer({ min: 1, max: 40 }),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((nodes) => {
    const prompt: ApiPrompt = {}
    nodes.forEach((n, i) => {
      const inputs: Record<string, ApiInputValue> = { steps: n.steps }
      n.links.forEach((l, k) => {
        if (i > 0) inputs[`in${k}`] = [String(l % i), 0]
      })
      if (n.kind === 'EmptyLatentImage' || n.kind === 'LatentUpscale') {
        inputs.width = n.width
        inputs.height = n.width
      }
      prompt[String(i)] = { class_type: n.kind, inputs }
    })
    return prompt
  })

describe('render cost of large graphs', () => {
  it('matches the breadth-first search on any acyclic graph', () => {
    fc.assert(
      fc.property(acyclicPrompt, (prompt) => {
        expect(estimateCost(prompt)).toBeCloseTo(referenceCost(prompt))
      }),
    )
  })

  it('prices a 10,000-sampler chain (each sampler refines the previous latent)', () => {
    const prompt: ApiPrompt = { '1': { class_type: 'EmptyLatentImage', inputs: { width: 512, height: 512 } } }
    for (let i = 2; i <= 10_001; i++) {
      prompt[String(i)] = { class_type: 'KSampler', inputs: { steps: 2, latent_image: [String(i - 1), 0] } }
    }
    expect(estimateCost(prompt)).toBe(20_000)
  })
})
