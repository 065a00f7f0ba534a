import type { Kysely } from 'kysely'

// Tables for the database-backed job queue (embedded mode). Portable types only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts_made', 'integer', (c) => c.notNull())
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('backoff', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('lock_expires_at', 'text')
    .addColumn('progress', 'double precision', (c) => c.notNull())
    .addColumn('progress_message', 'text')
    .addColumn('result', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute()
  // The claim query filters by name and state and orders by priority then run_at.
  await db.schema.createIndex('jobs_claim_idx').on('jobs').columns(['name', 'state', 'priority', 'run_at']).execute()
  await db.schema.createIndex('jobs_state_idx').on('jobs').columns(['state', 'created_at']).execute()
  await db.schema
    .createTable('job_schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cron', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('opts', 'text', (c) => c.notNull())
    .addColumn('next_run_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('job_schedules').execute()
  await db.schema.dropTable('jobs').execute()
}
