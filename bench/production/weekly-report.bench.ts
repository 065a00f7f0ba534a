// Weekly report of a large project rendered to PDF, through a spawned `aipipeline serve`: a
// project of 10,000 shots (seeded over the API, with their tasks), 100,000 activity rows of
// the last week, late and review tasks; then "Generate now" of a weekly digest, timed from the
// request until the report is ready, against a same-run baseline (the same digest of an empty
// project). Prints one JSON object; never asserts on time.
// Run: npx tsx bench/production/weekly-report.bench.ts  (BENCH_ENGINES=sqlite,postgres;
// BENCH_SHOTS, BENCH_ACTIVITY change the size)
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { Project, Report, User } from '@aipipeline/contracts'
import { dropPostgresSchema, ensurePostgresSchema, newId, openDatabase } from '@aipipeline/db'
import { postgres, seedShotProject, TEST_DATABASE_URL } from '@aipipeline/testing'
import { BENCH_ADMIN, spawnServe } from '../support/serve-process'

const SHOTS = Number(process.env.BENCH_SHOTS ?? 10_000)
const ACTIVITY = Number(process.env.BENCH_ACTIVITY ?? 100_000)
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite').split(',')

const EVENTS = ['task:status-changed', 'comment:new', 'version:new', 'shot:update', 'task:assign'] as const

/** Writes the week's activity straight into the database (the API would take hours), plus late and review tasks. */
async function fillProject(databaseUrl: string, projectId: string, actorId: string): Promise<{ tasks: number }> {
  const handle = openDatabase(databaseUrl)
  const db = handle.db
  try {
    const tasks = await db.selectFrom('tasks').select(['id', 'shotId']).where('projectId', '=', projectId).execute()
    const statuses = await db.selectFrom('taskStatuses').selectAll().where('projectId', '=', projectId).execute()
    const feedback = statuses.find((s) => s.isFeedbackRequest === 1)
    const now = Date.now()
    const rows = []
    for (let i = 0; i < ACTIVITY; i++) {
      const task = tasks[i % tasks.length]
      if (!task) break
      const event = EVENTS[i % EVENTS.length] ?? 'comment:new'
      const status = statuses[i % statuses.length]
      rows.push({
        id: newId(),
        projectId,
        actorId,
        event,
        entityId: task.id,
        shotId: task.shotId,
        taskId: task.id,
        clientVisible: 1,
        data: JSON.stringify(
          event === 'task:status-changed'
            ? { statusId: status?.id, previousStatusId: null }
            : event === 'version:new'
              ? { versionId: newId(), number: (i % 12) + 1 }
              : event === 'shot:update'
                ? { shotIds: [task.shotId], fields: ['description'] }
                : event === 'task:assign'
                  ? { taskIds: [task.id], userIds: [actorId], mode: 'add' }
                  : { commentId: newId() },
        ),
        createdAt: new Date(now - Math.floor((i / ACTIVITY) * 6.9 * 86_400_000)).toISOString(),
      })
    }
    for (let i = 0; i < rows.length; i += 1000)
      await db
        .insertInto('activity')
        .values(rows.slice(i, i + 1000))
        .execute()
    // A tenth of the tasks are overdue, a twentieth wait for review.
    const ids = tasks.map((t) => t.id)
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000)
      await db
        .updateTable('tasks')
        .set({ dueDate: '2020-01-01' })
        .where(
          'id',
          'in',
          chunk.filter((_, k) => k % 10 === 0),
        )
        .execute()
      if (feedback)
        await db
          .updateTable('tasks')
          .set({ statusId: feedback.id })
          .where(
            'id',
            'in',
            chunk.filter((_, k) => k % 20 === 1),
          )
          .execute()
    }
    return { tasks: tasks.length }
  } finally {
    await handle.close()
  }
}

async function benchEngine(engine: string) {
  const port = 19_400 + Math.floor(Math.random() * 500)
  const dataDir = mkdtempSync(join(tmpdir(), 'aipipeline-report-bench-'))
  let databaseUrl = `sqlite:${join(dataDir, 'bench.db')}`
  if (engine === 'postgres') {
    const url = new URL(TEST_DATABASE_URL)
    url.searchParams.set('schema', `bench_report_${process.pid}`)
    databaseUrl = url.toString()
    await ensurePostgresSchema(databaseUrl)
  }
  const server = await spawnServe({ databaseUrl, dataDir, port })
  const base = `http://127.0.0.1:${port}`
  try {
    const seeded = await seedShotProject({ url: base, ...BENCH_ADMIN, projectCode: 'BIG', shots: SHOTS })
    const headers = { authorization: `Bearer ${seeded.accessToken}`, 'content-type': 'application/json' }
    const api = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${base}${path}`, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) })
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
      return res
    }
    const actorId = User.parse(await (await api('GET', '/api/me')).json()).id
    const { tasks } = await fillProject(databaseUrl, seeded.projectId, actorId)
    const empty = Project.parse(await (await api('POST', '/api/projects', { code: 'EMPTY', name: 'Empty' })).json())

    const weekly = async (projectId: string) => {
      const t0 = performance.now()
      const queued = Report.parse(
        await (await api('POST', `/api/projects/${projectId}/reports`, { kind: 'weekly' })).json(),
      )
      for (;;) {
        const r = Report.parse(await (await api('GET', `/api/projects/${projectId}/reports/${queued.id}`)).json())
        if (r.status === 'failed') throw new Error(`report failed: ${r.error}`)
        if (r.status === 'ready') {
          const ms = Math.round(performance.now() - t0)
          const pdf = Buffer.from(
            await (await api('GET', `/api/projects/${projectId}/reports/${r.id}/pdf`)).arrayBuffer(),
          )
          const file = join(dataDir, `${r.id}.pdf`)
          writeFileSync(file, pdf)
          const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
          const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? r.pdfPages)
          return { ms, pages, bytes: pdf.length, summary: r.summary }
        }
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    }
    const baseline = await weekly(empty.id)
    const large = await weekly(seeded.projectId)
    return {
      engine,
      shots: SHOTS,
      tasks,
      activityRows: ACTIVITY,
      weeklyReportMs: large.ms,
      targetMs: 10_000,
      pages: large.pages,
      pdfBytes: large.bytes,
      summary: large.summary,
      baselineEmptyProjectMs: baseline.ms,
      baselinePages: baseline.pages,
      ratio: Math.round((large.ms / Math.max(1, baseline.ms)) * 10) / 10,
    }
  } finally {
    server.kill()
    await new Promise((r) => server.once('exit', r))
    if (engine === 'postgres') await dropPostgresSchema(databaseUrl)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const results = []
for (const engine of ENGINES) {
  if (engine === 'postgres' && !postgres.available) continue
  results.push(await benchEngine(engine))
}
console.log(JSON.stringify({ bench: 'weekly-report', loadavg: loadavg()[0], results }, null, 2))
