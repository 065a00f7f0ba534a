// Rendering shots: preview each task's final prompt for a template, submit one job group for
// many tasks × variations × sweep combinations, and follow the group's progress.
import { access, RenderJobState } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'
import { Id, ProjectParams } from '../production/project.contract'
import { RenderJob, RenderJobOutput } from './render-job.contract'
import { TemplateModelFamily } from './workflow-template.contract'

/** Most tasks one render request may name (a sequence of shots, not a whole film). */
export const MAX_RENDER_TASKS = 500

export const RenderPreviewRequest = z
  .object({
    taskIds: z.array(Id).min(1).max(MAX_RENDER_TASKS),
    templateId: Id,
  })
  .strict()
export type RenderPreviewRequest = z.infer<typeof RenderPreviewRequest>

/** A Prompt Engine rule the shot's settings break (HARD: "not on a real set"); it does not block. */
export const RenderPreviewWarning = z.object({
  ruleId: z.string(),
  message: z.object({ en: z.string(), ko: z.string() }),
})

export const RenderPreviewItem = z.object({
  taskId: z.string(),
  shotId: z.string(),
  shotCode: z.string(),
  taskTypeName: z.string(),
  /** Whether the caller may render this task (a supervisor outside its department may not). */
  mayRender: z.boolean(),
  /** The final prompt: the Prompt Engine's for the template's model, or the shot description. */
  prompt: z.string(),
  /** Null when the template's model takes no negative prompt (or the template has none). */
  negative: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** Video templates only. */
  frames: z.number().int().nullable(),
  fps: z.number().nullable(),
  warnings: z.array(RenderPreviewWarning),
  /** Formatter notes: shortened phrases, size compromises, frame clamps. */
  notes: z.array(z.string()),
})
export type RenderPreviewItem = z.infer<typeof RenderPreviewItem>

export const RenderPreview = z
  .object({
    template: z.object({ id: z.string(), name: z.string(), modelFamily: TemplateModelFamily }),
    items: z.array(RenderPreviewItem),
  })
  .meta({ id: 'RenderPreview' })
export type RenderPreview = z.infer<typeof RenderPreview>

const ParameterValue = z.union([z.string(), z.number(), z.boolean()])

export const SubmitShotRenderRequest = z
  .object({
    templateId: Id,
    /** The tasks to render, each with the prompt as the user edited it (absent = the preview's). */
    items: z
      .array(
        z
          .object({
            taskId: Id,
            prompt: z.string().max(20_000).optional(),
            negative: z.string().max(20_000).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_RENDER_TASKS),
    variations: z.number().int().min(1).max(16).default(1),
    /** Seed of the first variation; the others count up from it. `random` picks the base. */
    seed: z
      .union([
        z.literal('random'),
        z
          .number()
          .int()
          .min(0)
          .max(2 ** 48),
      ])
      .default('random'),
    /** Template parameter → value, over what the shot fills in. */
    parameters: z.record(z.string(), ParameterValue).default({}),
    /** Template parameter → values: one job per combination, per task and variation. */
    sweep: z.record(z.string(), z.array(ParameterValue).min(1).max(64)).default({}),
    priority: z.number().int().min(0).max(100).default(50),
  })
  .strict()
export type SubmitShotRenderRequest = z.infer<typeof SubmitShotRenderRequest>

export const ShotRenderSubmitted = z.object({
  groupId: z.string(),
  jobCount: z.number().int(),
  items: z.array(RenderJob),
})

export const RenderGroupParams = z.object({ groupId: Id }).strict()

export const RenderGroupJob = z.object({
  id: z.string(),
  name: z.string(),
  state: RenderJobState,
  /** 0..1 */
  progress: z.number(),
  shotId: z.string().nullable(),
  shotCode: z.string().nullable(),
  taskId: z.string().nullable(),
  /** 0-based; null for jobs of a plain sweep. */
  variation: z.number().int().nullable(),
  seed: z.number().nullable(),
  /** The sweep axis values of this job. */
  sweep: z.record(z.string(), z.unknown()),
  error: z.string().nullable(),
  outputs: z.array(RenderJobOutput.pick({ id: true, kind: true, mime: true, thumbnailPath: true })),
})
export type RenderGroupJob = z.infer<typeof RenderGroupJob>

export const RenderGroup = z
  .object({
    groupId: z.string(),
    name: z.string(),
    projectId: z.string().nullable(),
    templateId: z.string().nullable(),
    /** Sweep axes in the order they were given (the contact sheet's columns and rows). */
    axes: z.array(z.object({ name: z.string(), values: z.array(z.unknown()) })),
    variations: z.number().int(),
    counts: z.record(RenderJobState, z.number().int()),
    total: z.number().int(),
    /** 0..1: finished jobs count whole, running ones by their progress. */
    progress: z.number(),
    /** Every job reached a final state. */
    finished: z.boolean(),
    jobs: z.array(RenderGroupJob),
  })
  .meta({ id: 'RenderGroup' })
export type RenderGroup = z.infer<typeof RenderGroup>

export const shotRenderRoutes = {
  previewShotRender: defineRoute({
    method: 'POST',
    path: '/api/projects/:projectId/renders/preview',
    summary: "Each task's final prompt, size and frames for a template, with the shot's Prompt Engine warnings",
    tags: ['farm'],
    access: access.atLeast('artist'),
    params: ProjectParams,
    body: RenderPreviewRequest,
    response: RenderPreview,
  }),
  submitShotRender: defineRoute({
    method: 'POST',
    path: '/api/projects/:projectId/renders',
    summary: 'Render tasks with a template: one job group, one job per task × variation × sweep combination',
    tags: ['farm'],
    access: access.atLeast('artist'),
    params: ProjectParams,
    body: SubmitShotRenderRequest,
    response: ShotRenderSubmitted,
    status: 201,
  }),
  getRenderGroup: defineRoute({
    method: 'GET',
    path: '/api/farm/groups/:groupId',
    summary: "A job group's progress: counts per state and its jobs with shot, seed and sweep values",
    tags: ['farm'],
    access: access.atLeast('artist'),
    params: RenderGroupParams,
    response: RenderGroup,
  }),
} as const
