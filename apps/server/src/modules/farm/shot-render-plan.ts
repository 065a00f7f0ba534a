// What one task of a shot puts into a template: the final prompt (the Prompt Engine's for the
// template's model family, or the shot description), the frame size for the project's aspect
// ratio and, for video, a clip length covering the shot in the model's frame rhythm. Pure:
// the service loads the shot, project and template and calls these.
import type {
  ParameterRole,
  RenderPreviewItem,
  TemplateModelFamily,
  WorkflowParameter,
  WorkflowTemplate,
} from '@aipipeline/contracts'
import { type Catalog, imageSize, TARGET_MODELS, validate } from '@aipipeline/cpe'
import { ValidationFailed } from '@aipipeline/domain'
import { aspectValue, promptParametersForShot } from '../prompts'

/** A template parameter by the role it plays in a shot render. */
export type TemplateRoles = Partial<Record<ParameterRole, WorkflowParameter>>

/** Placeholder names that carry a role by convention, for templates that declare no roles. */
const CONVENTIONAL_ROLES: Record<string, ParameterRole> = {
  prompt: 'prompt',
  positive: 'prompt',
  positive_prompt: 'prompt',
  negative: 'negative',
  negative_prompt: 'negative',
  seed: 'seed',
  noise_seed: 'seed',
  width: 'width',
  height: 'height',
  steps: 'steps',
  cfg: 'cfg',
  denoise: 'denoise',
  frames: 'frames',
  length: 'frames',
  num_frames: 'frames',
  fps: 'fps',
  frame_rate: 'fps',
  lora_strength: 'loraStrength',
  upscale_factor: 'upscaleFactor',
}

/**
 * The template's parameters by role. Templates that declare roles are taken at their word;
 * a template that declares none (saved before roles existed) gets them from conventional
 * placeholder names such as `{prompt}`, `{seed}` or `{length}`.
 */
export function templateRoles(template: Pick<WorkflowTemplate, 'parameters'>): TemplateRoles {
  const declared = template.parameters.some((p) => p.role !== undefined)
  const roles: TemplateRoles = {}
  for (const p of template.parameters) {
    const role = declared ? p.role : CONVENTIONAL_ROLES[p.name.toLowerCase()]
    if (role !== undefined && roles[role] === undefined) roles[role] = p
  }
  return roles
}

/** How a video model counts frames: `step`·n + 1 frames between `min` and `max`. */
interface FrameRhythm {
  step: number
  min: number
  max: number
}

// Wan and HunyuanVideo compress time by 4 in their VAEs (4n+1 frames); CogVideoX renders 49.
const FRAME_RHYTHM: Partial<Record<TemplateModelFamily, FrameRhythm>> = {
  'wan-2.2': { step: 4, min: 5, max: 81 },
  'hunyuan-video': { step: 4, min: 5, max: 129 },
  cogvideox: { step: 8, min: 49, max: 49 },
}

/** The shot as the plan reads it. */
export interface PlanShot {
  id: string
  code: string
  description: string
  frameIn: number | null
  frameOut: number | null
  cpeSettings: unknown
}

export interface PlanProject {
  fps: number
  aspectRatio: string
}

interface Clip {
  frames: number
  fps: number
  note: string | null
}

function snapFrames(count: number, rhythm: FrameRhythm, lo: number, hi: number): number {
  const snapped = Math.ceil((count - 1) / rhythm.step) * rhythm.step + 1
  const within = Math.min(Math.max(snapped, rhythm.min, lo), rhythm.max, hi)
  // Clamping to a bound that is not in the rhythm steps back to the last frame count that is.
  return within - ((within - 1) % rhythm.step)
}

/**
 * The clip for a shot: its duration at the project rate, rendered at the model's own rate
 * (`modelFps`, the formatter's) in the model's frame rhythm, inside the template's bounds.
 * Generic templates render the shot's frames at the project rate.
 */
export function shotClip(
  shot: Pick<PlanShot, 'frameIn' | 'frameOut'>,
  projectFps: number,
  family: TemplateModelFamily,
  model: { frames?: number | undefined; fps?: number | undefined },
  bounds: Pick<WorkflowParameter, 'min' | 'max' | 'default'> | undefined,
): Clip {
  const lo = bounds?.min ?? 1
  const hi = bounds?.max ?? Number.POSITIVE_INFINITY
  const shotFrames = shot.frameIn !== null && shot.frameOut !== null ? shot.frameOut - shot.frameIn + 1 : null
  const rhythm = FRAME_RHYTHM[family]
  if (rhythm === undefined || model.fps === undefined) {
    const fallback = typeof bounds?.default === 'number' ? bounds.default : (model.frames ?? 1)
    const frames = Math.min(Math.max(shotFrames ?? fallback, lo), hi)
    const note = shotFrames !== null && frames !== shotFrames ? `${shotFrames} shot frames clamped to ${frames}` : null
    return { frames, fps: projectFps, note }
  }
  const fps = model.fps
  if (shotFrames === null) return { frames: snapFrames(model.frames ?? rhythm.max, rhythm, lo, hi), fps, note: null }
  const seconds = shotFrames / projectFps
  const wanted = Math.max(1, Math.round(seconds * fps))
  const frames = snapFrames(wanted, rhythm, lo, hi)
  const covered = (frames - 1) / fps
  const note =
    covered + 1 / fps < seconds - 1e-9
      ? `the shot lasts ${seconds.toFixed(2)} s; this model renders at most ${frames} frames at ${fps} fps (${(frames / fps).toFixed(2)} s)`
      : null
  return { frames, fps, note }
}

/** HARD Prompt Engine violations of the shot's settings (empty for malformed settings). */
function hardViolations(settings: unknown, catalog: Catalog): RenderPreviewItem['warnings'] {
  const checked = validate(settings ?? {}, catalog)
  return checked.violations
    .filter((v) => v.severity === 'hard')
    .map((v) => ({ ruleId: v.ruleId, message: { en: v.message.en, ko: v.message.ko } }))
}

interface Formatted {
  prompt: string
  negative: string | null
  size: { width: number; height: number } | null
  model: { frames?: number | undefined; fps?: number | undefined }
  notes: string[]
}

/** The Prompt Engine's prompt for the shot, or the description where it has nothing to say. */
function formatted(shot: PlanShot, project: PlanProject, family: TemplateModelFamily, catalog: Catalog): Formatted {
  const target = TARGET_MODELS.find((m) => m.id === family)
  if (target === undefined) {
    const aspect = aspectValue(project.aspectRatio) ?? 16 / 9
    return { prompt: shot.description, negative: null, size: imageSize(aspect, 1024 * 1024, 64), model: {}, notes: [] }
  }
  try {
    const p = promptParametersForShot(shot.cpeSettings, target.id, catalog, project.aspectRatio)
    const usable = p.frame.width > 0 && p.frame.height > 0
    return {
      prompt: p.prompt.trim() === '' ? shot.description : p.prompt,
      negative: target.negativePrompt ? p.negative_prompt : null,
      size: usable ? { width: p.frame.width, height: p.frame.height } : null,
      model: { frames: p.frame.frames, fps: p.frame.fps },
      notes: p.notes.filter((n) => n !== 'nothing to describe'),
    }
  } catch (err) {
    if (!(err instanceof ValidationFailed)) throw err
    const aspect = aspectValue(project.aspectRatio) ?? 16 / 9
    return {
      prompt: shot.description,
      negative: target.negativePrompt ? '' : null,
      size: imageSize(aspect, 1024 * 1024, 64),
      model: {},
      notes: [`the shot's Prompt Engine settings cannot be read (${err.message}); the shot description is used`],
    }
  }
}

/** A size within the parameter's bounds (templates may cap what their model handles). */
function bounded(value: number | undefined, p: WorkflowParameter | undefined): number | null {
  if (value === undefined || p === undefined) return null
  return Math.min(Math.max(value, p.min ?? value), p.max ?? value)
}

/** One task's preview for a template. */
export function planShotRender(input: {
  taskId: string
  taskTypeName: string
  mayRender: boolean
  shot: PlanShot
  project: PlanProject
  template: Pick<WorkflowTemplate, 'modelFamily' | 'outputs' | 'parameters'>
  catalog: Catalog
}): RenderPreviewItem {
  const { shot, project, template, catalog } = input
  const roles = templateRoles(template)
  const f = formatted(shot, project, template.modelFamily, catalog)
  const video = template.outputs.includes('video') || roles.frames !== undefined
  const clip = video ? shotClip(shot, project.fps, template.modelFamily, f.model, roles.frames) : null
  const negative = f.negative ?? (roles.negative !== undefined && template.modelFamily === 'generic' ? '' : null)
  const sized = roles.width !== undefined || roles.height !== undefined
  return {
    taskId: input.taskId,
    shotId: shot.id,
    shotCode: shot.code,
    taskTypeName: input.taskTypeName,
    mayRender: input.mayRender,
    prompt: f.prompt,
    negative: roles.negative === undefined ? null : negative,
    width: sized ? bounded(f.size?.width, roles.width) : null,
    height: sized ? bounded(f.size?.height, roles.height) : null,
    frames: clip?.frames ?? null,
    fps: clip?.fps ?? null,
    warnings: template.modelFamily === 'generic' ? [] : hardViolations(shot.cpeSettings, catalog),
    notes: clip?.note ? [...f.notes, clip.note] : f.notes,
  }
}

/** The role-filled parameter values of one task (prompts as the user edited them). */
export function roleValues(
  item: RenderPreviewItem,
  roles: TemplateRoles,
  edited: { prompt?: string | undefined; negative?: string | undefined },
): Record<string, string | number> {
  const values: Record<string, string | number> = {}
  const set = (role: ParameterRole, value: string | number | null | undefined) => {
    const p = roles[role]
    if (p !== undefined && value !== null && value !== undefined) values[p.name] = value
  }
  set('prompt', edited.prompt ?? item.prompt)
  set('negative', edited.negative ?? item.negative)
  set('width', item.width)
  set('height', item.height)
  set('frames', item.frames)
  set('fps', item.fps)
  return values
}
