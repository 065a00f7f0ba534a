// The refine loop: renders made from a version (refine, inpaint, outpaint, guide with a control
// image, upscale, interpolate), the input files they take (uploaded images, masks, control
// images, stored content-addressed), control maps made by preprocessor jobs, a shot's version
// lineage as a tree, and approving or retaking a version.
import { access } from '@aipipeline/domain'
import { z } from 'zod'
import { base64Field } from '../http/base64'
import { defineRoute } from '../http/route'
import { Id, ProjectParams } from '../production/project.contract'
import { RenderJob } from './render-job.contract'
import { ShotRenderSubmitted } from './shot-render.contract'

/** The largest input file accepted (bytes): a 8K 16-bit PNG fits. */
export const MAX_RENDER_INPUT_BYTES = 64 * 1024 * 1024
/** The longest side of an input image, in pixels. */
export const MAX_RENDER_INPUT_SIDE = 8192

export const RenderInputKind = z.enum(['image', 'mask', 'control'])
export type RenderInputKind = z.infer<typeof RenderInputKind>

/** A sha256 hex digest: the id of a content-addressed input file. */
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hex digest')

/** An input file of a render, stored once per content (its id is the sha256 of its bytes). */
export const RenderInput = z
  .object({
    id: Sha256,
    kind: RenderInputKind,
    /** Sniffed from the bytes, never taken from the name: image/png, image/jpeg or image/webp. */
    mediaType: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    sizeBytes: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'RenderInput' })
export type RenderInput = z.infer<typeof RenderInput>

export const UploadRenderInputRequest = z
  .object({
    kind: RenderInputKind,
    /** The file, base64-encoded. */
    contentBase64: base64Field(Math.ceil((MAX_RENDER_INPUT_BYTES * 4) / 3) + 4),
  })
  .strict()
export type UploadRenderInputRequest = z.infer<typeof UploadRenderInputRequest>

export const RenderInputParams = z.object({ projectId: Id, inputId: Sha256 }).strict()

export const DeriveMode = z.enum(['refine', 'inpaint', 'outpaint', 'guide', 'upscale', 'interpolate'])
export type DeriveMode = z.infer<typeof DeriveMode>

const ParameterValue = z.union([z.string(), z.number(), z.boolean()])
const Percent = z.number().min(0).max(1)
/** Outpaint padding per side, in pixels (multiples of 8, as the latent space needs). */
const Padding = z.number().int().min(0).max(2048).multipleOf(8)

/** Where a control image comes from: a version, an uploaded input or a preprocessor's control map. */
export const ControlSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('version'), versionId: Id }).strict(),
  z.object({ kind: z.literal('input'), inputId: Sha256 }).strict(),
])
export type ControlSource = z.infer<typeof ControlSource>

export const DeriveRenderRequest = z
  .object({
    mode: DeriveMode,
    /** A template of the mode's category (img2img, inpaint, outpaint, controlnet, upscale, interpolate). */
    templateId: Id,
    /** Absent: the source version's prompt (or the shot's, formatted by the Prompt Engine). */
    prompt: z.string().max(20_000).optional(),
    negative: z.string().max(20_000).optional(),
    /** Template parameter → value, over the source version's parameters. */
    parameters: z.record(z.string(), ParameterValue).default({}),
    /** refine, inpaint and guide: how far the result may move from the source (0..1). */
    denoise: Percent.optional(),
    variations: z.number().int().min(1).max(8).default(1),
    /** `keep`: the source version's seed; `random`: a new base seed. */
    seed: z
      .union([
        z.literal('random'),
        z.literal('keep'),
        z
          .number()
          .int()
          .min(0)
          .max(2 ** 48),
      ])
      .default('random'),
    /** inpaint: the painted mask (an uploaded input of kind mask). */
    maskInputId: Sha256.optional(),
    /** inpaint: a mask of another size than the image is scaled to it; without this it is a 422. */
    resizeMask: z.boolean().default(false),
    /** outpaint: how far the canvas grows on each side. */
    outpaint: z.object({ left: Padding, top: Padding, right: Padding, bottom: Padding }).strict().optional(),
    /** guide: the control image with its strength and when in the steps it applies. */
    control: z
      .object({
        source: ControlSource,
        strength: z.number().min(0).max(2).default(1),
        startPercent: Percent.default(0),
        endPercent: Percent.default(1),
      })
      .strict()
      .optional(),
    priority: z.number().int().min(0).max(100).default(50),
  })
  .strict()
export type DeriveRenderRequest = z.infer<typeof DeriveRenderRequest>

export const Preprocessor = z.enum(['pose', 'depth', 'canny'])
export type Preprocessor = z.infer<typeof Preprocessor>

export const ControlMapRequest = z.object({ preprocessor: Preprocessor }).strict()

/** A control map made from a version by a preprocessor job; `input` is set once the job is done. */
export const ControlMap = z
  .object({
    jobId: z.string(),
    sourceVersionId: z.string(),
    preprocessor: Preprocessor,
    state: z.string(),
    progress: z.number(),
    input: RenderInput.nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ControlMap' })
export type ControlMap = z.infer<typeof ControlMap>

const VersionParams = z.object({ versionId: Id }).strict()
const ShotParams = z.object({ shotId: Id }).strict()

/** A version in a lineage tree; `gone` marks a parent that was deleted (its link is kept). */
export const LineageNode = z.object({
  versionId: z.string(),
  gone: z.boolean(),
  taskId: z.string().nullable(),
  taskTypeName: z.string().nullable(),
  number: z.number().int().nullable(),
  kind: z.enum(['image', 'video']).nullable(),
  thumbnailFileId: z.string().nullable(),
  /** How it was made from its parent: a derive mode, or null for a first render or an upload. */
  mode: DeriveMode.nullable(),
  approved: z.boolean(),
  createdAt: z.string().nullable(),
})
export type LineageNode = z.infer<typeof LineageNode>

export const LineageEdge = z.object({
  parentId: z.string(),
  childId: z.string(),
  /** image | mask | control */
  role: z.string(),
  parameter: z.string(),
})

export const VersionLineage = z
  .object({ shotId: z.string(), nodes: z.array(LineageNode), edges: z.array(LineageEdge) })
  .meta({ id: 'VersionLineage' })
export type VersionLineage = z.infer<typeof VersionLineage>

export const ApproveVersionRequest = z.object({ note: z.string().max(20_000).default('') }).strict()
export const RetakeVersionRequest = z
  .object({
    note: z.string().trim().min(1, 'a retake needs a note').max(20_000),
    /** Video: the frame the note is about (0-based from the version's first frame). */
    frame: z.number().int().min(0).optional(),
  })
  .strict()

/** The task's approved version after an approve or retake (null when none is approved). */
export const VersionDecision = z.object({
  versionId: z.string(),
  taskId: z.string(),
  commentId: z.string(),
  statusId: z.string(),
  approvedVersionId: z.string().nullable(),
})

const tags = ['farm'] as const
export const versionDeriveRoutes = {
  uploadRenderInput: defineRoute({
    method: 'POST',
    path: '/api/projects/:projectId/render-inputs',
    summary: 'Store an input image, mask or control image (type sniffed from the bytes, content-addressed)',
    tags,
    access: access.atLeast('artist'),
    params: ProjectParams,
    body: UploadRenderInputRequest,
    response: RenderInput,
    status: 201,
    // The base64 of the largest file plus room for the JSON around it.
    bodyLimit: Math.ceil((MAX_RENDER_INPUT_BYTES * 4) / 3) + 64 * 1024,
  }),
  getRenderInput: defineRoute({
    method: 'GET',
    path: '/api/projects/:projectId/render-inputs/:inputId',
    summary: "An input file's facts",
    tags,
    access: access.atLeast('artist'),
    params: RenderInputParams,
    response: RenderInput,
  }),
  /** The input's bytes (an image); answered as a file, not JSON. */
  renderInputFile: defineRoute({
    method: 'GET',
    path: '/api/projects/:projectId/render-inputs/:inputId/file',
    summary: "An input file's bytes",
    tags,
    access: access.atLeast('artist'),
    params: RenderInputParams,
    response: null,
  }),
  deriveRender: defineRoute({
    method: 'POST',
    path: '/api/versions/:versionId/derive',
    summary: 'Render from a version: refine, inpaint, outpaint, guide, upscale or interpolate; one job group',
    tags,
    access: access.atLeast('artist'),
    params: VersionParams,
    body: DeriveRenderRequest,
    response: ShotRenderSubmitted,
    status: 201,
  }),
  createControlMap: defineRoute({
    method: 'POST',
    path: '/api/versions/:versionId/control-maps',
    summary: 'Run a pose, depth or canny preprocessor on a version as a farm job',
    tags,
    access: access.atLeast('artist'),
    params: VersionParams,
    body: ControlMapRequest,
    response: z.object({ job: RenderJob, controlMap: ControlMap }),
    status: 201,
  }),
  listControlMaps: defineRoute({
    method: 'GET',
    path: '/api/versions/:versionId/control-maps',
    summary: 'The control maps made from a version, newest first',
    tags,
    access: access.atLeast('artist'),
    params: VersionParams,
    response: z.object({ items: z.array(ControlMap) }),
  }),
} as const

/** The path of an input file's bytes (for <img src> with the web's authenticated fetch). */
export function renderInputFilePath(projectId: string, inputId: string): string {
  return `/api/projects/${encodeURIComponent(projectId)}/render-inputs/${encodeURIComponent(inputId)}/file`
}

/** Lineage and decisions on versions: production routes, bound by the production module. */
export const versionDecisionRoutes = {
  getVersionLineage: defineRoute({
    method: 'GET',
    path: '/api/shots/:shotId/version-lineage',
    summary: "The shot's versions as a lineage tree (parents and children, deleted parents marked gone)",
    tags: ['production'],
    access: access.authenticated,
    params: ShotParams,
    response: VersionLineage,
  }),
  approveVersion: defineRoute({
    method: 'POST',
    path: '/api/versions/:versionId/approve',
    summary: "Approve a version: the task's approved status comment, and the task's approved version",
    tags: ['production'],
    access: access.authenticated,
    params: VersionParams,
    body: ApproveVersionRequest,
    response: VersionDecision,
  }),
  retakeVersion: defineRoute({
    method: 'POST',
    path: '/api/versions/:versionId/retake',
    summary: 'Ask for a retake of a version with a note (and a frame for video)',
    tags: ['production'],
    access: access.authenticated,
    params: VersionParams,
    body: RetakeVersionRequest,
    response: VersionDecision,
  }),
} as const
