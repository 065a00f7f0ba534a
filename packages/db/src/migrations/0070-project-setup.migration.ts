import type { Kysely } from 'kysely'

// A project can be archived (hidden from the default list, read-only) and carries the code
// numbering its template chose (sequence or episode or spot codes, shot codes). Both are
// nullable: existing projects stay active and number their codes as before (SQ010, SH0010).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('projects').addColumn('archived_at', 'text').execute()
  await db.schema.alterTable('projects').addColumn('code_rules', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('projects').dropColumn('code_rules').execute()
  await db.schema.alterTable('projects').dropColumn('archived_at').execute()
}
