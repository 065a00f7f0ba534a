import { type Kysely, sql } from 'kysely'

// Render outputs become versions (one per output file): a version remembers the farm output it
// came from, and (job, output) is unique so an ingest run twice adds nothing. Jobs record the
// template revision and the input versions they were submitted with; versions record those
// inputs as their lineage.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('versions').addColumn('render_output_id', 'text').execute()
  // NULLs are distinct on both engines: uploads and older versions (no output) never clash.
  await db.schema
    .createIndex('versions_render_output_uq')
    .on('versions')
    .columns(['render_job_id', 'render_output_id'])
    .unique()
    .execute()
  await db.schema.alterTable('farm_render_jobs').addColumn('template_revision', 'integer').execute()
  // JSON [{versionId, parameter}]; '[]' for jobs without inputs.
  await db.schema
    .alterTable('farm_render_jobs')
    .addColumn('input_versions', 'text', (c) => c.notNull().defaultTo(sql`'[]'`))
    .execute()
  await db.schema
    .createTable('version_inputs')
    .addColumn('version_id', 'text', (c) => c.notNull().references('versions.id').onDelete('cascade'))
    .addColumn('input_version_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('parameter', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('version_inputs_pk', ['version_id', 'input_version_id', 'parameter'])
    .execute()
  await db.schema.createIndex('version_inputs_input_idx').on('version_inputs').column('input_version_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('version_inputs').execute()
  await db.schema.alterTable('farm_render_jobs').dropColumn('input_versions').execute()
  await db.schema.alterTable('farm_render_jobs').dropColumn('template_revision').execute()
  await db.schema.dropIndex('versions_render_output_uq').execute()
  await db.schema.alterTable('versions').dropColumn('render_output_id').execute()
}
