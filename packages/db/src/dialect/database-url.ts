// Which engine a DATABASE_URL names. The only place that knows how URLs map to engines.
export type Engine = 'sqlite' | 'postgres'

export interface ParsedDatabaseUrl {
  engine: Engine
  /** SQLite: file path (":memory:" allowed). Postgres: connection string without our `schema` param. */
  target: string
  /** Postgres schema to use as search_path (test isolation); undefined = server default. */
  schema: string | undefined
}

/** Parses `sqlite:///abs/path.db`, `sqlite:relative.db`, `file:…`, `postgres://…` or a bare path. */
export function parseDatabaseUrl(url: string): ParsedDatabaseUrl {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const parsed = new URL(url)
    const schema = parsed.searchParams.get('schema') ?? undefined
    parsed.searchParams.delete('schema')
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw new Error(`DATABASE_URL schema "${schema}" must be a lowercase identifier`)
    }
    return { engine: 'postgres', target: parsed.toString(), schema }
  }
  const path = url.replace(/^sqlite:(\/\/)?/, '').replace(/^file:/, '')
  if (path.length === 0) throw new Error('DATABASE_URL names no SQLite file')
  return { engine: 'sqlite', target: path, schema: undefined }
}
