import type { Kysely } from 'kysely'

// Render farm: backends, workflow templates, render jobs with their attempts and outputs.
// Portable types only: text ids and ISO timestamps, integer booleans, JSON in text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('farm_backends')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('max_in_flight', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('state_reason', 'text')
    .addColumn('capabilities', 'text', (c) => c.notNull())
    .addColumn('capabilities_at', 'text')
    .addColumn('vram_gb', 'double precision', (c) => c.notNull())
    .addColumn('comfy_version', 'text')
    .addColumn('loaded_model', 'text')
    .addColumn('speed', 'double precision')
    .addColumn('gpu_metrics', 'text')
    .addColumn('last_seen_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('farm_workflow_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('prompt', 'text', (c) => c.notNull())
    .addColumn('parameters', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('farm_render_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('prompt', 'text', (c) => c.notNull())
    .addColumn('parameters', 'text', (c) => c.notNull())
    .addColumn('requirements', 'text', (c) => c.notNull())
    .addColumn('primary_model', 'text')
    .addColumn('cost', 'double precision', (c) => c.notNull())
    .addColumn('template_id', 'text')
    .addColumn('group_id', 'text')
    .addColumn('shot_id', 'text')
    .addColumn('task_id', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('backend_id', 'text')
    .addColumn('prompt_id', 'text')
    .addColumn('attempt_count', 'integer', (c) => c.notNull())
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('vram_above_gb', 'double precision')
    .addColumn('unschedulable_reason', 'text')
    .addColumn('error', 'text')
    .addColumn('progress', 'double precision', (c) => c.notNull())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('farm_render_jobs_state_idx')
    .on('farm_render_jobs')
    .columns(['state', 'priority'])
    .execute()
  await db.schema.createIndex('farm_render_jobs_group_idx').on('farm_render_jobs').column('group_id').execute()
  await db.schema.createIndex('farm_render_jobs_backend_idx').on('farm_render_jobs').column('backend_id').execute()
  await db.schema
    .createTable('farm_job_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job_id', 'text', (c) => c.notNull().references('farm_render_jobs.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('backend_id', 'text', (c) => c.notNull())
    .addColumn('backend_name', 'text', (c) => c.notNull())
    .addColumn('prompt_id', 'text', (c) => c.notNull().unique())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('ended_at', 'text')
    .execute()
  await db.schema.createIndex('farm_job_attempts_job_idx').on('farm_job_attempts').column('job_id').execute()
  await db.schema
    .createTable('farm_job_outputs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job_id', 'text', (c) => c.notNull().references('farm_render_jobs.id').onDelete('cascade'))
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('thumbnail_path', 'text')
    .addColumn('mime', 'text')
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // One row per produced file, however often completion is observed.
    .addUniqueConstraint('farm_job_outputs_file_uq', ['job_id', 'node_id', 'filename'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'farm_job_outputs',
    'farm_job_attempts',
    'farm_render_jobs',
    'farm_workflow_templates',
    'farm_backends',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
