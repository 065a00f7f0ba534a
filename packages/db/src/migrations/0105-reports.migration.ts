import type { Kysely } from 'kysely'

// Project reports (daily and weekly digests) and each project's report schedule. A report row
// is written when a digest is asked for (by its cron tick or "Generate now") and carries its
// state; its HTML and PDF live as files, paths relative to the reports folder.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('html_path', 'text')
    .addColumn('pdf_path', 'text')
    .addColumn('pdf_pages', 'integer')
    .addColumn('summary', 'text')
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute()
  // Digests read a project's activity by period.
  await db.schema.createIndex('activity_period_idx').on('activity').columns(['project_id', 'created_at']).execute()
  await db.schema.createIndex('reports_project_idx').on('reports').columns(['project_id', 'created_at']).execute()
  await db.schema
    .createTable('report_schedules')
    .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id').onDelete('cascade'))
    .addColumn('daily_enabled', 'integer', (c) => c.notNull())
    .addColumn('weekly_enabled', 'integer', (c) => c.notNull())
    .addColumn('time_of_day', 'text', (c) => c.notNull())
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_schedules').execute()
  await db.schema.dropTable('reports').execute()
  await db.schema.dropIndex('activity_period_idx').execute()
}
