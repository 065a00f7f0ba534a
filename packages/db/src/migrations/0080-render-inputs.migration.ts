import type { Kysely } from 'kysely'

// Input files of renders made from versions (images, masks, control images): stored once per
// content under the storage root, one row per (project, sha256) so a project sees only what
// was uploaded to it and the same bytes uploaded twice are the same input.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('render_inputs')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    /** image | mask | control: how it was first uploaded. */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    /** Root-relative; content-addressed, so shared by every project holding these bytes. */
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('render_inputs_pk', ['project_id', 'sha256'])
    .execute()
  await db.schema.createIndex('render_inputs_sha256').on('render_inputs').column('sha256').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('render_inputs').execute()
}
