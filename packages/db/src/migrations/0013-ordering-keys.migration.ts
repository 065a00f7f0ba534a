import { type QueryExecutorProvider, sql } from 'kysely'

// Shot and sequence ordering keys move to the fractional-indexing library's format (integer part,
// then fraction; see packages/domain ordering-key.ts). A key of the old scheme was a bare base-36
// fraction; under the integer zero "i0" it is the same fraction, so prefixing keeps every stored
// order exactly and makes each key valid for the library.
// Only runs SQL, so it takes anything that executes queries (the migrator's Kysely, a test's Db).
export async function up(db: QueryExecutorProvider): Promise<void> {
  for (const table of ['shots', 'sequences']) {
    await sql`update ${sql.table(table)} set order_key = ${'i0'} || order_key`.execute(db)
  }
}

// No down: keys written after the upgrade have no bare-fraction form.
