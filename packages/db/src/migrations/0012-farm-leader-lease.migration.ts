import type { Kysely } from 'kysely'

// The dispatcher's leader lease (replaces the Postgres advisory lock, which a frozen process
// kept for as long as its connection lived): one row per lease with its holder, a fencing
// epoch that grows on every change of hands, and an expiry in the database's clock (ms since
// the Unix epoch). Attempts record the epoch they were claimed under.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('farm_leader_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text')
    .addColumn('epoch', 'bigint', (c) => c.notNull())
    .addColumn('expires_at_ms', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.alterTable('farm_job_attempts').addColumn('leader_epoch', 'bigint').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('farm_job_attempts').dropColumn('leader_epoch').execute()
  await db.schema.dropTable('farm_leader_leases').execute()
}
