import { DeriveRenderRequest, type WorkflowParameter } from '@aipipeline/contracts'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_DENOISE, type DeriveDraft, deriveBody, editableParameters, initialDraft } from './derive-draft'
import { canDeriveFrom, modeFitsKind, templatesForMode } from './derive-modes'

const param = (p: Partial<WorkflowParameter> & Pick<WorkflowParameter, 'name' | 'type'>): WorkflowParameter => ({
  locations: [],
  ...p,
})

const img2img = {
  id: 'tpl-img2img',
  parameters: [
    param({ name: 'prompt', type: 'string', role: 'prompt' }),
    param({ name: 'negative', type: 'string', role: 'negative', default: '' }),
    param({ name: 'seed', type: 'seed', role: 'seed', default: 0 }),
    param({ name: 'image', type: 'string', role: 'image' }),
    param({ name: 'denoise', type: 'float', role: 'denoise', default: 0.6 }),
    param({ name: 'steps', type: 'int', role: 'steps', default: 20 }),
    param({ name: 'cfg', type: 'float', role: 'cfg', default: 7 }),
    param({ name: 'sampler', type: 'string', default: 'euler' }),
  ],
}

const provenance = {
  renderJobId: 'job-1',
  prompt: 'a lighthouse at dusk, wide shot',
  negativePrompt: 'blurry',
  seed: 42,
  model: 'sd15',
  parameters: { steps: 30, cfg: 'not a number', sampler: 'dpmpp_2m' },
}

describe('derive dialog draft', () => {
  it('shows steps, cfg and free parameters, not the ones the dialog or the server fills', () => {
    expect(editableParameters(img2img).map((p) => p.name)).toEqual(['steps', 'cfg', 'sampler'])
  })

  it("opens with the version's prompt and parameters, the template filling what the version lacks", () => {
    const draft = initialDraft('refine', provenance, img2img)
    expect(draft).toMatchObject({
      prompt: 'a lighthouse at dusk, wide shot',
      negative: 'blurry',
      parameters: { steps: 30, cfg: 7, sampler: 'dpmpp_2m' },
      denoise: 0.6,
      seed: { kind: 'random' },
    })
    expect(initialDraft('refine', provenance, null).denoise).toBe(DEFAULT_DENOISE)
  })

  it('sends only what the user changed, so an untouched refine renders from the source values', () => {
    const opened = initialDraft('refine', provenance, img2img)
    const untouched = deriveBody(opened, opened, img2img)
    expect(untouched).toEqual({
      ok: true,
      body: expect.objectContaining({ mode: 'refine', templateId: 'tpl-img2img', parameters: {}, denoise: 0.6 }),
    })
    expect(untouched.ok && 'prompt' in untouched.body).toBe(false)

    const edited: DeriveDraft = {
      ...opened,
      prompt: 'a lighthouse at night',
      parameters: { ...opened.parameters, steps: 12 },
    }
    const body = deriveBody(edited, opened, img2img)
    expect(body.ok && body.body).toMatchObject({ prompt: 'a lighthouse at night', parameters: { steps: 12 } })
    expect(body.ok && 'negative' in body.body).toBe(false)
  })

  it('asks for a template, a control image and a start before the end', () => {
    const opened = initialDraft('guide', provenance, null)
    const draft = { ...opened, control: { ...opened.control, startPercent: 0.8, endPercent: 0.2 } }
    const result = deriveBody(draft, opened, null)
    expect(result.ok ? [] : result.problems.map((p) => p.kind)).toEqual(['no-template', 'no-control', 'control-range'])
  })

  it('sends the control image with its strength and range for guide only', () => {
    const opened = initialDraft('guide', provenance, img2img)
    const source = { kind: 'version' as const, versionId: '0192f2a0-0000-7000-8000-000000000001' }
    const draft = { ...opened, control: { source, strength: 0.8, startPercent: 0.1, endPercent: 0.9 } }
    const result = deriveBody(draft, opened, img2img)
    expect(result.ok && result.body.control).toEqual({ source, strength: 0.8, startPercent: 0.1, endPercent: 0.9 })
    const refine = deriveBody({ ...draft, mode: 'refine' }, { ...opened, mode: 'refine' }, img2img)
    expect(refine.ok && refine.body.control).toBeUndefined()
  })

  it('upscale and interpolate send no prompt, no denoise and one variation', () => {
    const opened = initialDraft('upscale', provenance, img2img)
    const result = deriveBody({ ...opened, prompt: 'changed', variations: 4 }, opened, img2img)
    expect(result.ok && result.body).toMatchObject({ mode: 'upscale', variations: 1 })
    expect(result.ok && ('prompt' in result.body || 'denoise' in result.body)).toBe(false)
  })

  it('always builds a body the derive contract accepts', () => {
    const seed = fc.oneof(
      fc.constant({ kind: 'keep' as const }),
      fc.constant({ kind: 'random' as const }),
      fc.integer({ min: 0, max: 2 ** 48 }).map((value) => ({ kind: 'number' as const, value })),
    )
    fc.assert(
      fc.property(
        fc.constantFrom('refine', 'guide', 'upscale', 'interpolate' as const),
        fc.string({ maxLength: 200 }),
        fc.integer({ min: 1, max: 150 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 8 }),
        seed,
        fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
        (mode, prompt, steps, denoise, variations, seedChoice, [a, b]) => {
          const opened = initialDraft(mode, provenance, img2img)
          const control = {
            source: { kind: 'input' as const, inputId: 'a'.repeat(64) },
            strength: 1,
            startPercent: Math.min(a, b),
            endPercent: Math.max(a, b),
          }
          const draft = {
            ...opened,
            prompt,
            denoise,
            variations,
            seed: seedChoice,
            control,
            parameters: { ...opened.parameters, steps },
          }
          const result = deriveBody(draft, opened, img2img)
          expect(result.ok).toBe(true)
          if (result.ok) expect(DeriveRenderRequest.parse(result.body)).toEqual(result.body)
        },
      ),
    )
  })
})

describe('derive modes', () => {
  it('interpolates videos and refines, guides and upscales pictures', () => {
    expect(modeFitsKind('interpolate', 'video')).toBe(true)
    expect(modeFitsKind('interpolate', 'image')).toBe(false)
    expect(modeFitsKind('refine', 'image')).toBe(true)
    expect(modeFitsKind('upscale', 'video')).toBe(false)
  })

  it("lists only the templates of the mode's category", () => {
    const tpl = (name: string, category: 'image-to-image' | 'controlnet' | 'text-to-image') =>
      ({ name, category }) as Parameters<typeof templatesForMode>[0][number]
    const all = [tpl('B img2img', 'image-to-image'), tpl('pose', 'controlnet'), tpl('A img2img', 'image-to-image')]
    expect(templatesForMode(all, 'refine').map((t) => t.name)).toEqual(['A img2img', 'B img2img'])
    expect(templatesForMode(all, 'guide').map((t) => t.name)).toEqual(['pose'])
  })

  it('lets staff derive, an artist only on their own task, and never clients or vendors', () => {
    const task = { assigneeIds: ['u-artist'] }
    expect(canDeriveFrom({ role: 'manager', userId: 'm' }, task)).toBe(true)
    expect(canDeriveFrom({ role: 'artist', userId: 'u-artist' }, task)).toBe(true)
    expect(canDeriveFrom({ role: 'artist', userId: 'u-other' }, task)).toBe(false)
    expect(canDeriveFrom({ role: 'vendor', userId: 'u-artist' }, task)).toBe(false)
    expect(canDeriveFrom({ role: 'client', userId: 'c' }, task)).toBe(false)
    expect(canDeriveFrom({ role: 'manager', userId: 'm' }, undefined)).toBe(false)
  })
})
