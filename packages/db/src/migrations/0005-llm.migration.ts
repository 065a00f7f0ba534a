import type { Kysely } from 'kysely'

// LLM deployments, price table, budgets, usage ledger and vault canary. Portable types only;
// money columns are integer micro-dollars, bigint where sums or long-lived totals land.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('llm_deployments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('model_id', 'text', (c) => c.notNull())
    .addColumn('base_url', 'text')
    .addColumn('api_key_sealed', 'text')
    .addColumn('api_key_hint', 'text')
    .addColumn('context_window', 'integer', (c) => c.notNull())
    .addColumn('max_output_tokens', 'integer', (c) => c.notNull())
    .addColumn('input_micros_per_million', 'bigint')
    .addColumn('output_micros_per_million', 'bigint')
    .addColumn('capabilities', 'text', (c) => c.notNull())
    .addColumn('locality', 'text', (c) => c.notNull())
    .addColumn('latency_class', 'text', (c) => c.notNull())
    .addColumn('task_classes', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('fallback_ids', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('llm_prices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('model_id', 'text', (c) => c.notNull())
    .addColumn('input_micros_per_million', 'bigint', (c) => c.notNull())
    .addColumn('output_micros_per_million', 'bigint', (c) => c.notNull())
    .addColumn('context_window', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('llm_prices_model_uq', ['provider', 'model_id'])
    .execute()
  await db.schema
    .createTable('llm_budgets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('limit_micros', 'bigint', (c) => c.notNull())
    .addColumn('override', 'integer', (c) => c.notNull())
    .addColumn('alerted_percent', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('llm_budgets_project_month_uq', ['project_id', 'month'])
    .execute()
  await db.schema
    .createTable('llm_usage')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('deployment_id', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('model_id', 'text', (c) => c.notNull())
    .addColumn('task_class', 'text', (c) => c.notNull())
    .addColumn('input_tokens', 'integer', (c) => c.notNull())
    .addColumn('output_tokens', 'integer', (c) => c.notNull())
    .addColumn('cost_micros', 'bigint', (c) => c.notNull())
    .addColumn('latency_ms', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text')
    .addColumn('job_id', 'text')
    .addColumn('error', 'text')
    .execute()
  // Budget checks sum a project's month; charts scan a time range.
  await db.schema.createIndex('llm_usage_project_at_idx').on('llm_usage').columns(['project_id', 'at']).execute()
  await db.schema.createIndex('llm_usage_at_idx').on('llm_usage').columns(['at']).execute()
  await db.schema
    .createTable('llm_vault')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['llm_vault', 'llm_usage', 'llm_budgets', 'llm_prices', 'llm_deployments']) {
    await db.schema.dropTable(table).execute()
  }
}
