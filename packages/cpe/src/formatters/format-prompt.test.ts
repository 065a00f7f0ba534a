import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultCatalog } from '../catalog/catalog'
import type { CpeConfigInput } from '../config/cpe-config.schema'
import { fixtureCatalog } from '../testing/catalog.fixture'
import { configArbitrary } from '../testing/config.arbitrary'
import { COGVIDEOX_MAX_TOKENS } from './cogvideox.formatter'
import { formatPrompt, TARGET_MODELS, type TargetModelId } from './format-prompt'
import { CLIP_CHUNK_TOKENS } from './stable-diffusion.formatter'
import { countClipTokens, countT5Tokens, countWords } from './token-count'

const noirShot: CpeConfigInput = {
  camera: { bodyId: 'panaflex-gold', lensId: 'c-series', focalLengthMm: 50, aspectRatioId: '2-39' },
  film: { stockId: 'vision3-500t' },
  lighting: { style: 'low-key', timeOfDay: 'night', practicalIds: ['neon-sign'] },
  shot: { size: 'close-up', movement: 'dolly-in' },
  look: { mood: 'tense' },
  content: { subject: 'a detective in a wet trench coat', action: 'lights a cigarette', setting: 'a rainy alley' },
}

const format = (model: TargetModelId, config: CpeConfigInput = noirShot) => formatPrompt(model, config, fixtureCatalog)

const longText = (max: number) =>
  fc.oneof(
    fc.string({ minLength: 200, maxLength: max }),
    fc.lorem({ maxCount: 400 }).map((s) => s.slice(0, max)),
  )

/** Configs with long, random content: the formatters must still respect their budgets. */
const longConfig = fc
  .tuple(configArbitrary(fixtureCatalog), longText(2000), longText(2000), fc.array(longText(500), { maxLength: 20 }))
  .map(([config, subject, action, details]): CpeConfigInput => ({ ...config, content: { subject, action, details } }))

describe('gear described the way captions do', () => {
  it('names film gauge, stock, anamorphic flares and widescreen ratio', () => {
    const { prompt } = format('flux-dev')
    for (const phrase of ['shot on 35mm film', 'Kodak Vision3 500T', 'anamorphic lens flares', '2.39:1 widescreen'])
      expect(prompt.toLowerCase()).toContain(phrase.toLowerCase())
  })
})

describe('FLUX', () => {
  it('writes prose without a negative prompt or weight syntax', () => {
    for (const model of ['flux-dev', 'flux-schnell'] as const) {
      const result = format(model)
      expect(result.negativePrompt).toBeUndefined()
      expect(result.prompt).not.toMatch(/\(\w[^)]*:\d/)
      expect(result.prompt).toMatch(/^[A-Z].*\.$/)
    }
  })

  it('suggests a frame size in multiples of 16', () => {
    const { width, height } = format('flux-dev').parameters
    expect(width % 16).toBe(0)
    expect(height % 16).toBe(0)
  })
})

describe('Stable Diffusion', () => {
  it('writes weighted comma tags with a negative prompt', () => {
    const result = format('sdxl')
    expect(result.prompt).toContain('(close-up shot:1.2)')
    expect(result.prompt).toContain('(anamorphic lens flare:1.2)')
    expect(result.negativePrompt).toContain('watermark')
  })

  it('escapes brackets in user text so they do not become weights', () => {
    const result = format('sd15', { content: { subject: 'a sign reading (OPEN:2) BREAK here' } })
    expect(result.prompt).toContain('\\(OPEN:2\\) break here')
  })
})

describe('video models', () => {
  it('Wan sends its default negative prompt, Wan tags and the camera move', () => {
    const result = format('wan-2.2')
    expect(result.negativePrompt).toContain('worst quality')
    expect(result.prompt).toContain('Close-up shot, Night time')
    expect(result.prompt).toContain('slow push-in toward the subject'.replace(/^s/, 'S'))
    expect(result.parameters).toMatchObject({ frames: 81, fps: 16 })
  })

  it('Wan describes an animation style with its frame cadence and no cinematic tags for flat 2D', () => {
    const result = format('wan-2.1', {
      kind: 'animation',
      animation: { styleId: 'test-cel', motion: 'twos' },
      shot: { size: 'wide' },
    })
    expect(result.prompt).toContain('Hand-drawn cel animation style, animated on twos')
    expect(result.prompt).not.toContain('Wide shot')
    expect(result.negativePrompt).not.toContain('painting')
  })

  it('HunyuanVideo states the framing and the camera move in sentences', () => {
    const { prompt } = format('hunyuan-video')
    expect(prompt).toContain('The shot is a close-up shot')
    expect(prompt).toContain('Slow push-in toward the subject.')
  })

  it('CogVideoX warns when the content is not English and when the frame must be letterboxed', () => {
    const result = format('cogvideox', { ...noirShot, content: { subject: '비 오는 골목의 탐정' } })
    expect(result.warnings.join(' ')).toContain('English')
    expect(result.warnings.join(' ')).toContain('letterbox')
  })
})

describe('Midjourney', () => {
  it('ends with parameters, an integer --ar and no --q', () => {
    const { prompt } = format('midjourney')
    expect(prompt).toMatch(/ --ar 12:5 --v 7 --style raw$/)
    expect(prompt).not.toContain('--q')
    expect(prompt).not.toMatch(/\(\w[^)]*:\d/)
  })

  it('keeps user text from injecting parameters or weights', () => {
    const { prompt } = format('midjourney', { content: { subject: 'a cat --no dogs::2' } })
    expect(prompt.startsWith('a cat -no dogs:2,')).toBe(true)
  })
})

describe('every formatter', () => {
  it('answers an unknown model id from untyped callers with a warning instead of throwing', () => {
    const model: string = 'dall-e'
    const result = formatPrompt(model as TargetModelId, noirShot, fixtureCatalog)
    expect(result.warnings[0]).toContain('dall-e')
  })

  it('answers a malformed config with an empty prompt and the schema error', () => {
    const result = formatPrompt('sdxl', { shot: { size: 'huge' } }, fixtureCatalog)
    expect(result.prompt).toBe('')
    expect(result.warnings[0]).toContain('shot.size')
  })

  it('names dropped phrases in warnings when over budget', () => {
    const details = Array.from({ length: 40 }, (_, i) => `extra descriptive detail number ${i} about the scene`)
    const result = format('flux-schnell', { ...noirShot, content: { subject: 'a detective', details } })
    expect(countT5Tokens(result.prompt)).toBeLessThanOrEqual(256)
    expect(result.warnings.some((w) => w.startsWith('dropped detail 40'))).toBe(true)
    expect(result.prompt).toContain('detective')
  })

  it('respects every budget for long random content', () => {
    fc.assert(
      fc.property(longConfig, (config) => {
        const f = (m: TargetModelId) => formatPrompt(m, config, fixtureCatalog)
        expect(countT5Tokens(f('flux-dev').prompt)).toBeLessThanOrEqual(512)
        expect(countT5Tokens(f('flux-schnell').prompt)).toBeLessThanOrEqual(256)
        for (const m of ['sd15', 'sdxl'] as const) {
          const chunks = f(m).prompt.split(' BREAK ')
          expect(chunks.length).toBeLessThanOrEqual(3)
          for (const chunk of chunks) expect(countClipTokens(chunk)).toBeLessThanOrEqual(CLIP_CHUNK_TOKENS)
        }
        const wan21 = f('wan-2.1').prompt
        const wan22 = f('wan-2.2').prompt
        expect(countWords(wan21)).toBeLessThanOrEqual(120)
        expect(countWords(wan22)).toBeLessThanOrEqual(200)
        expect(countT5Tokens(wan22)).toBeLessThanOrEqual(512)
        expect(countT5Tokens(f('hunyuan-video').prompt)).toBeLessThanOrEqual(256)
        const cog = f('cogvideox').prompt
        expect(countT5Tokens(cog)).toBeLessThanOrEqual(COGVIDEOX_MAX_TOKENS)
        expect(cog).not.toMatch(/\n/)
        const mj = f('midjourney').prompt
        expect(countWords(mj.slice(0, mj.indexOf(' --ar ')))).toBeLessThanOrEqual(80)
      }),
      { numRuns: 60 },
    )
  })

  it('formats configs against the shipped catalog for every model without throwing', () => {
    const catalog = defaultCatalog()
    fc.assert(
      fc.property(configArbitrary(catalog), (config) => {
        for (const m of TARGET_MODELS) expect(typeof formatPrompt(m.id, config, catalog).prompt).toBe('string')
      }),
      { numRuns: 100 },
    )
  })
})
