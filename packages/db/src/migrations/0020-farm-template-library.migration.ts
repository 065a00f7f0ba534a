import type { Kysely } from 'kysely'

// Workflow templates describe themselves (model family, category, outputs, requirements) and
// may come from the shipped library (built_in, library_key, library_revision; user_edited keeps
// a user's changes from being overwritten by a newer shipped revision). Every edit bumps
// `revision` and stores the previous state in farm_workflow_template_revisions.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = 'farm_workflow_templates'
  await db.schema
    .alterTable(t)
    .addColumn('model_family', 'text', (c) => c.notNull().defaultTo('generic'))
    .execute()
  await db.schema
    .alterTable(t)
    .addColumn('category', 'text', (c) => c.notNull().defaultTo('custom'))
    .execute()
  await db.schema
    .alterTable(t)
    .addColumn('outputs', 'text', (c) => c.notNull().defaultTo('["image"]'))
    .execute()
  await db.schema
    .alterTable(t)
    .addColumn('requirements', 'text', (c) => c.notNull().defaultTo('{"nodeClasses":[],"models":[]}'))
    .execute()
  await db.schema
    .alterTable(t)
    .addColumn('built_in', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable(t)
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema.alterTable(t).addColumn('library_key', 'text').execute()
  await db.schema.alterTable(t).addColumn('library_revision', 'integer').execute()
  await db.schema
    .alterTable(t)
    .addColumn('user_edited', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.createIndex('farm_workflow_templates_library_key_idx').on(t).column('library_key').unique().execute()
  await db.schema
    .createTable('farm_workflow_template_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('template_id', 'text', (c) => c.notNull().references('farm_workflow_templates.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('prompt', 'text', (c) => c.notNull())
    .addColumn('parameters', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('farm_workflow_template_revisions_uq', ['template_id', 'revision'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('farm_workflow_template_revisions').execute()
  await db.schema.dropIndex('farm_workflow_templates_library_key_idx').execute()
  for (const column of [
    'user_edited',
    'library_revision',
    'library_key',
    'revision',
    'built_in',
    'requirements',
    'outputs',
    'category',
    'model_family',
  ]) {
    await db.schema.alterTable('farm_workflow_templates').dropColumn(column).execute()
  }
}
