import type { Kysely } from 'kysely'

// Whether a project's clients see how its versions were generated (prompt, seed, model,
// parameters). Off by default: a studio's prompts are its craft, shown to clients only by choice.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('projects')
    .addColumn('show_generation_details_to_clients', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('projects').dropColumn('show_generation_details_to_clients').execute()
}
