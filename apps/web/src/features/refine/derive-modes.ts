// Which renders can be made from a version, and who may start them. The modes of this dialog
// (refine, guide, upscale, interpolate) each run templates of one category; inpaint and
// outpaint have a mask editor of their own.
import type { DeriveMode, TemplateCategory, WorkflowTemplate } from '@aipipeline/contracts'
import type { Role } from '@aipipeline/domain'
import { canRender } from '../farm/render/render-plan'

/** The modes the derive dialog offers, in button order. */
export const DIALOG_MODES = ['refine', 'guide', 'upscale', 'interpolate'] as const
export type DialogMode = (typeof DIALOG_MODES)[number]

/** The template category each derive mode runs (the server refuses another with a 422). */
export const MODE_CATEGORY: Record<DeriveMode, TemplateCategory> = {
  refine: 'image-to-image',
  inpaint: 'inpaint',
  outpaint: 'outpaint',
  guide: 'controlnet',
  upscale: 'upscale',
  interpolate: 'interpolation',
}

/** Interpolation makes in-between frames, so it needs a video; the others take a picture. */
export function modeFitsKind(mode: DeriveMode, kind: 'image' | 'video'): boolean {
  return mode === 'interpolate' ? kind === 'video' : kind === 'image'
}

/** Refine, inpaint and guide re-noise the source, so the user sets how far the result may move. */
export function modeTakesDenoise(mode: DeriveMode): boolean {
  return mode === 'refine' || mode === 'inpaint' || mode === 'guide'
}

/** Upscale and interpolate keep the picture's content: no prompt, seed or variations to choose. */
export function modeTakesPrompt(mode: DeriveMode): boolean {
  return mode !== 'upscale' && mode !== 'interpolate'
}

/** The templates a mode may run, by name. */
export function templatesForMode(templates: readonly WorkflowTemplate[], mode: DeriveMode): WorkflowTemplate[] {
  return templates.filter((tpl) => tpl.category === MODE_CATEGORY[mode]).sort((a, b) => a.name.localeCompare(b.name))
}

/**
 * Whether the caller may render from a version of this task: staff, and an artist only on a
 * task assigned to them, as the Render button decides (the server checks supervisors' departments).
 */
export function canDeriveFrom(
  me: { role: Role | undefined; userId: string },
  task: { assigneeIds: readonly string[] } | undefined,
): boolean {
  if (!canRender(me.role) || task === undefined) return false
  return me.role !== 'artist' || task.assigneeIds.includes(me.userId)
}
