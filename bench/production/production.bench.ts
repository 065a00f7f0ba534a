// Production tracking benchmarks through the real HTTP API of a spawned `aipipeline serve`:
// list 10,000 shots with tasks and statuses (paged and compact table), a 1,000-task batch
// status change, XLSX export and import of 10,000 shots. Prints one JSON object; never
// asserts on time. Run: npx tsx bench/production/production.bench.ts  (about 60-90 s;
// BENCH_ENGINES=sqlite to skip Postgres, BENCH_SHOTS to change the size)
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { ImportReport, Project, Sequence, Session, ShotPage, ShotTable } from '@aipipeline/contracts'
import { dropPostgresSchema, ensurePostgresSchema } from '@aipipeline/db'
import { postgres, TEST_DATABASE_URL } from '@aipipeline/testing'
import { BENCH_ADMIN, spawnServe } from '../support/serve-process'

const SHOTS = Number(process.env.BENCH_SHOTS ?? 10_000)
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',')
/** BENCH_LIST_ONLY=1: only the listing part (profiling runs). */
const LIST_ONLY = process.env.BENCH_LIST_ONLY === '1'
const WALKS = Number(process.env.BENCH_WALKS ?? 3)

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) * 10) / 10
}
const ms = (t0: number) => Math.round((performance.now() - t0) * 10) / 10

async function benchEngine(engine: string) {
  const port = 18_400 + Math.floor(Math.random() * 1000)
  const dataDir = mkdtempSync(join(tmpdir(), 'aipipeline-bench-'))
  let databaseUrl = `sqlite:${join(dataDir, 'bench.db')}`
  if (engine === 'postgres') {
    const url = new URL(TEST_DATABASE_URL)
    url.searchParams.set('schema', `bench_${process.pid}`)
    databaseUrl = url.toString()
    await ensurePostgresSchema(databaseUrl)
  }
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server process there on exit.
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []
  const server = await spawnServe({ databaseUrl, dataDir, port, nodeArgs: prof })
  const base = `http://127.0.0.1:${port}`
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(BENCH_ADMIN),
    })
    const { accessToken } = Session.parse(await login.json())
    const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' }
    const api = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
      return res
    }
    const project = Project.parse(await (await api('POST', '/api/projects', { code: 'BENCH', name: 'Bench' })).json())
    const sequences: { id: string; code: string }[] = []
    for (let s = 0; s < 10; s++)
      sequences.push(
        Sequence.parse(
          await (
            await api('POST', `/api/projects/${project.id}/sequences`, { code: `SQ${String(s + 1).padStart(3, '0')}` })
          ).json(),
        ),
      )
    const t0 = performance.now()
    for (let i = 0; i < SHOTS; i += 1000) {
      const shots = Array.from({ length: Math.min(1000, SHOTS - i) }, (_, k) => ({
        sequenceId: sequences[Math.floor(((i + k) / SHOTS) * sequences.length)]?.id ?? '',
        code: String(i + k + 1).padStart(4, '0'),
        description: `shot ${i + k + 1}`,
        frameIn: 1001,
        frameOut: 1001 + ((i + k) % 200),
      }))
      await api('POST', `/api/projects/${project.id}/shots`, { shots })
    }
    const seedMs = ms(t0)

    // Times with the client's JSON and zod parse (as before), and to the last body byte only.
    const pageTimes: number[] = []
    const pageBodyTimes: number[] = []
    // BENCH_WALKS full walks (default 3) so p95 rests on more than 20 samples.
    let listed = 0
    const walk0 = performance.now()
    for (let w = 0; w < WALKS; w++) {
      let cursor: string | null = null
      listed = 0
      do {
        const t = performance.now()
        const body = await (
          await api('GET', `/api/projects/${project.id}/shots?limit=500${cursor ? `&cursor=${cursor}` : ''}`)
        ).text()
        pageBodyTimes.push(ms(t))
        const page = ShotPage.parse(JSON.parse(body))
        pageTimes.push(ms(t))
        listed += page.items.length
        cursor = page.nextCursor
      } while (cursor !== null)
    }
    const walkMs = ms(walk0) / WALKS

    const tableTimes: number[] = []
    let table: ShotTable | undefined
    const tableBodyTimes: number[] = []
    for (let i = 0; i < 12; i++) {
      const t = performance.now()
      const body = await (await api('GET', `/api/projects/${project.id}/shot-table`)).text()
      tableBodyTimes.push(ms(t))
      table = ShotTable.parse(JSON.parse(body))
      tableTimes.push(ms(t))
    }
    const listing = {
      engine,
      shots: SHOTS,
      tasks: table?.tasks.id.length ?? 0,
      seedMs,
      listPaged500: {
        requests: pageTimes.length,
        shotsListed: listed,
        p50Ms: pct(pageTimes, 50),
        p95Ms: pct(pageTimes, 95),
        p50BodyMs: pct(pageBodyTimes, 50),
        p95BodyMs: pct(pageBodyTimes, 95),
        fullWalkMs: walkMs,
      },
      listCompactTable: {
        requests: tableTimes.length,
        p50Ms: pct(tableTimes, 50),
        p95Ms: pct(tableTimes, 95),
        p50BodyMs: pct(tableBodyTimes, 50),
        p95BodyMs: pct(tableBodyTimes, 95),
        bytes: JSON.stringify(table).length,
      },
    }
    if (LIST_ONLY) return listing

    const review = project.statuses.find((s) => s.isFeedbackRequest)?.id ?? ''
    const taskIds = (table?.tasks.id ?? []).slice(0, 1000)
    const b0 = performance.now()
    await api('POST', `/api/projects/${project.id}/tasks/batch-comment`, {
      taskIds,
      statusId: review,
      text: 'bench batch',
    })
    const batchMs = ms(b0)

    const e0 = performance.now()
    const xlsx = Buffer.from(
      await (await api('GET', `/api/projects/${project.id}/shots/export?format=xlsx`)).arrayBuffer(),
    )
    const exportMs = ms(e0)
    const i0 = performance.now()
    const report = ImportReport.parse(
      await (
        await api('POST', `/api/projects/${project.id}/shots/import`, {
          format: 'xlsx',
          contentBase64: xlsx.toString('base64'),
          dryRun: false,
        })
      ).json(),
    )
    const importNoopMs = ms(i0)

    const fresh = Project.parse(await (await api('POST', '/api/projects', { code: 'BENCH2', name: 'Bench 2' })).json())
    for (const s of sequences) await api('POST', `/api/projects/${fresh.id}/sequences`, { code: s.code })
    // IDs of another project would be conflicts: import by codes, from a CSV without the ID column.
    const csv = (await (await api('GET', `/api/projects/${project.id}/shots/export?format=csv`)).text()).replace(
      /^\uFEFF/,
      '',
    )
    const csvNoId = csv
      .split('\r\n')
      .map((l) => l.slice(l.indexOf(',') + 1))
      .join('\r\n')
    const c0 = performance.now()
    const created = ImportReport.parse(
      await (
        await api('POST', `/api/projects/${fresh.id}/shots/import`, {
          format: 'csv',
          contentBase64: Buffer.from(csvNoId).toString('base64'),
          dryRun: false,
        })
      ).json(),
    )
    const importCreateMs = ms(c0)

    return {
      ...listing,
      batchStatusChange1000Ms: batchMs,
      xlsxExportMs: exportMs,
      xlsxBytes: xlsx.length,
      xlsxImportNoopMs: importNoopMs,
      importNoop: {
        unchanged: report.unchanged,
        updates: report.updates.length,
        creates: report.creates.length,
        conflicts: report.conflicts.length,
      },
      csvImportCreate10kMs: importCreateMs,
      importCreate: { creates: created.creates.length, applied: created.applied, conflicts: created.conflicts.length },
    }
  } finally {
    server.kill('SIGTERM')
    await new Promise((r) => server.once('exit', r))
    rmSync(dataDir, { recursive: true, force: true })
    if (engine === 'postgres') await dropPostgresSchema(databaseUrl)
  }
}

const results = []
for (const engine of ENGINES) {
  if (engine === 'postgres' && !postgres.available) {
    results.push({ engine, skipped: postgres.reason })
    continue
  }
  results.push(await benchEngine(engine))
}
console.log(
  JSON.stringify(
    { bench: 'production', node: process.version, loadavg: loadavg().map((l) => Math.round(l * 100) / 100), results },
    null,
    2,
  ),
)
