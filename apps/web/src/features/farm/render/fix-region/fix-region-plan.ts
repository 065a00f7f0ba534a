// Pure pieces of the Fix region dialog: who may use it on which version, the templates each
// mode offers, outpaint paddings (whole multiples of 8 up to 2048, as the latent space and the
// contract need) and the derive request the dialog sends.
import type { DeriveRenderRequest, WorkflowTemplate } from '@aipipeline/contracts'
import type { Role } from '@aipipeline/domain'
import { canRender } from '../render-plan'

export type FixMode = 'inpaint' | 'outpaint'

export interface Padding {
  left: number
  top: number
  right: number
  bottom: number
}
export const PADDING_SIDES = ['left', 'top', 'right', 'bottom'] as const
export const PADDING_STEP = 8
export const MAX_PADDING = 2048
export const NO_PADDING: Padding = { left: 0, top: 0, right: 0, bottom: 0 }

/** Common extensions: one side by 256 px, both sides of an axis, or all round. */
export const OUTPAINT_PRESETS = [
  { key: 'right256', padding: { ...NO_PADDING, right: 256 } },
  { key: 'left256', padding: { ...NO_PADDING, left: 256 } },
  { key: 'top256', padding: { ...NO_PADDING, top: 256 } },
  { key: 'bottom256', padding: { ...NO_PADDING, bottom: 256 } },
  { key: 'wider', padding: { ...NO_PADDING, left: 256, right: 256 } },
  { key: 'taller', padding: { ...NO_PADDING, top: 256, bottom: 256 } },
  { key: 'allRound128', padding: { left: 128, top: 128, right: 128, bottom: 128 } },
] as const satisfies readonly { key: string; padding: Padding }[]

/** Staff who render may fix a region of a still image (a video has no single frame to mask). */
export function canFixRegion(role: Role | undefined, version: { kind: 'image' | 'video' }): boolean {
  return canRender(role) && version.kind === 'image'
}

/** The nearest whole multiple of 8 between 0 and 2048 (anything unreadable is 0). */
export function snapPadding(value: number): number {
  if (!Number.isFinite(value)) return 0
  return Math.min(MAX_PADDING, Math.max(0, Math.round(value / PADDING_STEP) * PADDING_STEP))
}

export function snapAll(padding: Padding): Padding {
  return {
    left: snapPadding(padding.left),
    top: snapPadding(padding.top),
    right: snapPadding(padding.right),
    bottom: snapPadding(padding.bottom),
  }
}

/** The canvas an outpaint makes: the image grown by the paddings. */
export function extendedSize(image: { width: number; height: number }, padding: Padding) {
  return { width: image.width + padding.left + padding.right, height: image.height + padding.top + padding.bottom }
}

export function hasPadding(padding: Padding): boolean {
  return PADDING_SIDES.some((side) => padding[side] > 0)
}

/** The templates a mode may run: its own category only. */
export function templatesFor(mode: FixMode, templates: readonly WorkflowTemplate[]): WorkflowTemplate[] {
  return templates.filter((tpl) => tpl.category === mode)
}

export interface FixRegionDraft {
  mode: FixMode
  templateId: string
  prompt: string
  negative: string
  /** 0..1; inpaint only. */
  denoise: number
  variations: number
  padding: Padding
}

/** The derive request: the prompt only when it was changed, the mask or the paddings by mode. */
export function deriveRequest(
  draft: FixRegionDraft,
  source: { prompt: string | null; negativePrompt: string | null },
  maskInputId: string | null,
): DeriveRenderRequest {
  const changed = (text: string, was: string | null) => (text.trim() !== (was ?? '').trim() ? text : undefined)
  const prompt = changed(draft.prompt, source.prompt)
  const negative = changed(draft.negative, source.negativePrompt)
  return {
    mode: draft.mode,
    templateId: draft.templateId,
    ...(prompt !== undefined ? { prompt } : {}),
    ...(negative !== undefined ? { negative } : {}),
    parameters: {},
    variations: draft.variations,
    seed: 'random',
    resizeMask: false,
    priority: 50,
    ...(draft.mode === 'inpaint'
      ? { denoise: draft.denoise, ...(maskInputId !== null ? { maskInputId } : {}) }
      : { outpaint: snapAll(draft.padding) }),
  }
}
