// What Kysely's migrator asks of the database, answered for the session's own schema only.
// Kysely's Postgres introspector lists the tables of every schema on the server and resolves
// each by name (pg_get_serial_sequence); when another database on the same server drops a schema
// meanwhile (test suites, tenants), that query fails with "relation … does not exist" or
// "schema … does not exist" although nothing of ours changed. Our code reads no metadata but
// this, so the Postgres dialect asks only about `current_schema()`, by oid, never by name.
import { type DatabaseIntrospector, type DatabaseMetadata, type Kysely, sql, type TableMetadata } from 'kysely'

export class CurrentSchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  async getSchemas(): Promise<{ name: string }[]> {
    const result = await sql<{ name: string }>`
      select nspname as name from pg_catalog.pg_namespace where nspname = current_schema()`.execute(this.db)
    return result.rows
  }

  async getTables(): Promise<TableMetadata[]> {
    const result = await sql<{ name: string; schema: string; isView: boolean }>`
      select c.relname as name, n.nspname as schema, c.relkind in ('v', 'm') as "isView"
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm')`.execute(this.db)
    return result.rows.map((t) => ({ ...t, columns: [] }))
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() }
  }
}
