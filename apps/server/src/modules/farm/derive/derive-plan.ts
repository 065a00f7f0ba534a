// What a render from a version puts into its template: which template category each mode
// takes, which parameter roles the template must have, and the values over the template's
// defaults (the source's prompt, parameters and seed, then the request's). Pure: the service
// loads the version, the template and the inputs and calls these.
import type { DeriveMode, DeriveRenderRequest, TemplateCategory, WorkflowTemplate } from '@aipipeline/contracts'
import type { VersionProvenance } from '@aipipeline/db'
import { ValidationFailed } from '@aipipeline/domain'
import type { TemplateRoles } from '../shot-render-plan'
import { DeriveRuleViolation } from './render-input-file'

/** The template category each mode renders with. */
export const MODE_CATEGORY: Record<DeriveMode, TemplateCategory> = {
  refine: 'image-to-image',
  inpaint: 'inpaint',
  outpaint: 'outpaint',
  guide: 'controlnet',
  upscale: 'upscale',
  interpolate: 'interpolation',
}

type MediaRole = 'image' | 'mask' | 'controlImage'

/** The media parameters a template of each mode must take. */
const NEEDED_ROLES: Record<DeriveMode, MediaRole[]> = {
  refine: ['image'],
  inpaint: ['image', 'mask'],
  outpaint: ['image'],
  guide: ['controlImage'],
  upscale: ['image'],
  interpolate: ['image'],
}

/** The template parameters outpaint padding and ControlNet settings fill, by placeholder name. */
export const PAD_PARAMETERS = { left: 'pad_left', top: 'pad_top', right: 'pad_right', bottom: 'pad_bottom' } as const
export const CONTROL_PARAMETERS = {
  strength: 'control_strength',
  startPercent: 'control_start',
  endPercent: 'control_end',
} as const

/** Refuses a template of another category or one lacking the mode's media parameters (422 on templateId). */
export function assertTemplateFits(mode: DeriveMode, template: WorkflowTemplate, roles: TemplateRoles): void {
  const wanted = MODE_CATEGORY[mode]
  if (template.category !== wanted) {
    throw new DeriveRuleViolation(
      'body.templateId',
      `${mode} renders with a ${wanted} template; "${template.name}" is ${template.category}`,
    )
  }
  const missing = NEEDED_ROLES[mode].filter((r) => roles[r] === undefined)
  if (missing.length > 0) {
    throw new DeriveRuleViolation(
      'body.templateId',
      `template "${template.name}" has no ${missing.join(' or ')} parameter for ${mode}`,
    )
  }
}

/** Image modes need an image version; interpolation needs a video (422 on mode). */
export function assertSourceKind(mode: DeriveMode, kind: string): void {
  const wanted = mode === 'interpolate' ? 'video' : 'image'
  if (kind !== wanted) {
    throw new DeriveRuleViolation('body.mode', `${mode} works on ${wanted} versions; this version is ${kind}`)
  }
}

/** Unknown parameter names are a 400 naming them. */
export function assertKnownParameters(template: WorkflowTemplate, values: Record<string, unknown>): void {
  const known = new Set(template.parameters.map((p) => p.name))
  const unknown = Object.keys(values).filter((n) => !known.has(n))
  if (unknown.length > 0) {
    throw new ValidationFailed(
      `template "${template.name}" has no parameter ${unknown.map((n) => `"${n}"`).join(', ')}`,
      unknown.map((n) => ({ path: `body.parameters.${n}`, message: `no parameter named "${n}"` })),
    )
  }
}

export interface DeriveSource {
  provenance: VersionProvenance
  width: number | null
  height: number | null
}

/**
 * The values every job of the render shares, before media file names and seeds: the source's
 * parameters the template also has, its prompts, its size for templates that scale the input,
 * then the request's parameters, denoise, padding and ControlNet settings.
 */
export function sharedValues(
  request: DeriveRenderRequest,
  template: WorkflowTemplate,
  roles: TemplateRoles,
  source: DeriveSource,
): Record<string, unknown> {
  const names = new Set(template.parameters.map((p) => p.name))
  const media = new Set([roles.image?.name, roles.mask?.name, roles.controlImage?.name, roles.seed?.name])
  const values: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(source.provenance.parameters)) {
    if (names.has(name) && !media.has(name) && value !== null && typeof value !== 'object') values[name] = value
  }
  const set = (name: string | undefined, value: unknown) => {
    if (name !== undefined && names.has(name) && value !== undefined && value !== null) values[name] = value
  }
  set(roles.prompt?.name, request.prompt ?? source.provenance.prompt)
  set(roles.negative?.name, request.negative ?? source.provenance.negativePrompt)
  if (request.mode === 'refine') {
    set(roles.width?.name, source.width)
    set(roles.height?.name, source.height)
  }
  Object.assign(values, request.parameters)
  if (request.denoise !== undefined) set(roles.denoise?.name, request.denoise)
  if (request.mode === 'outpaint' && request.outpaint !== undefined) {
    for (const side of ['left', 'top', 'right', 'bottom'] as const) {
      const name = PAD_PARAMETERS[side]
      if (!names.has(name)) {
        throw new DeriveRuleViolation('body.outpaint', `template "${template.name}" has no ${name} parameter`)
      }
      values[name] = request.outpaint[side]
    }
  }
  if (request.mode === 'guide' && request.control !== undefined) {
    if (request.control.startPercent > request.control.endPercent) {
      throw new ValidationFailed('the control image must start before it ends', [
        { path: 'body.control.startPercent', message: 'startPercent is after endPercent' },
      ])
    }
    set(CONTROL_PARAMETERS.strength, request.control.strength)
    set(CONTROL_PARAMETERS.startPercent, request.control.startPercent)
    set(CONTROL_PARAMETERS.endPercent, request.control.endPercent)
  }
  return values
}

/** The base seed of the render: kept from the source, chosen, or random. */
export function baseSeed(request: DeriveRenderRequest, source: DeriveSource, random: () => number): number {
  if (request.seed === 'keep') return source.provenance.seed ?? random()
  if (request.seed === 'random') return random()
  return request.seed
}
