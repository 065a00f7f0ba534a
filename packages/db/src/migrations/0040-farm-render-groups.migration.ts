import type { Kysely } from 'kysely'

// A render from shots is one job group: which project and template it rendered, its sweep
// axes (the contact sheet's layout) and, per job, the variation, seed and sweep values it
// got. Plain sweeps (POST /api/farm/jobs/sweep) keep their group id without a row here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('farm_render_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('cascade'))
    .addColumn('template_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('variations', 'integer', (c) => c.notNull())
    .addColumn('axes', 'text', (c) => c.notNull())
    .addColumn('job_values', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('farm_render_groups_project').on('farm_render_groups').column('project_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('farm_render_groups').execute()
}
