// Workflow templates: an API prompt with `{placeholders}`, its parameter schema and what the
// studio knows about it (model family, category, outputs, requirements). Every edit stores the
// previous state as a revision, in the same transaction as the edit.
import { z } from 'zod'
import type { Db } from '../dialect/dialect-factory'
import { isoNow, newId } from '../ids'
import type { FarmWorkflowTemplateRevisionsTable, FarmWorkflowTemplatesTable } from '../tables/farm.tables'

/** One parameter as describeParameters() reports it, with what the user or library said of it. */
export const TemplateParameter = z.object({
  name: z.string(),
  type: z.enum(['string', 'int', 'float', 'boolean', 'seed']),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  locations: z.array(z.object({ nodeId: z.string(), inputName: z.string(), whole: z.boolean() })),
  /** A ParameterRole of the contracts (checked by the service). */
  role: z.string().optional(),
  label: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
})
export type TemplateParameter = z.infer<typeof TemplateParameter>

export const StoredTemplateRequirements = z.object({
  nodeClasses: z.array(z.string()),
  models: z.array(z.object({ folder: z.string(), name: z.string() })),
})
export type StoredTemplateRequirements = z.infer<typeof StoredTemplateRequirements>

/** What a template says about itself besides its graph. */
export interface TemplateMetadata {
  modelFamily: string
  category: string
  outputs: string[]
  requirements: StoredTemplateRequirements
}

const Metadata = z.object({
  modelFamily: z.string(),
  category: z.string(),
  outputs: z.array(z.string()),
  requirements: StoredTemplateRequirements,
})

export interface WorkflowTemplateRecord extends TemplateMetadata {
  id: string
  name: string
  description: string
  /** API-format prompt (JSON value, parsed with the workflow schema by the service). */
  prompt: unknown
  parameters: TemplateParameter[]
  builtIn: boolean
  revision: number
  libraryKey: string | null
  libraryRevision: number | null
  userEdited: boolean
  createdBy: string | null
  createdAt: string
  updatedAt: string
}

/** A previous state of a template, kept when it was edited. */
export interface WorkflowTemplateRevisionRecord extends TemplateMetadata {
  templateId: string
  revision: number
  name: string
  description: string
  prompt: unknown
  parameters: TemplateParameter[]
  editedBy: string | null
  createdAt: string
}

export interface NewWorkflowTemplate extends TemplateMetadata {
  name: string
  description: string
  prompt: unknown
  parameters: TemplateParameter[]
  createdBy: string | null
  builtIn?: boolean
  libraryKey?: string | null
  libraryRevision?: number | null
}

export type WorkflowTemplatePatch = Partial<
  TemplateMetadata & { name: string; description: string; prompt: unknown; parameters: TemplateParameter[] }
> & { libraryRevision?: number }

function toRecord(row: FarmWorkflowTemplatesTable): WorkflowTemplateRecord {
  const prompt: unknown = JSON.parse(row.prompt)
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    prompt,
    parameters: z.array(TemplateParameter).parse(JSON.parse(row.parameters)),
    modelFamily: row.modelFamily,
    category: row.category,
    outputs: z.array(z.string()).parse(JSON.parse(row.outputs)),
    requirements: StoredTemplateRequirements.parse(JSON.parse(row.requirements)),
    builtIn: row.builtIn === 1,
    revision: row.revision,
    libraryKey: row.libraryKey,
    libraryRevision: row.libraryRevision,
    userEdited: row.userEdited === 1,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

function toRevision(row: FarmWorkflowTemplateRevisionsTable): WorkflowTemplateRevisionRecord {
  const prompt: unknown = JSON.parse(row.prompt)
  return {
    templateId: row.templateId,
    revision: row.revision,
    name: row.name,
    description: row.description,
    prompt,
    parameters: z.array(TemplateParameter).parse(JSON.parse(row.parameters)),
    ...Metadata.parse(JSON.parse(row.metadata)),
    editedBy: row.editedBy,
    createdAt: row.createdAt,
  }
}

function patchRow(patch: WorkflowTemplatePatch): Partial<FarmWorkflowTemplatesTable> {
  const set: Partial<FarmWorkflowTemplatesTable> = {}
  if (patch.name !== undefined) set.name = patch.name
  if (patch.description !== undefined) set.description = patch.description
  if (patch.prompt !== undefined) set.prompt = JSON.stringify(patch.prompt)
  if (patch.parameters !== undefined) set.parameters = JSON.stringify(patch.parameters)
  if (patch.modelFamily !== undefined) set.modelFamily = patch.modelFamily
  if (patch.category !== undefined) set.category = patch.category
  if (patch.outputs !== undefined) set.outputs = JSON.stringify(patch.outputs)
  if (patch.requirements !== undefined) set.requirements = JSON.stringify(patch.requirements)
  if (patch.libraryRevision !== undefined) set.libraryRevision = patch.libraryRevision
  return set
}

/** Repository for `farm_workflow_templates` and their revisions. */
export function createWorkflowTemplateRepository(db: Db) {
  async function get(id: string): Promise<WorkflowTemplateRecord | null> {
    const row = await db.selectFrom('farmWorkflowTemplates').selectAll().where('id', '=', id).executeTakeFirst()
    return row ? toRecord(row) : null
  }

  return {
    /** Inserts at revision 1; a duplicate name raises a unique violation. */
    async insert(input: NewWorkflowTemplate): Promise<WorkflowTemplateRecord> {
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
        modelFamily: input.modelFamily,
        category: input.category,
        outputs: JSON.stringify(input.outputs),
        requirements: JSON.stringify(input.requirements),
        builtIn: input.builtIn ? 1 : 0,
        revision: 1,
        libraryKey: input.libraryKey ?? null,
        libraryRevision: input.libraryRevision ?? null,
        userEdited: 0,
      }
      await db.insertInto('farmWorkflowTemplates').values(row).execute()
      return toRecord(row)
    },

    get,

    async getByLibraryKey(key: string): Promise<WorkflowTemplateRecord | null> {
      const row = await db
        .selectFrom('farmWorkflowTemplates')
        .selectAll()
        .where('libraryKey', '=', key)
        .executeTakeFirst()
      return row ? toRecord(row) : null
    },

    async list(): Promise<WorkflowTemplateRecord[]> {
      const rows = await db.selectFrom('farmWorkflowTemplates').selectAll().orderBy('name').execute()
      return rows.map(toRecord)
    },

    /**
     * Applies an edit as a new revision: the current state is stored as a revision row and the
     * template's revision goes up by one, atomically. `byUser` marks it edited by a person (the
     * library then leaves it alone); `editedBy` is who made the change (null: the studio).
     */
    async edit(
      id: string,
      patch: WorkflowTemplatePatch,
      by: { editedBy: string | null; byUser: boolean },
    ): Promise<WorkflowTemplateRecord | null> {
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('farmWorkflowTemplates').selectAll().where('id', '=', id).executeTakeFirst()
        if (row === undefined) return null
        const now = isoNow()
        const metadata: TemplateMetadata = {
          modelFamily: row.modelFamily,
          category: row.category,
          outputs: z.array(z.string()).parse(JSON.parse(row.outputs)),
          requirements: StoredTemplateRequirements.parse(JSON.parse(row.requirements)),
        }
        await trx
          .insertInto('farmWorkflowTemplateRevisions')
          .values({
            id: newId(),
            templateId: id,
            revision: row.revision,
            name: row.name,
            description: row.description,
            prompt: row.prompt,
            parameters: row.parameters,
            metadata: JSON.stringify(metadata),
            editedBy: by.editedBy,
            createdAt: now,
          })
          .execute()
        const set = { ...patchRow(patch), revision: row.revision + 1, updatedAt: now }
        await trx
          .updateTable('farmWorkflowTemplates')
          .set(by.byUser ? { ...set, userEdited: 1 } : set)
          .where('id', '=', id)
          .execute()
        const updated = await trx
          .selectFrom('farmWorkflowTemplates')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
        return toRecord(updated)
      })
    },

    /** Previous revisions, newest first. */
    async revisions(id: string): Promise<WorkflowTemplateRevisionRecord[]> {
      const rows = await db
        .selectFrom('farmWorkflowTemplateRevisions')
        .selectAll()
        .where('templateId', '=', id)
        .orderBy('revision', 'desc')
        .execute()
      return rows.map(toRevision)
    },

    async revision(id: string, revision: number): Promise<WorkflowTemplateRevisionRecord | null> {
      const row = await db
        .selectFrom('farmWorkflowTemplateRevisions')
        .selectAll()
        .where('templateId', '=', id)
        .where('revision', '=', revision)
        .executeTakeFirst()
      return row ? toRevision(row) : null
    },

    async delete(id: string): Promise<boolean> {
      const res = await db.deleteFrom('farmWorkflowTemplates').where('id', '=', id).executeTakeFirst()
      return Number(res.numDeletedRows) > 0
    },
  }
}
export type WorkflowTemplateRepository = ReturnType<typeof createWorkflowTemplateRepository>
