import { type Kysely, sql } from 'kysely'

// Composite indexes for the shot list's other sort keys and filters on big projects
// (10,000 shots, 40,000 tasks): every keyset page is an index range scan, the status and
// assignee filters are index lookups, and the vendor scope reads its task ids from an index.
// Also one data fix for the comment visibility rule (below).
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema
  await s.createIndex('shots_code_sort_idx').on('shots').columns(['project_id', 'code', 'id']).execute()
  await s.createIndex('shots_updated_sort_idx').on('shots').columns(['project_id', 'updated_at', 'id']).execute()
  await s
    .createIndex('tasks_status_filter_idx')
    .on('tasks')
    .columns(['project_id', 'status_id', 'task_type_id', 'shot_id'])
    .execute()
  await s
    .createIndex('task_assignees_scope_idx')
    .on('task_assignees')
    .columns(['project_id', 'user_id', 'task_id'])
    .execute()
  await s.createIndex('activity_task_idx').on('activity').columns(['project_id', 'task_id', 'id']).execute()
  // Comments by clients used to be stored as for-client by force; the flag now means "shared
  // with every client", which none of them asked for, so they become private to their author.
  await sql`update comments set for_client = 0 where author_role = 'client'`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of [
    'activity_task_idx',
    'task_assignees_scope_idx',
    'tasks_status_filter_idx',
    'shots_updated_sort_idx',
    'shots_code_sort_idx',
  ])
    await db.schema.dropIndex(name).execute()
}
