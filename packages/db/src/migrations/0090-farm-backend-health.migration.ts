import type { Kysely } from 'kysely'

// Health history of each backend: every state change and, between them, a sampled probe with
// its latency, so the farm page can draw up/down and latency over the last hours. Rows go
// with their backend and are pruned by the repository (age and count per backend).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('farm_backend_health')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('backend_id', 'text', (c) => c.notNull().references('farm_backends.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    /** transition | probe */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('latency_ms', 'integer')
    .execute()
  await db.schema
    .createIndex('farm_backend_health_backend_at')
    .on('farm_backend_health')
    .columns(['backend_id', 'at'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('farm_backend_health').execute()
}
