import type { Kysely } from 'kysely'

// Review proxies: one row per video version, for the all-intra H.264 file a background job
// makes from it. `revision` grows each time the proxy is made again; the file's path (relative
// to the storage root) names its revision, so a player never reads a half-replaced file.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('review_proxies')
    .addColumn('version_id', 'text', (c) => c.primaryKey().references('versions.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('frame_count', 'integer')
    .addColumn('rate_num', 'integer')
    .addColumn('rate_den', 'integer')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('path', 'text')
    .addColumn('size_bytes', 'bigint')
    .addColumn('sha256', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('review_proxies').execute()
}
