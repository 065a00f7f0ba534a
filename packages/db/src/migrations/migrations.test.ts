import { postgres, requireService, uniquePostgresUrl } from '@aipipeline/testing'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { dropPostgresSchema, ensurePostgresSchema, openDatabase } from '../dialect/dialect-factory'
import { migrateToLatest } from './migrations'

describe.runIf(requireService(postgres, 'migrations across Postgres schemas'))('migrations on Postgres', () => {
  it('migrate a schema on its own even when another schema on the server already has migration tables', async () => {
    const urls = [uniquePostgresUrl(), uniquePostgresUrl()]
    const handles = []
    try {
      for (const url of urls) {
        await ensurePostgresSchema(url)
        const handle = openDatabase(url, { poolSize: 2 })
        handles.push(handle)
        const report = await migrateToLatest(handle.db)
        expect(report.applied.length).toBe(report.total)
      }
      // Each schema keeps its own bookkeeping.
      for (const [i, handle] of handles.entries()) {
        const schema = new URL(urls[i] ?? '').searchParams.get('schema')
        const rows = await sql<{ n: number }>`
          select count(*)::int as n from information_schema.tables
          where table_schema = ${schema} and table_name = 'kysely_migration'`.execute(handle.db)
        expect(rows.rows[0]?.n).toBe(1)
      }
    } finally {
      for (const h of handles) await h.close()
      for (const url of urls) await dropPostgresSchema(url)
    }
  })

  it('migrates while other databases on the server drop their schemas', async () => {
    // Kysely's own introspector resolved every schema's tables by name, so a schema dropped
    // meanwhile made an unrelated migration fail ("relation … does not exist").
    const mine = uniquePostgresUrl()
    const others = Array.from({ length: 6 }, () => uniquePostgresUrl())
    const setup = openDatabase(others[0] ?? '', { poolSize: 1 })
    try {
      for (const url of others) {
        await ensurePostgresSchema(url)
        const schema = new URL(url).searchParams.get('schema') ?? ''
        for (let t = 0; t < 20; t++)
          await sql`create table ${sql.id(schema, `t${t}`)} (id serial primary key)`.execute(setup.db)
      }
      await ensurePostgresSchema(mine)
      const handle = openDatabase(mine, { poolSize: 2 })
      try {
        const [report] = await Promise.all([
          migrateToLatest(handle.db),
          ...others.map((url) => dropPostgresSchema(url)),
        ])
        expect(report.applied.length).toBe(report.total)
        // Metadata is read for this schema only.
        const tables = await handle.db.introspection.getTables()
        const schema = new URL(mine).searchParams.get('schema')
        expect(tables.length).toBeGreaterThan(0)
        expect(tables.every((t) => t.schema === schema)).toBe(true)
      } finally {
        await handle.close()
      }
    } finally {
      await setup.close()
      for (const url of [mine, ...others]) await dropPostgresSchema(url)
    }
  })
})
