// Saved workflow templates: an API prompt with `{placeholders}` and its parameter schema.
import { z } from 'zod'
import type { Db } from '../dialect/dialect-factory'
import { isoNow, newId } from '../ids'
import type { FarmWorkflowTemplatesTable } from '../tables/farm.tables'

/** One parameter as describeParameters() reports it. */
export const TemplateParameter = z.object({
  name: z.string(),
  type: z.enum(['string', 'int', 'float', 'boolean', 'seed']),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  locations: z.array(z.object({ nodeId: z.string(), inputName: z.string(), whole: z.boolean() })),
})
export type TemplateParameter = z.infer<typeof TemplateParameter>

export interface WorkflowTemplateRecord {
  id: string
  name: string
  description: string
  /** API-format prompt (JSON value, parsed with the workflow schema by the service). */
  prompt: unknown
  parameters: TemplateParameter[]
  createdBy: string | null
  createdAt: string
  updatedAt: string
}

function toRecord(row: FarmWorkflowTemplatesTable): WorkflowTemplateRecord {
  const prompt: unknown = JSON.parse(row.prompt)
  return {
    ...row,
    prompt,
    parameters: z.array(TemplateParameter).parse(JSON.parse(row.parameters)),
  }
}

/** Repository for `farm_workflow_templates`. */
export function createWorkflowTemplateRepository(db: Db) {
  return {
    /** Inserts; a duplicate name raises a unique violation. */
    async insert(input: {
      name: string
      description: string
      prompt: unknown
      parameters: TemplateParameter[]
      createdBy: string | null
    }): Promise<WorkflowTemplateRecord> {
      const now = isoNow()
      const row: FarmWorkflowTemplatesTable = {
        id: newId(),
        name: input.name,
        description: input.description,
        prompt: JSON.stringify(input.prompt),
        parameters: JSON.stringify(input.parameters),
        createdBy: input.createdBy,
        createdAt: now,
        updatedAt: now,
      }
      await db.insertInto('farmWorkflowTemplates').values(row).execute()
      return toRecord(row)
    },

    async get(id: string): Promise<WorkflowTemplateRecord | null> {
      const row = await db.selectFrom('farmWorkflowTemplates').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? toRecord(row) : null
    },

    async list(): Promise<WorkflowTemplateRecord[]> {
      const rows = await db.selectFrom('farmWorkflowTemplates').selectAll().orderBy('name').execute()
      return rows.map(toRecord)
    },

    async update(
      id: string,
      patch: Partial<{ name: string; description: string; prompt: unknown; parameters: TemplateParameter[] }>,
    ): Promise<WorkflowTemplateRecord | null> {
      const set: Partial<FarmWorkflowTemplatesTable> = { updatedAt: isoNow() }
      if (patch.name !== undefined) set.name = patch.name
      if (patch.description !== undefined) set.description = patch.description
      if (patch.prompt !== undefined) set.prompt = JSON.stringify(patch.prompt)
      if (patch.parameters !== undefined) set.parameters = JSON.stringify(patch.parameters)
      await db.updateTable('farmWorkflowTemplates').set(set).where('id', '=', id).execute()
      return this.get(id)
    },

    async delete(id: string): Promise<boolean> {
      const res = await db.deleteFrom('farmWorkflowTemplates').where('id', '=', id).executeTakeFirst()
      return Number(res.numDeletedRows) > 0
    },
  }
}
export type WorkflowTemplateRepository = ReturnType<typeof createWorkflowTemplateRepository>
