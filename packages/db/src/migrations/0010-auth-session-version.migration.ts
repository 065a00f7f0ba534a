import type { Kysely } from 'kysely'

// A per-user session version, carried in every access token. Bumping it (role change,
// deactivation, password change, sign-out) ends every access token issued before, at once.
// Additive: existing users start at 0.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('session_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('session_version').execute()
}
