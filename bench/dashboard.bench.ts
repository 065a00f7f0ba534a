// Dashboard benchmark: every project chart's route (drill-down and studio summary included)
// through the HTTP API of a spawned `aipipeline serve`, on a project of 10,000 shots, 40,000
// tasks and 100,000 activity rows, on SQLite and Postgres, against the health route's round
// trip (which pings the database) measured in the same run, and the dashboard's first paint in
// Chromium at that size (against the projects list). Prints one JSON object; never asserts on
// time. Targets: each chart's p95 < 200 ms, first paint < 1.5 s.
// Run: npx tsx bench/dashboard.bench.ts  (BENCH_ENGINES=sqlite to skip Postgres,
// BENCH_SHOTS / BENCH_RUNS to change the size and the samples)
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { Session } from '@aipipeline/contracts'
import { dropPostgresSchema, ensurePostgresSchema, openDatabase } from '@aipipeline/db'
import { TEST_DATABASE_URL } from '@aipipeline/testing'
import { sql } from 'kysely'
import { dashboardFirstPaint } from './dashboards/dashboard-first-paint'
import { seedDashboardProject } from './dashboards/dashboard-seed'
import { BENCH_ADMIN, spawnServe } from './support/serve-process'

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
  const port = 18_400 + Math.floor(Math.random() * 1000)
  const server = await spawnServe({ databaseUrl: url, dataDir: dir, port })
  // The server has migrated the database; the seed writes straight to its tables.
  const handle = openDatabase(url)
  const base = `http://127.0.0.1:${port}`
  try {
    const t0 = performance.now()
    const { projectId } = await seedDashboardProject(handle.db, { shots: SHOTS, activity: SHOTS * 10, artists: 20 })
    const seedMs = Math.round(performance.now() - t0)
    // Fresh statistics, as autovacuum would have gathered them on a project that grew slowly.
    if (engine === 'postgres') await sql`analyze`.execute(handle.db)
    const seq = await handle.db
      .selectFrom('sequences')
      .select('id')
      .where('projectId', '=', projectId)
      .executeTakeFirstOrThrow()
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(BENCH_ADMIN),
    })
    const { accessToken } = Session.parse(await login.json())
    const get = (path: string) => async () => {
      const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${accessToken}` } })
      if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`)
      return res.json()
    }
    const p = `/api/projects/${projectId}/dashboard`
    const baseline = await sample(get('/api/health'))
    const charts: Record<string, () => Promise<unknown>> = {
      status: get(`${p}/status`),
      burnUp: get(`${p}/burn-up`),
      retakes: get(`${p}/retakes`),
      workload: get(`${p}/workload`),
      farm: get(`${p}/farm`),
      llm: get(`${p}/llm`),
      statusOneSequence: get(`${p}/status?sequenceIds=${seq.id}`),
      drillStatus: get(`${p}/shots?chart=status`),
      drillBurnUp: get(`${p}/shots?chart=burnup`),
      studio: get('/api/dashboard/studio'),
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
    const firstPaint = await dashboardFirstPaint(base, projectId, {
      ...BENCH_ADMIN,
    })
    return {
      engine,
      firstPaint: firstPaint && { ...firstPaint, under1500Ms: firstPaint.coldMs < 1500 && firstPaint.warmMs < 1500 },
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
    server.kill()
    await new Promise((r) => server.once('exit', r))
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
