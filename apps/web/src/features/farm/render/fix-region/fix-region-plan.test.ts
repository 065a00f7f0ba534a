import { DeriveRenderRequest, type WorkflowTemplate } from '@aipipeline/contracts'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  canFixRegion,
  deriveRequest,
  extendedSize,
  type FixRegionDraft,
  MAX_PADDING,
  NO_PADDING,
  OUTPAINT_PRESETS,
  snapPadding,
  templatesFor,
} from './fix-region-plan'

const MASK_ID = 'a'.repeat(64)
const TEMPLATE_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'
const draftArb: fc.Arbitrary<FixRegionDraft> = fc.record({
  mode: fc.constantFrom('inpaint' as const, 'outpaint' as const),
  templateId: fc.constant(TEMPLATE_ID),
  prompt: fc.string({ maxLength: 40 }),
  negative: fc.string({ maxLength: 40 }),
  denoise: fc.double({ min: 0, max: 1, noNaN: true }),
  variations: fc.integer({ min: 1, max: 8 }),
  padding: fc.record({
    left: fc.double({ min: -100, max: 5000, noNaN: true }),
    top: fc.double({ min: -100, max: 5000, noNaN: true }),
    right: fc.double({ min: -100, max: 5000, noNaN: true }),
    bottom: fc.double({ min: -100, max: 5000, noNaN: true }),
  }),
})

describe('fix region plan', () => {
  it('snaps any padding to a multiple of 8 between 0 and 2048, and a snapped value stays put', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), (v) => {
        const s = snapPadding(v)
        expect(s % 8).toBe(0)
        expect(s).toBeGreaterThanOrEqual(0)
        expect(s).toBeLessThanOrEqual(MAX_PADDING)
        expect(snapPadding(s)).toBe(s)
      }),
    )
    expect(snapPadding(253)).toBe(256)
  })

  it('every request it builds is one the contract accepts, with the mask only for inpaint', () => {
    fc.assert(
      fc.property(draftArb, fc.option(fc.string({ maxLength: 20 })), (draft, was) => {
        const body = deriveRequest(draft, { prompt: was, negativePrompt: null }, MASK_ID)
        const parsed = DeriveRenderRequest.parse(body)
        expect(parsed.maskInputId).toBe(draft.mode === 'inpaint' ? MASK_ID : undefined)
        expect(parsed.outpaint === undefined).toBe(draft.mode === 'inpaint')
      }),
    )
  })

  it("leaves the prompt out when it is the version's own, so the server uses the source's", () => {
    const draft: FixRegionDraft = {
      mode: 'inpaint',
      templateId: TEMPLATE_ID,
      prompt: 'a red door ',
      negative: '',
      denoise: 0.8,
      variations: 2,
      padding: NO_PADDING,
    }
    expect(deriveRequest(draft, { prompt: 'a red door', negativePrompt: null }, MASK_ID).prompt).toBeUndefined()
    expect(
      deriveRequest({ ...draft, prompt: 'a blue door' }, { prompt: 'a red door', negativePrompt: null }, MASK_ID)
        .prompt,
    ).toBe('a blue door')
  })

  it('outpaint by the 256 px right preset grows only the width', () => {
    const right = OUTPAINT_PRESETS.find((p) => p.key === 'right256')?.padding ?? NO_PADDING
    expect(extendedSize({ width: 1024, height: 768 }, right)).toEqual({ width: 1280, height: 768 })
  })

  it('offers each mode only the templates of its category', () => {
    const tpl = (id: string, category: string) => ({ id, category }) as unknown as WorkflowTemplate
    const all = [tpl('a', 'inpaint'), tpl('b', 'outpaint'), tpl('c', 'text-to-image')]
    expect(templatesFor('inpaint', all).map((x) => x.id)).toEqual(['a'])
    expect(templatesFor('outpaint', all).map((x) => x.id)).toEqual(['b'])
  })

  it('shows the button to staff on still images only', () => {
    expect(canFixRegion('artist', { kind: 'image' })).toBe(true)
    expect(canFixRegion('manager', { kind: 'video' })).toBe(false)
    expect(canFixRegion('client', { kind: 'image' })).toBe(false)
    expect(canFixRegion('vendor', { kind: 'image' })).toBe(false)
    expect(canFixRegion(undefined, { kind: 'image' })).toBe(false)
  })
})
