import type { Kysely } from 'kysely'

// Control maps: a preprocessor (pose, depth, canny) run on a version as a farm job. When the job
// succeeds its output becomes a render input of kind control (`input_sha256`), not a version.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('farm_control_maps')
    .addColumn('job_id', 'text', (c) => c.primaryKey().references('farm_render_jobs.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('source_version_id', 'text', (c) => c.notNull())
    .addColumn('preprocessor', 'text', (c) => c.notNull())
    .addColumn('input_sha256', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('farm_control_maps_version').on('farm_control_maps').column('source_version_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('farm_control_maps').execute()
}
