// Transitional: the inspect route as the server module will declare it in the contracts.
// Replaced by the contract's own definition once it is merged.
import {
  defineRoute,
  TemplateCategory,
  TemplateModelFamily,
  TemplateRequirements,
  TemplateSource,
  WorkflowParameter,
} from '@aipipeline/contracts'
import { access } from '@aipipeline/domain'
import { z } from 'zod'

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
  inspectWorkflowTemplate: defineRoute({
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
