// Saved workflow templates with their typed parameter schema (from describeParameters).
import { access } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'
import { FarmIdParams } from './farm-backend.contract'

const JsonObject = z.record(z.string(), z.unknown())

export const TemplateSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('api'), prompt: JsonObject }).strict(),
  z.object({ kind: z.literal('ui'), workflow: JsonObject }).strict(),
])

export const WorkflowParameter = z.object({
  name: z.string(),
  type: z.enum(['string', 'int', 'float', 'boolean', 'seed']),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  locations: z.array(z.object({ nodeId: z.string(), inputName: z.string(), whole: z.boolean() })),
})
export type WorkflowParameter = z.infer<typeof WorkflowParameter>

export const WorkflowTemplate = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    /** The API prompt with `{placeholders}`. */
    prompt: JsonObject,
    parameters: z.array(WorkflowParameter),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'WorkflowTemplate' })
export type WorkflowTemplate = z.infer<typeof WorkflowTemplate>

export const CreateWorkflowTemplateRequest = z
  .object({
    name: z.string().trim().min(1).max(120),
    description: z.string().max(2000).default(''),
    source: TemplateSource,
  })
  .strict()

export const UpdateWorkflowTemplateRequest = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    description: z.string().max(2000).optional(),
    source: TemplateSource.optional(),
  })
  .strict()

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
} as const
