// Transitional: the library routes as the server module will declare them in the contracts.
// Replaced by the contract's own definitions once they are merged.
import {
  defineRoute,
  FarmIdParams,
  ParameterRole,
  TemplateCategory,
  TemplateModelFamily,
  TemplateRequirements,
  TemplateSource,
  WorkflowParameter,
  WorkflowTemplate,
} from '@aipipeline/contracts'
import { access } from '@aipipeline/domain'
import { z } from 'zod'

const ParameterPatch = z.record(
  z.string(),
  z.object({
    label: z.string().max(120).nullable().optional(),
    role: ParameterRole.nullable().optional(),
    default: z.union([z.string(), z.number(), z.boolean()]).nullable().optional(),
    min: z.number().nullable().optional(),
    max: z.number().nullable().optional(),
  }),
)

export const TemplateRevision = z.object({
  revision: z.number().int(),
  name: z.string(),
  editedBy: z.string().nullable(),
  createdAt: z.string(),
})

export const BackendCompatibility = z.object({
  backendId: z.string(),
  name: z.string(),
  ok: z.boolean(),
  capabilitiesKnown: z.boolean(),
  missingNodeClasses: z.array(z.string()),
  missingModels: z.array(z.object({ folder: z.string(), name: z.string() })),
})
export type BackendCompatibility = z.infer<typeof BackendCompatibility>

export const WorkflowGraph = z.object({
  nodes: z.array(
    z.object({
      id: z.string(),
      classType: z.string(),
      title: z.string().optional(),
      x: z.number().optional(),
      y: z.number().optional(),
    }),
  ),
  links: z.array(z.object({ from: z.string(), to: z.string(), inputName: z.string() })),
})
export type WorkflowGraph = z.infer<typeof WorkflowGraph>

export const WorkflowInspection = z.object({
  prompt: z.record(z.string(), z.unknown()),
  parameters: z.array(WorkflowParameter),
  modelFamily: TemplateModelFamily,
  category: TemplateCategory,
  outputs: z.array(z.enum(['image', 'video'])),
  requirements: TemplateRequirements,
  graph: WorkflowGraph,
})
export type WorkflowInspection = z.infer<typeof WorkflowInspection>

export const templateLibraryRoutes = {
  createWorkflowTemplate: defineRoute({
    method: 'POST',
    path: '/api/farm/templates',
    summary: 'Save a workflow as a template',
    tags: ['farm'],
    access: access.atLeast('supervisor'),
    body: z.object({
      name: z.string().trim().min(1).max(120),
      description: z.string().max(2000).default(''),
      modelFamily: TemplateModelFamily.optional(),
      category: TemplateCategory.optional(),
      source: TemplateSource,
      parameters: ParameterPatch.optional(),
    }),
    response: WorkflowTemplate,
    status: 201,
  }),
  updateWorkflowTemplate: defineRoute({
    method: 'PATCH',
    path: '/api/farm/templates/:id',
    summary: 'Edit a template',
    tags: ['farm'],
    access: access.atLeast('supervisor'),
    params: FarmIdParams,
    body: z.object({
      name: z.string().trim().min(1).max(120).optional(),
      description: z.string().max(2000).optional(),
      modelFamily: TemplateModelFamily.optional(),
      category: TemplateCategory.optional(),
      parameters: ParameterPatch.optional(),
    }),
    response: WorkflowTemplate,
  }),
  listWorkflowTemplateRevisions: defineRoute({
    method: 'GET',
    path: '/api/farm/templates/:id/revisions',
    summary: 'Revisions of a template',
    tags: ['farm'],
    access: access.atLeast('artist'),
    params: FarmIdParams,
    response: z.object({ currentRevision: z.number().int(), items: z.array(TemplateRevision) }),
  }),
  getWorkflowTemplateCompatibility: defineRoute({
    method: 'GET',
    path: '/api/farm/templates/:id/compatibility',
    summary: 'Which backends can run a template',
    tags: ['farm'],
    access: access.atLeast('artist'),
    params: FarmIdParams,
    response: z.object({
      templateId: z.string(),
      requirements: TemplateRequirements,
      backends: z.array(BackendCompatibility),
    }),
  }),
  inspectWorkflow: defineRoute({
    method: 'POST',
    path: '/api/farm/templates/inspect',
    summary: 'Read a workflow or a file without saving it',
    tags: ['farm'],
    access: access.atLeast('supervisor'),
    body: z.union([
      z.object({ source: TemplateSource }),
      z.object({ file: z.object({ name: z.string(), dataBase64: z.string() }) }),
    ]),
    response: WorkflowInspection,
  }),
} as const
