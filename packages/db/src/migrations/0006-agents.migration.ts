import type { Kysely } from 'kysely'

// Agent runs and step envelopes. Portable types only; the project id is not a foreign key
// so a run's record survives for cost history even if tracking data is reorganised.
export async function up(db: Kysely<unknown>): Promise<void> {
  const text = 'text' as const
  await db.schema
    .createTable('agent_runs')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('project_id', text, (c) => c.notNull())
    .addColumn('pipeline', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('label', text, (c) => c.notNull())
    .addColumn('input', text, (c) => c.notNull())
    .addColumn('output', text)
    .addColumn('job_id', text)
    .addColumn('created_by', text, (c) => c.notNull())
    .addColumn('progress', 'double precision', (c) => c.notNull())
    .addColumn('progress_message', text)
    .addColumn('error', text)
    .addColumn('decision', text)
    .addColumn('decided_by', text)
    .addColumn('decided_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('finished_at', text)
    .execute()
  // The Agents page lists a project's runs newest first.
  await db.schema.createIndex('agent_runs_project_idx').on('agent_runs').columns(['project_id', 'created_at']).execute()
  await db.schema.createIndex('agent_runs_created_idx').on('agent_runs').column('created_at').execute()
  await db.schema
    .createTable('agent_steps')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('run_id', text, (c) => c.notNull().references('agent_runs.id').onDelete('cascade'))
    .addColumn('parent_id', text)
    .addColumn('key', text, (c) => c.notNull())
    .addColumn('agent', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('input', text, (c) => c.notNull())
    .addColumn('output', text)
    .addColumn('usage', text, (c) => c.notNull())
    .addColumn('cost_micros', 'bigint', (c) => c.notNull())
    .addColumn('error', text)
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('started_at', text, (c) => c.notNull())
    .addColumn('finished_at', text)
    .addUniqueConstraint('agent_steps_key_uq', ['run_id', 'key'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('agent_steps').execute()
  await db.schema.dropTable('agent_runs').execute()
}
