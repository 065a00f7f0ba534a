import type { Kysely } from 'kysely'

// Review playlists: an ordered list of tasks, each showing one of its versions (the newest, the
// task's approved one, or a pinned one). Items order by fractional keys (as shots do), so a drag
// rewrites only what moved. Comments gain the frame or range a review note points at
// (0-based frame indices of the comment's first version's media; both null for other comments).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('playlists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('task_type_id', 'text')
    .addColumn('sequence_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('playlists_project_idx').on('playlists').columns(['project_id', 'created_at']).execute()
  await db.schema
    .createTable('playlist_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('playlist_id', 'text', (c) => c.notNull().references('playlists.id').onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('version_choice', 'text', (c) => c.notNull())
    .addColumn('pinned_version_id', 'text', (c) => c.references('versions.id').onDelete('set null'))
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('playlist_items_task_unique', ['playlist_id', 'task_id'])
    .execute()
  await db.schema
    .createIndex('playlist_items_order_idx')
    .on('playlist_items')
    .columns(['playlist_id', 'position'])
    .execute()
  await db.schema.alterTable('comments').addColumn('frame_start', 'integer').execute()
  await db.schema.alterTable('comments').addColumn('frame_end', 'integer').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('comments').dropColumn('frame_end').execute()
  await db.schema.alterTable('comments').dropColumn('frame_start').execute()
  await db.schema.dropTable('playlist_items').execute()
  await db.schema.dropTable('playlists').execute()
}
