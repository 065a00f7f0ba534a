import type { Kysely } from 'kysely'

// Saved views of the shot table (filter, sort, grouping and column widths), kept on the
// server so they follow a person from browser to browser. A view belongs to its owner; a
// shared one is offered to everyone in the project. Names are unique per owner and project.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('shot_table_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
    /** JSON: the view (filter, sort, groupBy, columnWidths), parsed with zod on read. */
    .addColumn('view', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('shot_table_views_owner_name', ['project_id', 'owner_id', 'name'])
    .execute()
  await db.schema
    .createIndex('shot_table_views_project')
    .on('shot_table_views')
    .columns(['project_id', 'shared'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('shot_table_views').execute()
}
