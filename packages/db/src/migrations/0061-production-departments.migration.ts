import type { Kysely } from 'kysely'

// Departments a project keeps even before anyone is in them. Members and task types still
// name their departments as text (0004); this table only adds the project's own list, so a
// manager can create, rename and delete departments. Existing names stay valid without a row.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('departments')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('departments_pk', ['project_id', 'name'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('departments').execute()
}
