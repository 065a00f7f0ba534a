import { type Kysely, sql } from 'kysely'

// The input files a job uploads to its backend before its prompt is queued:
// JSON [{parameter, sha256, kind, fileName, originalParameter?}]; '[]' for jobs without any.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('farm_render_jobs')
    .addColumn('input_files', 'text', (c) => c.notNull().defaultTo(sql`'[]'`))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('farm_render_jobs').dropColumn('input_files').execute()
}
