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
})
