import type { Kysely } from 'kysely'

// Dashboards: a project's planned end date (the burn-up projects towards it), each task's
// estimate and time spent (the workload chart compares them), and the indexes that keep every
// chart's query an index range scan on a 10,000-shot project.
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema
  /** YYYY-MM-DD; null = no end date set. */
  await s.alterTable('projects').addColumn('end_date', 'text').execute()
  /** Minutes; null = not estimated. */
  await s.alterTable('tasks').addColumn('estimate_minutes', 'integer').execute()
  await s
    .alterTable('tasks')
    .addColumn('time_spent_minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  // Burn-up: done tasks of a project by date, with their shot.
  await s.createIndex('tasks_done_idx').on('tasks').columns(['project_id', 'done_date', 'shot_id']).execute()
  // Retakes: comments of a project that set a status, by status then time.
  await s
    .createIndex('comments_status_idx')
    .on('comments')
    .columns(['project_id', 'status_id', 'created_at', 'task_id'])
    .execute()
  // Farm use per project: a project's render jobs are found through their shots.
  await s.createIndex('farm_render_jobs_shot_idx').on('farm_render_jobs').columns(['shot_id', 'queued_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ['farm_render_jobs_shot_idx', 'comments_status_idx', 'tasks_done_idx'])
    await db.schema.dropIndex(name).execute()
  await db.schema.alterTable('tasks').dropColumn('time_spent_minutes').execute()
  await db.schema.alterTable('tasks').dropColumn('estimate_minutes').execute()
  await db.schema.alterTable('projects').dropColumn('end_date').execute()
}
