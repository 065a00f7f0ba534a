import type { Kysely } from 'kysely'

// A task remembers the version that was approved for it (the table, review and the timeline
// show it). Deleting that version clears the mark rather than leaving a dangling id.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('tasks')
    .addColumn('approved_version_id', 'text', (c) => c.references('versions.id').onDelete('set null'))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tasks').dropColumn('approved_version_id').execute()
}
