import type { Kysely } from 'kysely'

// Review guest links: an expiring, revocable secret that opens one playlist to someone without
// an account. Only the token's SHA-256 is stored. Each guest session gets a hidden user row
// (users.guest_link_id set) so notes and drawings are attributed like anyone else's; the log
// records what guests did through the link. The playlist is not a foreign key: playlists are
// review's own table, and a link to a deleted playlist simply opens nothing (the gate says 404).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('review_guest_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('playlist_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute()
  await db.schema
    .createIndex('review_guest_links_playlist_idx')
    .on('review_guest_links')
    .columns(['playlist_id', 'created_at'])
    .execute()
  await db.schema
    .createTable('review_guest_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('link_id', 'text', (c) => c.notNull().references('review_guest_links.id').onDelete('cascade'))
    .addColumn('guest_user_id', 'text', (c) => c.notNull())
    .addColumn('guest_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('review_guest_log_link_idx').on('review_guest_log').columns(['link_id', 'at']).execute()
  await db.schema.alterTable('users').addColumn('guest_link_id', 'text').execute()
  await db.schema.createIndex('users_guest_link_idx').on('users').column('guest_link_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('users_guest_link_idx').execute()
  await db.schema.alterTable('users').dropColumn('guest_link_id').execute()
  await db.schema.dropTable('review_guest_log').execute()
  await db.schema.dropTable('review_guest_links').execute()
}
