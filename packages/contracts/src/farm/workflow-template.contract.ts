// Saved workflow templates with their typed parameter schema (from describeParameters).
import { access } from '@aipipeline/domain'
import { z } from 'zod'
import { base64Field } from '../http/base64'
import { defineRoute } from '../http/route'
import { FarmIdParams } from './farm-backend.contract'

const JsonObject = z.record(z.string(), z.unknown())

export const TemplateSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('api'), prompt: JsonObject }).strict(),
  z.object({ kind: z.literal('ui'), workflow: JsonObject }).strict(),
])

/**
 * What a parameter means to the studio, so a render from a shot can fill it: the Prompt Engine
 * fills `prompt`/`negative`, the shot's aspect ratio `width`/`height`, its frame range and rate
 * `frames`/`fps`, the chosen input versions `image`/`mask`/`controlImage`.
 */
export const ParameterRole = z.enum([
  'prompt',
  'negative',
  'seed',
  'width',
  'height',
  'steps',
  'cfg',
  'denoise',
  'frames',
  'fps',
  'image',
  'mask',
  'controlImage',
  'loraStrength',
  'upscaleFactor',
])
export type ParameterRole = z.infer<typeof ParameterRole>

export const WorkflowParameter = z.object({
  name: z.string(),
  type: z.enum(['string', 'int', 'float', 'boolean', 'seed']),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  locations: z.array(z.object({ nodeId: z.string(), inputName: z.string(), whole: z.boolean() })),
  /** What the studio fills it with when rendering a shot; absent for free parameters. */
  role: ParameterRole.optional(),
  /** A label the user gave it (the name is the placeholder). */
  label: z.string().max(120).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
})
export type WorkflowParameter = z.infer<typeof WorkflowParameter>

/** The Prompt Engine formatter a template's prompts are written for (a CPE target model id), or `generic`. */
export const TemplateModelFamily = z.enum([
  'sd15',
  'sdxl',
  'flux-dev',
  'flux-schnell',
  'wan-2.2',
  'cogvideox',
  'hunyuan-video',
  'generic',
])
export type TemplateModelFamily = z.infer<typeof TemplateModelFamily>

export const TemplateCategory = z.enum([
  'text-to-image',
  'image-to-image',
  'inpaint',
  'outpaint',
  'controlnet',
  'upscale',
  'interpolation',
  'image-to-video',
  'text-to-video',
  'custom',
])
export type TemplateCategory = z.infer<typeof TemplateCategory>

/** What a backend must have to run a template: node classes and model files (folder as in /models). */
export const TemplateRequirements = z.object({
  nodeClasses: z.array(z.string()),
  models: z.array(z.object({ folder: z.string(), name: z.string() })),
})
export type TemplateRequirements = z.infer<typeof TemplateRequirements>

export const WorkflowTemplate = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    /** The API prompt with `{placeholders}`. */
    prompt: JsonObject,
    parameters: z.array(WorkflowParameter),
    modelFamily: TemplateModelFamily,
    category: TemplateCategory,
    /** The media it writes. */
    outputs: z.array(z.enum(['image', 'video'])),
    requirements: TemplateRequirements,
    /** Shipped with the studio (the library); edits make a new revision like any other. */
    builtIn: z.boolean(),
    /** 1 on creation, +1 on every edit of the workflow or its parameters. */
    revision: z.number().int().min(1),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'WorkflowTemplate' })
export type WorkflowTemplate = z.infer<typeof WorkflowTemplate>

/** What a user may say about a parameter; keyed by placeholder name in create/update bodies. */
export const ParameterPatch = z
  .object({
    label: z.string().trim().max(120).nullable().optional(),
    role: ParameterRole.nullable().optional(),
    default: z.union([z.string(), z.number(), z.boolean()]).nullable().optional(),
    min: z.number().nullable().optional(),
    max: z.number().nullable().optional(),
  })
  .strict()
export type ParameterPatch = z.infer<typeof ParameterPatch>

const TemplateMetadataFields = {
  modelFamily: TemplateModelFamily.optional(),
  category: TemplateCategory.optional(),
  outputs: z
    .array(z.enum(['image', 'video']))
    .min(1)
    .max(2)
    .optional(),
  /** Labels, roles, defaults and bounds by parameter name; null clears a field. Unknown names are a 400. */
  parameters: z.record(z.string(), ParameterPatch).optional(),
}

export const CreateWorkflowTemplateRequest = z
  .object({
    name: z.string().trim().min(1).max(120),
    description: z.string().max(2000).default(''),
    source: TemplateSource,
    ...TemplateMetadataFields,
  })
  .strict()

export const UpdateWorkflowTemplateRequest = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    description: z.string().max(2000).optional(),
    source: TemplateSource.optional(),
    ...TemplateMetadataFields,
  })
  .strict()

/** A previous state of a template (kept on every edit). */
export const WorkflowTemplateRevision = z
  .object({
    templateId: z.string(),
    revision: z.number().int().min(1),
    name: z.string(),
    description: z.string(),
    prompt: JsonObject,
    parameters: z.array(WorkflowParameter),
    modelFamily: TemplateModelFamily,
    category: TemplateCategory,
    outputs: z.array(z.enum(['image', 'video'])),
    requirements: TemplateRequirements,
    /** Who made the edit that replaced this revision; null for the studio (library updates). */
    editedBy: z.string().nullable(),
    /** When it was replaced. */
    createdAt: z.string(),
  })
  .meta({ id: 'WorkflowTemplateRevision' })
export type WorkflowTemplateRevision = z.infer<typeof WorkflowTemplateRevision>

export const WorkflowTemplateRevisionSummary = WorkflowTemplateRevision.pick({
  revision: true,
  name: true,
  editedBy: true,
  createdAt: true,
})

export const TemplateRevisionParams = z
  .object({ id: z.string().min(1).max(64), revision: z.coerce.number().int().min(1).max(1_000_000) })
  .strict()

/** Whether one backend can run a template, from the node classes and models it reported. */
export const BackendCompatibility = z.object({
  backendId: z.string(),
  name: z.string(),
  ok: z.boolean(),
  /** False until the backend's /object_info was read once: nothing is known to be missing yet. */
  capabilitiesKnown: z.boolean(),
  missingNodeClasses: z.array(z.string()),
  missingModels: z.array(z.object({ folder: z.string(), name: z.string() })),
})
export type BackendCompatibility = z.infer<typeof BackendCompatibility>

export const TemplateCompatibility = z.object({
  templateId: z.string(),
  requirements: TemplateRequirements,
  backends: z.array(BackendCompatibility),
})

/** Import without saving: a workflow as JSON, or a ComfyUI output file that embeds one. */
export const InspectWorkflowTemplateRequest = z.union([
  z.object({ source: TemplateSource }).strict(),
  z
    .object({
      file: z
        .object({
          name: z.string().trim().min(1).max(255),
          /** PNG (text chunks), WebP (EXIF) or MP4 (metadata tags) as written by ComfyUI's save nodes. */
          dataBase64: base64Field(90_000_000),
        })
        .strict(),
    })
    .strict(),
])

export const WorkflowPreviewGraph = z.object({
  nodes: z.array(
    z.object({
      id: z.string(),
      classType: z.string(),
      title: z.string(),
      x: z.number().optional(),
      y: z.number().optional(),
    }),
  ),
  links: z.array(z.object({ from: z.string(), to: z.string(), inputName: z.string() })),
})

export const WorkflowTemplateInspection = z
  .object({
    /** Where it came from: JSON (`api`, `ui`) or a file. */
    sourceKind: z.enum(['api', 'ui', 'png', 'webp', 'mp4']),
    /** The API prompt with the suggested `{placeholders}` written in (save it as an `api` source). */
    prompt: JsonObject,
    /** The placeholders with their types, defaults (the file's values) and suggested roles. */
    parameters: z.array(WorkflowParameter),
    modelFamily: TemplateModelFamily,
    category: TemplateCategory,
    outputs: z.array(z.enum(['image', 'video'])),
    requirements: TemplateRequirements,
    graph: WorkflowPreviewGraph,
  })
  .meta({ id: 'WorkflowTemplateInspection' })

export const workflowTemplateRoutes = {
  listWorkflowTemplates: defineRoute({
    method: 'GET',
    path: '/api/farm/templates',
    summary: 'List saved workflow templates with their parameters',
    tags: ['farm'],
    access: access.atLeast('artist'),
    response: z.object({ items: z.array(WorkflowTemplate) }),
  }),
  getWorkflowTemplate: defineRoute({
    method: 'GET',
    path: '/api/farm/templates/:id',
    summary: 'Get a workflow template',
    tags: ['farm'],
    access: access.atLeast('artist'),
    params: FarmIdParams,
    response: WorkflowTemplate,
  }),
  createWorkflowTemplate: defineRoute({
    method: 'POST',
    path: '/api/farm/templates',
    summary: 'Save a workflow (API or UI format) as a template; its placeholders become parameters',
    tags: ['farm'],
    access: access.atLeast('supervisor'),
    body: CreateWorkflowTemplateRequest,
    response: WorkflowTemplate,
    status: 201,
  }),
  updateWorkflowTemplate: defineRoute({
    method: 'PATCH',
    path: '/api/farm/templates/:id',
    summary: 'Rename, describe or replace the workflow of a template',
    tags: ['farm'],
    access: access.atLeast('supervisor'),
    params: FarmIdParams,
    body: UpdateWorkflowTemplateRequest,
    response: WorkflowTemplate,
  }),
  deleteWorkflowTemplate: defineRoute({
    method: 'DELETE',
    path: '/api/farm/templates/:id',
    summary: 'Delete a workflow template (jobs made from it keep their prompt)',
    tags: ['farm'],
    access: access.atLeast('supervisor'),
    params: FarmIdParams,
    response: null,
    status: 204,
  }),
  listWorkflowTemplateRevisions: defineRoute({
    method: 'GET',
    path: '/api/farm/templates/:id/revisions',
    summary: 'List the previous revisions of a workflow template, newest first',
    tags: ['farm'],
    access: access.atLeast('artist'),
    params: FarmIdParams,
    response: z.object({ currentRevision: z.number().int(), items: z.array(WorkflowTemplateRevisionSummary) }),
  }),
  getWorkflowTemplateRevision: defineRoute({
    method: 'GET',
    path: '/api/farm/templates/:id/revisions/:revision',
    summary: 'Get one previous revision of a workflow template',
    tags: ['farm'],
    access: access.atLeast('artist'),
    params: TemplateRevisionParams,
    response: WorkflowTemplateRevision,
  }),
  getWorkflowTemplateCompatibility: defineRoute({
    method: 'GET',
    path: '/api/farm/templates/:id/compatibility',
    summary: 'Which backends can run a template, and what each one is missing',
    tags: ['farm'],
    access: access.atLeast('artist'),
    params: FarmIdParams,
    response: TemplateCompatibility,
  }),
  inspectWorkflowTemplate: defineRoute({
    method: 'POST',
    path: '/api/farm/templates/inspect',
    summary: 'Read a workflow (JSON, or a PNG/WebP/MP4 that embeds one) and suggest its parameters, without saving',
    tags: ['farm'],
    access: access.atLeast('supervisor'),
    body: InspectWorkflowTemplateRequest,
    bodyLimit: 128 * 1024 * 1024,
    response: WorkflowTemplateInspection,
  }),
} as const
