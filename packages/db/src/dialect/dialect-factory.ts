// The only module that branches on the database engine (ARCHITECTURE decision 1).
import { closeSync, mkdirSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely'
import pg from 'pg'
import type { DatabaseSchema } from '../tables/database.schema'
import { CurrentSchemaIntrospector } from './current-schema.introspector'
import { type Engine, parseDatabaseUrl } from './database-url'

export type Db = Kysely<DatabaseSchema>

/** Postgres, with metadata read for the session's schema only (see current-schema.introspector.ts). */
class SchemaScopedPostgresDialect extends PostgresDialect {
  // Only raw SQL runs through it, so no table types are needed.
  override createIntrospector(db: Kysely<unknown>): CurrentSchemaIntrospector {
    return new CurrentSchemaIntrospector(db)
  }
}

export interface DatabaseHandle {
  db: Db
  engine: Engine
  /** Closes every connection; safe to call twice. */
  close(): Promise<void>
}

// Postgres returns BIGINT/NUMERIC as strings by default; our counters fit in a double.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10))

export interface OpenDatabaseOptions {
  poolSize?: number
  /**
   * Postgres ends a session that sits in an open transaction longer than this (ms), releasing
   * its locks. A frozen process (SIGSTOP, a paused VM) keeps its connections, and a transaction
   * it had open would otherwise block the rows it touched, and the leader lease, for good.
   */
  idleInTransactionTimeoutMs?: number
}

/** Opens a database from a URL: SQLite (WAL, foreign keys) or a Postgres pool. */
export function openDatabase(url: string, opts: OpenDatabaseOptions = {}): DatabaseHandle {
  const parsed = parseDatabaseUrl(url)
  const plugins = [new CamelCasePlugin()]
  if (parsed.engine === 'sqlite') {
    if (parsed.target !== ':memory:') createPrivateFile(parsed.target)
    const sqlite = new SQLite(parsed.target)
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('foreign_keys = ON')
    // Concurrent processes (server + worker) share the file; wait instead of failing.
    sqlite.pragma('busy_timeout = 5000')
    sqlite.pragma('synchronous = NORMAL')
    const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: sqlite }), plugins })
    return { db, engine: 'sqlite', close: once(() => db.destroy()) }
  }
  const settings = [
    ...(parsed.schema ? [`-c search_path=${parsed.schema}`] : []),
    ...(opts.idleInTransactionTimeoutMs === undefined
      ? []
      : [`-c idle_in_transaction_session_timeout=${Math.round(opts.idleInTransactionTimeoutMs)}`]),
  ]
  const pool = new pg.Pool({
    connectionString: parsed.target,
    max: opts.poolSize ?? 10,
    ...(settings.length > 0 ? { options: settings.join(' ') } : {}),
  })
  // When Postgres ends a session a caller holds (idle-in-transaction timeout, server restart),
  // its client emits 'error' outside any query; without a listener that kills the process. The
  // caller's next statement fails with the reason and the pool drops the client.
  pool.on('connect', (client) => {
    client.on('error', () => {})
  })
  const db = new Kysely<DatabaseSchema>({ dialect: new SchemaScopedPostgresDialect({ pool }), plugins })
  return { db, engine: 'postgres', close: once(() => db.destroy()) }
}

/**
 * The database holds password hashes and encrypted keys: a new file (and any folder made for
 * it) is for the owner only. SQLite gives its -wal and -shm files the database file's mode,
 * so they follow. An existing file keeps the mode its owner chose.
 */
function createPrivateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  closeSync(openSync(path, 'a', 0o600))
}

/** Creates a Postgres schema if missing (test isolation and multi-tenant installs). */
export async function ensurePostgresSchema(url: string): Promise<void> {
  const parsed = parseDatabaseUrl(url)
  if (parsed.engine !== 'postgres' || parsed.schema === undefined) return
  const pool = new pg.Pool({ connectionString: parsed.target, max: 1 })
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${parsed.schema}"`)
  } finally {
    await pool.end()
  }
}

/** Drops a Postgres schema and everything in it. */
export async function dropPostgresSchema(url: string): Promise<void> {
  const parsed = parseDatabaseUrl(url)
  if (parsed.engine !== 'postgres' || parsed.schema === undefined) return
  const pool = new pg.Pool({ connectionString: parsed.target, max: 1 })
  try {
    await pool.query(`DROP SCHEMA IF EXISTS "${parsed.schema}" CASCADE`)
  } finally {
    await pool.end()
  }
}

/** A cheap round trip, for health checks. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db)
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined
  return () => {
    done ??= fn()
    return done
  }
}
