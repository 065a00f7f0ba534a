// Migrations are additive and registered here in order; they run on start and with
// `aipipeline migrate`. Names sort lexically, so keep the four-digit prefix.
import { type Migration, type MigrationProvider, Migrator, sql } from 'kysely'
import type { Db } from '../dialect/dialect-factory'
import * as m0001 from './0001-auth.migration'
import * as m0002 from './0002-jobs.migration'
import * as m0003 from './0003-farm.migration'
import * as m0004 from './0004-production.migration'
import * as m0005 from './0005-llm.migration'
import * as m0006 from './0006-agents.migration'
import * as m0007 from './0007-farm-agents.migration'
import * as m0008 from './0008-production-indexes.migration'
import * as m0009 from './0009-project-generation-details.migration'
import * as m0010 from './0010-auth-session-version.migration'
import * as m0011 from './0011-auth-sign-in-addresses.migration'
import * as m0012 from './0012-farm-leader-lease.migration'
import * as m0013 from './0013-ordering-keys.migration'
import * as m0020 from './0020-farm-template-library.migration'
import * as m0030 from './0030-version-ingest.migration'
import * as m0040 from './0040-farm-render-groups.migration'
import * as m0060 from './0060-auth-account-links.migration'
import * as m0061 from './0061-production-departments.migration'
import * as m0070 from './0070-project-setup.migration'
import * as m0080 from './0080-render-inputs.migration'
import * as m0081 from './0081-render-job-input-files.migration'
import * as m0082 from './0082-control-maps.migration'
import * as m0085 from './0085-task-approved-version.migration'
import * as m0090 from './0090-farm-backend-health.migration'
import * as m0091 from './0091-shot-breakdown-links.migration'
import * as m0095 from './0095-shot-table-views.migration'
import * as m0100 from './0100-dashboards.migration'
import * as m0105 from './0105-reports.migration'
import * as m0110 from './0110-review-proxies.migration'
import * as m0115 from './0115-playlists.migration'
import * as m0120 from './0120-annotations.migration'
import * as m0130 from './0130-review-guest-links.migration'

const MIGRATIONS: Record<string, Migration> = {
  '0001-auth': m0001,
  '0002-jobs': m0002,
  '0003-farm': m0003,
  '0004-production': m0004,
  '0005-llm': m0005,
  '0006-agents': m0006,
  '0007-farm-agents': m0007,
  '0008-production-indexes': m0008,
  '0009-project-generation-details': m0009,
  '0010-auth-session-version': m0010,
  '0011-auth-sign-in-addresses': m0011,
  '0012-farm-leader-lease': m0012,
  '0013-ordering-keys': m0013,
  '0020-farm-template-library': m0020,
  '0030-version-ingest': m0030,
  '0060-auth-account-links': m0060,
  '0061-production-departments': m0061,
  '0070-project-setup': m0070,
  '0095-shot-table-views': m0095,
  '0040-farm-render-groups': m0040,
  '0080-render-inputs': m0080,
  '0081-render-job-input-files': m0081,
  '0082-control-maps': m0082,
  '0105-reports': m0105,
  '0130-review-guest-links': m0130,
  '0090-farm-backend-health': m0090,
  '0091-shot-breakdown-links': m0091,
  '0085-task-approved-version': m0085,
  '0100-dashboards': m0100,
  '0110-review-proxies': m0110,
  '0115-playlists': m0115,
  '0120-annotations': m0120,
}

class InCodeMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS
  }
}

export interface MigrationReport {
  applied: string[]
  total: number
}

/** Applies pending migrations; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  const migrator = new Migrator({
    db,
    provider: new InCodeMigrationProvider(),
    ...((await postgresSchema(db)) ?? {}),
  })
  const { error, results = [] } = await migrator.migrateToLatest()
  const failed = results.find((r) => r.status === 'Error')
  if (error !== undefined || failed !== undefined) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`)
  }
  return { applied: results.map((r) => r.migrationName), total: Object.keys(MIGRATIONS).length }
}

/**
 * On Postgres, Kysely looks for its bookkeeping tables in every schema on the search path
 * unless told which one; pin them to the current schema so databases sharing a server (test
 * suites, tenants) never see each other's migration state. SQLite has no schemas.
 */
async function postgresSchema(db: Db): Promise<{ migrationTableSchema: string } | undefined> {
  try {
    const result = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
    const schema = result.rows[0]?.schema
    return schema ? { migrationTableSchema: schema } : undefined
  } catch {
    return undefined // SQLite: no current_schema()
  }
}
