// Reports over HTTP on both engines: a weekly digest generated on demand by a job, listed,
// read as HTML (sentences with names, user text escaped) and PDF; who may do what; the
// schedule saved and mirrored into the job queue's cron schedules.
import { Report, ReportSchedule, ShotPage } from '@aipipeline/contracts'
import { createReportRepository } from '@aipipeline/db'
import { redis, requireService, testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, type TeamProject, teamProject } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'
import { type RunningWorker, startWorker } from '../../jobs'
import { digestScheduleId } from '.'

async function settled(studio: TestStudio, team: TeamProject, reportId: string) {
  const url = `/api/projects/${team.projectId}/reports/${reportId}`
  for (let i = 0; i < 400; i++) {
    const r = Report.parse((await call(studio, team.seats.manager, 'GET', url)).json)
    if (r.status === 'ready' || r.status === 'failed') return r
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('report never settled')
}

/** A shot with a retake carrying a note, a comment with markup, and a task overdue. */
async function seedWork(studio: TestStudio, team: TeamProject) {
  const base = `/api/projects/${team.projectId}`
  const { manager } = team.seats
  await call(studio, manager, 'POST', `${base}/shots`, { shots: [{ sequenceId: team.sequenceId, code: 'SH0030' }] })
  const shot = ShotPage.parse((await call(studio, manager, 'GET', `${base}/shots`)).json).items[0]
  const task = shot?.tasks[0]
  if (!shot || !task) throw new Error('no task')
  const retake = team.statuses.find((s) => /retake/i.test(s.name))
  if (!retake) throw new Error('no retake status')
  const posted = await call(studio, manager, 'POST', `/api/tasks/${task.id}/comments`, {
    text: 'softer key',
    statusId: retake.id,
  })
  expect(posted.status).toBe(201)
  await call(studio, manager, 'POST', `/api/tasks/${task.id}/comments`, { text: '<script>alert(1)</script>' })
  const due = await call(studio, manager, 'PATCH', `/api/tasks/${task.id}`, { dueDate: '2020-01-01' })
  expect(due.status).toBe(200)
  const typeName = team.taskTypes.find((t) => t.id === task.taskTypeId)?.name ?? ''
  return { shot, task, typeName, retake }
}

for (const engine of testEngines('reports API')) {
  describe(`reports [${engine}]`, () => {
    let studio: TestStudio
    let team: TeamProject
    let worker: RunningWorker
    let seeded: Awaited<ReturnType<typeof seedWork>>
    beforeAll(async () => {
      studio = await createTestStudio(engine)
      team = await teamProject(studio, 'REP')
      seeded = await seedWork(studio, team)
      worker = await startWorker({ queue: studio.queue, registry: studio.jobs })
    })
    afterAll(async () => {
      await worker?.stop()
      await studio.close()
    })

    it('generates a weekly digest as a job and lists it with its summary', async () => {
      const res = await call(studio, team.seats.manager, 'POST', `/api/projects/${team.projectId}/reports`, {
        kind: 'weekly',
      })
      expect(res.status).toBe(202)
      const queued = Report.parse(res.json)
      expect(queued.status).toBe('queued')
      const done = await settled(studio, team, queued.id)
      expect(done).toMatchObject({ status: 'ready', progress: 100, kind: 'weekly', trigger: 'manual' })
      expect(done.summary).toMatchObject({ late: 1, review: 0 })
      expect(done.summary?.changes).toBeGreaterThan(3)
      expect(done.pdfPages).toBeGreaterThanOrEqual(1)
      const list = await call(studio, team.seats.supervisor, 'GET', `/api/projects/${team.projectId}/reports`)
      expect(list.status).toBe(200)
      expect((list.json as { items: { id: string }[] }).items.map((r) => r.id)).toContain(queued.id)
    })

    it('serves the HTML with activity sentences and user text escaped, and the PDF', async () => {
      const created = Report.parse(
        (
          await call(studio, team.seats.supervisor, 'POST', `/api/projects/${team.projectId}/reports`, {
            kind: 'daily',
            locale: 'ko',
          })
        ).json,
      )
      const done = await settled(studio, team, created.id)
      expect(done.locale).toBe('ko')
      const base = `/api/projects/${team.projectId}/reports/${created.id}`
      const page = await call(studio, team.seats.manager, 'GET', `${base}/html`)
      expect(page.status).toBe(200)
      const text = page.raw.toString('utf8')
      expect(text).toContain('일일 리포트')
      expect(text).toContain(`SH0030 ${seeded.typeName}</a> 상태를`)
      expect(text).toContain('softer key')
      expect(text).toContain(`/projects/${team.projectId}/shots/${seeded.shot.id}`)
      expect(text).not.toContain('<script>')
      const pdf = await call(studio, team.seats.manager, 'GET', `${base}/pdf`)
      expect(pdf.status).toBe(200)
      expect(pdf.raw.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    })

    it('refuses artists, clients and vendors, hides the project from non-members, and answers 409 before a report is ready', async () => {
      const url = `/api/projects/${team.projectId}/reports`
      for (const role of ['artist', 'client', 'vendor'] as const)
        expect((await call(studio, team.seats[role], 'GET', url)).status).toBe(403)
      const outsider = await studio.signIn('manager')
      const res = await studio.app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${outsider.accessToken}` },
      })
      expect(res.statusCode).toBe(404)
      expect((await call(studio, team.seats.manager, 'GET', `${url}/nope`)).status).toBe(404)
      // A report whose job has not run yet.
      const queued = await createReportRepository(studio.testDb.handle.db).insert({
        projectId: team.projectId,
        kind: 'daily',
        periodStart: '2026-01-01T00:00:00.000Z',
        periodEnd: '2026-01-02T00:00:00.000Z',
        timezone: 'UTC',
        locale: 'en',
        trigger: 'manual',
        requestedBy: null,
      })
      const pdf = await call(studio, team.seats.manager, 'GET', `${url}/${queued.id}/pdf`)
      expect(pdf.status).toBe(409)
    })

    it('saves the schedule for managers only, checks its fields, and mirrors it into cron schedules', async () => {
      const url = `/api/projects/${team.projectId}/report-schedule`
      const initial = ReportSchedule.parse((await call(studio, team.seats.supervisor, 'GET', url)).json)
      expect(initial).toMatchObject({ dailyEnabled: false, weeklyEnabled: false, timeOfDay: '08:00' })
      const wanted = {
        ...initial,
        weeklyEnabled: true,
        weekday: 5,
        timeOfDay: '18:30',
        timezone: 'Asia/Seoul',
        locale: 'ko',
      }
      expect((await call(studio, team.seats.supervisor, 'PUT', url, wanted)).status).toBe(403)
      const bad = await call(studio, team.seats.manager, 'PUT', url, { ...wanted, timezone: 'Mars/Olympus' })
      expect(bad.status).toBe(400)
      expect(JSON.stringify(bad.json)).toContain('timezone')
      const saved = await call(studio, team.seats.manager, 'PUT', url, wanted)
      expect(saved.status).toBe(200)
      expect(ReportSchedule.parse(saved.json)).toEqual(wanted)
      const rows = await studio.testDb.handle.db.selectFrom('jobSchedules').selectAll().execute()
      const weekly = rows.find((r) => r.id === digestScheduleId(team.projectId, 'weekly'))
      expect(weekly).toMatchObject({ cron: '30 18 * * 5', timezone: 'Asia/Seoul', name: 'reports.generate' })
      expect(rows.some((r) => r.id === digestScheduleId(team.projectId, 'daily'))).toBe(false)
      // A queue that lost its schedules (a new Redis) gets them back from the database on start.
      expect(await studio.queue.unschedule(digestScheduleId(team.projectId, 'weekly'))).toBe(true)
      expect(await studio.reports.syncSchedules()).toBeGreaterThanOrEqual(1)
      expect(await studio.queue.unschedule(digestScheduleId(team.projectId, 'weekly'))).toBe(true)
      await call(studio, team.seats.manager, 'PUT', url, { ...wanted, weeklyEnabled: false })
      expect(await studio.queue.unschedule(digestScheduleId(team.projectId, 'weekly'))).toBe(false)
    })

    it('makes the scheduled digest when a cron tick runs, and skips a tick whose schedule is off', async () => {
      const url = `/api/projects/${team.projectId}/report-schedule`
      const on = {
        dailyEnabled: true,
        weeklyEnabled: false,
        timeOfDay: '07:00',
        weekday: 1,
        timezone: 'UTC',
        locale: 'en',
      }
      await call(studio, team.seats.manager, 'PUT', url, on)
      const job = await studio.queue.enqueue('reports.generate', { projectId: team.projectId, kind: 'daily' })
      const list = async () =>
        (await call(studio, team.seats.manager, 'GET', `/api/projects/${team.projectId}/reports`)).json as {
          items: { id: string; trigger: string }[]
        }
      for (let i = 0; i < 400 && (await studio.queue.getJob(job.id))?.state !== 'completed'; i++)
        await new Promise((resolve) => setTimeout(resolve, 50))
      const scheduled = (await list()).items.find((r) => r.trigger === 'schedule')
      expect(scheduled).toBeDefined()
      if (scheduled) expect((await settled(studio, team, scheduled.id)).status).toBe('ready')
      await call(studio, team.seats.manager, 'PUT', url, { ...on, dailyEnabled: false })
      const off = await studio.queue.enqueue('reports.generate', { projectId: team.projectId, kind: 'daily' })
      for (let i = 0; i < 400 && (await studio.queue.getJob(off.id))?.state !== 'completed'; i++)
        await new Promise((resolve) => setTimeout(resolve, 50))
      expect((await studio.queue.getJob(off.id))?.result).toEqual({ skipped: 'schedule off' })
    })
  })
}

describe.runIf(requireService(redis, 'report schedules on BullMQ'))('report schedules on BullMQ', () => {
  it('registers and removes the digest cron schedules on the BullMQ queue', async () => {
    const studio = await createTestStudio('sqlite', { redis: true })
    try {
      const team = await teamProject(studio, 'RBQ')
      const url = `/api/projects/${team.projectId}/report-schedule`
      const s = {
        dailyEnabled: true,
        weeklyEnabled: true,
        timeOfDay: '09:15',
        weekday: 1,
        timezone: 'Asia/Seoul',
        locale: 'ko',
      }
      expect((await call(studio, team.seats.manager, 'PUT', url, s)).status).toBe(200)
      await call(studio, team.seats.manager, 'PUT', url, { ...s, dailyEnabled: false })
      expect(await studio.queue.unschedule(digestScheduleId(team.projectId, 'daily'))).toBe(false)
      expect(await studio.queue.unschedule(digestScheduleId(team.projectId, 'weekly'))).toBe(true)
    } finally {
      await studio.close()
    }
  })
})
