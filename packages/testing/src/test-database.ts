// Runs a suite against every engine: a fresh SQLite file and a private Postgres schema per
// suite, both migrated, so test files never collide.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  type DatabaseHandle,
  dropPostgresSchema,
  type Engine,
  ensurePostgresSchema,
  migrateToLatest,
  openDatabase,
} from '@aipipeline/db'
import { afterAll, beforeAll, describe } from 'vitest'
import { postgres, requireService, TEST_DATABASE_URL } from './services'

export interface TestDatabase {
  engine: Engine
  url: string
  handle: DatabaseHandle
  cleanup(): Promise<void>
}

/** A unique Postgres URL (own schema) for one suite. */
export function uniquePostgresUrl(): string {
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
  const url = new URL(TEST_DATABASE_URL)
  url.searchParams.set('schema', schema)
  return url.toString()
}

/** Creates and migrates a fresh database of the given engine. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'aipipeline-test-'))
    const url = `sqlite:${join(dir, 'test.db')}`
    const handle = openDatabase(url)
    await migrateToLatest(handle.db)
    return {
      engine,
      url,
      handle,
      async cleanup() {
        await handle.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  const url = uniquePostgresUrl()
  await ensurePostgresSchema(url)
  const handle = openDatabase(url, { poolSize: 5 })
  await migrateToLatest(handle.db)
  return {
    engine,
    url,
    handle,
    async cleanup() {
      await handle.close()
      await dropPostgresSchema(url)
    },
  }
}

/** Engines to run on: SQLite always; Postgres when reachable (required under CI). */
export function testEngines(what: string): Engine[] {
  return requireService(postgres, `${what} on PostgreSQL`) ? ['sqlite', 'postgres'] : ['sqlite']
}

/**
 * Declares `suite` once per engine. The callback receives a getter because the database
 * is created in beforeAll.
 */
export function describeEachEngine(name: string, suite: (db: () => TestDatabase) => void): void {
  for (const engine of testEngines(name)) {
    describe(`${name} [${engine}]`, () => {
      let current: TestDatabase | undefined
      beforeAll(async () => {
        current = await createTestDatabase(engine)
      })
      afterAll(async () => {
        await current?.cleanup()
      })
      suite(() => {
        if (!current) throw new Error('test database not ready (used outside a test?)')
        return current
      })
    })
  }
}
