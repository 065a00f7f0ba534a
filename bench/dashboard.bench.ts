// Dashboard benchmark: every project chart's query (through the dashboard service, drill-down
// and studio summary included) on a project of 10,000 shots, 40,000 tasks and 100,000
// activity rows, on SQLite and Postgres, against a `select 1` round trip measured in the same
// run. Prints one JSON object; never asserts on time. Target: each chart's p95 < 200 ms.
// Run: npx tsx bench/dashboard.bench.ts  (BENCH_ENGINES=sqlite to skip Postgres,
// BENCH_SHOTS / BENCH_RUNS to change the size and the samples)
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createDashboardQueries,
  createProjectRepository,
  dropPostgresSchema,
  ensurePostgresSchema,
  migrateToLatest,
  openDatabase,
} from '@aipipeline/db'
import { TEST_DATABASE_URL } from '@aipipeline/testing'
import { sql } from 'kysely'
import { createProjectDashboardService } from '../apps/server/src/modules/dashboards/project-dashboard.service'
import { createStudioDashboardService } from '../apps/server/src/modules/dashboards/studio-dashboard.service'
import { seedDashboardProject } from './dashboards/dashboard-seed'

const SHOTS = Number(process.env.BENCH_SHOTS ?? 10_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 30)
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',')

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) * 100) / 100
}

async function sample(run: () => Promise<unknown>): Promise<{ p50Ms: number; p95Ms: number }> {
  await run() // warm-up: statement cache, pages in memory
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    await run()
    times.push(performance.now() - t)
  }
  return { p50Ms: pct(times, 50), p95Ms: pct(times, 95) }
}

async function benchEngine(engine: string) {
  const dir = mkdtempSync(join(tmpdir(), 'aipipeline-dashboard-bench-'))
  let url = `sqlite:${join(dir, 'bench.db')}`
  if (engine === 'postgres') {
    const u = new URL(TEST_DATABASE_URL)
    u.searchParams.set('schema', `bench_dash_${process.pid}`)
    url = u.toString()
    await ensurePostgresSchema(url)
  }
  const handle = openDatabase(url)
  try {
    await migrateToLatest(handle.db)
    const t0 = performance.now()
    const { projectId } = await seedDashboardProject(handle.db, { shots: SHOTS, activity: SHOTS * 10, artists: 20 })
    const seedMs = Math.round(performance.now() - t0)
    if (engine === 'postgres') await sql`analyze`.execute(handle.db)
    const queries = createDashboardQueries(handle)
    const projects = createProjectRepository(handle.db)
    const principal = { userId: 'bench', role: 'admin' as const }
    const service = createProjectDashboardService({
      queries,
      resolve: async () => ({ projectId, userId: 'bench', role: 'admin', departments: [] }),
      findProject: (id) => projects.findById(id),
      now: () => new Date(),
    })
    const studio = createStudioDashboardService({
      queries,
      listProjects: () => projects.list(),
      projectsOf: async () => undefined,
    })
    const all = {}
    const seq = await handle.db
      .selectFrom('sequences')
      .select('id')
      .where('projectId', '=', projectId)
      .executeTakeFirstOrThrow()
    const baseline = await sample(() => sql`select 1`.execute(handle.db))
    const charts: Record<string, () => Promise<unknown>> = {
      status: () => service.status(principal, projectId, all),
      burnUp: () => service.burnUp(principal, projectId, all),
      retakes: () => service.retakes(principal, projectId, all),
      workload: () => service.workload(principal, projectId, all),
      farm: () => service.farm(principal, projectId, all),
      llm: () => service.llm(principal, projectId, all),
      statusOneSequence: () => service.status(principal, projectId, { sequenceIds: [seq.id] }),
      drillStatus: () => service.shots(principal, projectId, { chart: 'status' }),
      drillBurnUp: () => service.shots(principal, projectId, { chart: 'burnup' }),
      studio: () => studio.summary(principal, {}),
    }
    const results: Record<string, { p50Ms: number; p95Ms: number; p95VsBaseline: number; under200Ms: boolean }> = {}
    for (const [name, run] of Object.entries(charts)) {
      const r = await sample(run)
      results[name] = {
        ...r,
        p95VsBaseline: Math.round((r.p95Ms / Math.max(0.01, baseline.p95Ms)) * 10) / 10,
        under200Ms: r.p95Ms < 200,
      }
    }
    return {
      engine,
      shots: SHOTS,
      tasks: SHOTS * 4,
      activity: SHOTS * 10,
      seedMs,
      runs: RUNS,
      baseline,
      charts: results,
    }
  } finally {
    await handle.close()
    if (engine === 'postgres') await dropPostgresSchema(url)
    rmSync(dir, { recursive: true, force: true })
  }
}

const results = []
for (const engine of ENGINES) results.push(await benchEngine(engine))
console.log(
  JSON.stringify(
    {
      benchmark: 'dashboard',
      at: new Date().toISOString(),
      loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
      results,
    },
    null,
    2,
  ),
)
