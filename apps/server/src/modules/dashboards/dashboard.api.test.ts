// The dashboard's numbers on a small project whose every count is known: four shots in two
// sequences, a retaken task, done shots on two days, two farm runs and three LLM calls.
import {
  BurnUpChart,
  DashboardShots,
  FarmChart,
  LlmSpendChart,
  RetakesChart,
  ShotPage,
  StatusChart,
  StudioDashboard,
  WorkloadChart,
} from '@aipipeline/contracts'
import { insertLlmCalls, insertRenderRuns, testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, type Seat, type TeamProject, teamProject } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

for (const engine of testEngines('dashboards')) {
  describe(`dashboards [${engine}]`, () => {
    let studio: TestStudio
    let team: TeamProject
    let base = ''
    const shot: Record<string, string> = {}
    let sq020 = ''
    let keyframe = ''
    const endDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)

    const get = (seat: Seat, url: string) => call(studio, seat, 'GET', url)
    const chart = async <T>(schema: { parse(v: unknown): T }, url: string, seat: Seat = team.seats.manager) => {
      const res = await get(seat, url)
      expect(res.status, JSON.stringify(res.json)).toBe(200)
      return schema.parse(res.json)
    }
    const drill = async (query: string) =>
      (await chart(DashboardShots, `${base}/dashboard/shots?${query}`)).shotIds.map((id) => codeOf(id)).sort()
    const codeOf = (id: string) => Object.entries(shot).find(([, v]) => v === id)?.[0]

    beforeAll(async () => {
      studio = await createTestStudio(engine)
      team = await teamProject(studio, 'DASH')
      const { manager, artist } = team.seats
      base = `/api/projects/${team.projectId}`
      const status = (flag: 'isDone' | 'isRetake' | 'isWip') =>
        team.statuses.find((s) => (s as unknown as Record<string, boolean>)[flag])?.id ?? ''
      keyframe = team.taskTypes.find((t) => t.name === 'Keyframe')?.id ?? ''
      const seq = await call(studio, manager, 'POST', `${base}/sequences`, { code: 'SQ020' })
      sq020 = (seq.json as { id: string }).id
      await call(studio, manager, 'POST', `${base}/shots`, {
        shots: [
          { sequenceId: team.sequenceId, code: 'SH010', frameIn: 1001, frameOut: 1048 },
          { sequenceId: team.sequenceId, code: 'SH020', frameIn: 1001, frameOut: 1024 },
          { sequenceId: sq020, code: 'SH030', frameIn: 1001, frameOut: 1010 },
          { sequenceId: sq020, code: 'SH040' },
        ],
      })
      const page = ShotPage.parse((await get(manager, `${base}/shots?limit=10`)).json)
      const tasksOf = (code: string) => page.items.find((s) => s.code === code)?.tasks ?? []
      for (const s of page.items) shot[s.code] = s.id
      const ids = (code: string) => tasksOf(code).map((t) => t.id)
      await call(studio, manager, 'POST', `${base}/tasks/batch-assign`, {
        taskIds: [...ids('SH010'), ...ids('SH020')],
        userIds: [artist.userId],
      })
      const comment = (taskIds: string[], statusId: string) =>
        call(studio, manager, 'POST', `${base}/tasks/batch-comment`, { taskIds, statusId, text: 'note' })
      await comment([...ids('SH010'), ...ids('SH030')], status('isDone'))
      const retaken = tasksOf('SH020').find((t) => t.taskTypeId === keyframe)?.id ?? ''
      await comment([retaken], status('isRetake'))
      await comment([retaken], status('isWip'))
      await comment([retaken], status('isRetake'))
      const db = studio.testDb.handle.db
      await db
        .updateTable('tasks')
        .set({ doneDate: '2026-03-02T10:00:00.000Z' })
        .where('shotId', '=', shot.SH010 ?? '')
        .execute()
      await db
        .updateTable('tasks')
        .set({ doneDate: '2026-03-05T09:00:00.000Z' })
        .where('shotId', '=', shot.SH030 ?? '')
        .execute()
      const logged = ids('SH010')[0] ?? ''
      expect((await call(studio, manager, 'PATCH', `/api/tasks/${logged}`, { estimateMinutes: 120 })).status).toBe(200)
      expect((await call(studio, artist, 'PATCH', `/api/tasks/${logged}`, { timeSpentMinutes: 30 })).status).toBe(200)
      expect((await call(studio, artist, 'PATCH', `/api/tasks/${logged}`, { estimateMinutes: 5 })).status).toBe(403)
      await call(studio, manager, 'PATCH', base, { endDate })
      await insertRenderRuns(db, [
        {
          shotId: shot.SH010 ?? '',
          backendName: 'gpu-a',
          queuedAt: '2026-03-02T10:00:00.000Z',
          startedAt: '2026-03-02T10:00:30.000Z',
          endedAt: '2026-03-02T11:00:30.000Z',
          outcome: 'succeeded',
        },
        {
          shotId: shot.SH030 ?? '',
          backendName: 'gpu-b',
          queuedAt: '2026-03-04T12:00:00.000Z',
          startedAt: '2026-03-04T12:01:00.000Z',
          endedAt: '2026-03-04T12:31:00.000Z',
          outcome: 'out-of-memory',
        },
      ])
      await insertLlmCalls(db, [
        { projectId: team.projectId, at: '2026-03-02T08:00:00.000Z', costMicros: 1000 },
        { projectId: team.projectId, at: '2026-03-02T09:00:00.000Z', costMicros: 500 },
        { projectId: team.projectId, at: '2026-03-03T09:00:00.000Z', costMicros: 250, modelId: 'claude-test' },
      ])
    })
    afterAll(async () => studio.close())

    it('counts shots and tasks by status and task type, within the filter', async () => {
      const c = await chart(StatusChart, `${base}/dashboard/status`)
      expect(c.totals).toEqual({ shots: 4, tasks: 16 })
      expect(c.byStatus.reduce((n, s) => n + s.tasks, 0)).toBe(16)
      const done = c.byStatus.find((s) =>
        team.statuses.find((x) => x.id === s.statusId && (x as { isDone?: boolean }).isDone),
      )
      expect(done).toMatchObject({ tasks: 8, shots: 2 })
      expect(c.byTaskType.filter((r) => r.taskTypeId === keyframe).reduce((n, r) => n + r.tasks, 0)).toBe(4)
      const second = await chart(StatusChart, `${base}/dashboard/status?sequenceIds=${sq020}`)
      expect(second.totals).toEqual({ shots: 2, tasks: 8 })
      expect(await drill(`chart=status&statusId=${done?.statusId}`)).toEqual(['SH010', 'SH030'])
    })

    it('draws the burn-up of done shots and frames, with a projection to the end date', async () => {
      const c = await chart(BurnUpChart, `${base}/dashboard/burn-up`)
      expect(c.scope).toEqual({ shots: 4, frames: 82 })
      expect(c.points.map(({ day, shots, frames }) => ({ day, shots, frames }))).toEqual([
        { day: '2026-03-02', shots: 1, frames: 48 },
        { day: '2026-03-05', shots: 2, frames: 58 },
      ])
      expect(c.endDate).toBe(endDate)
      // Nothing was finished in the last two weeks: the line stays flat to the end date.
      expect(c.projection.line).toEqual([
        { day: c.today, shots: 2, frames: 58 },
        { day: endDate, shots: 2, frames: 58 },
      ])
      expect(c.projection.finishDay).toBeNull()
      const ranged = await chart(BurnUpChart, `${base}/dashboard/burn-up?from=2026-03-03`)
      expect(ranged.points.map((p) => p.shots)).toEqual([2])
      expect(await drill('chart=burnup&day=2026-03-03')).toEqual(['SH010'])
    })

    it('counts retakes per task type and per artist', async () => {
      const c = await chart(RetakesChart, `${base}/dashboard/retakes`)
      expect(c.byTaskType.map(({ taskTypeId, retakes }) => ({ taskTypeId, retakes }))).toEqual([
        { taskTypeId: keyframe, retakes: 2 },
      ])
      expect(c.byArtist.map(({ userId, retakes }) => ({ userId, retakes }))).toEqual([
        { userId: team.seats.artist.userId, retakes: 2 },
      ])
      const before = await chart(RetakesChart, `${base}/dashboard/retakes?to=2020-01-01`)
      expect(before.byTaskType).toEqual([])
      expect(await drill(`chart=retakes&userId=${team.seats.artist.userId}`)).toEqual(['SH020'])
    })

    it('shows each artist’s open tasks against estimates and time spent', async () => {
      const c = await chart(WorkloadChart, `${base}/dashboard/workload`)
      expect(c.artists.map(({ drill: _d, ...a }) => a)).toEqual([
        {
          userId: team.seats.artist.userId,
          displayName: 'artist',
          openTasks: 4,
          doneTasks: 4,
          estimateMinutes: 120,
          timeSpentMinutes: 30,
        },
      ])
      expect(await drill(`chart=workload&userId=${team.seats.artist.userId}`)).toEqual(['SH020'])
    })

    it('sums GPU hours, queue wait and failures per backend', async () => {
      const c = await chart(FarmChart, `${base}/dashboard/farm`)
      expect(c.jobs).toEqual({ total: 2, succeeded: 1, failed: 1, queued: 0 })
      expect(c.gpuHours).toBe(1.5)
      expect(c.queueWaitSeconds).toBe(45)
      expect(c.byBackend.map(({ drill: _d, ...b }) => b)).toEqual([
        { backendName: 'gpu-a', attempts: 1, failures: 0, gpuHours: 1 },
        { backendName: 'gpu-b', attempts: 1, failures: 1, gpuHours: 0.5 },
      ])
      expect(await drill('chart=farm&backendName=gpu-b')).toEqual(['SH030'])
    })

    it('sums LLM spend by day and model', async () => {
      const c = await chart(LlmSpendChart, `${base}/dashboard/llm`)
      expect(c.totalMicros).toBe(1750)
      expect(c.byDay).toEqual([
        { day: '2026-03-02', costMicros: 1500, calls: 2 },
        { day: '2026-03-03', costMicros: 250, calls: 1 },
      ])
      expect(c.byModel.map((m) => [m.modelId, m.costMicros])).toEqual([
        ['gpt-test', 1500],
        ['claude-test', 250],
      ])
      expect((await chart(LlmSpendChart, `${base}/dashboard/llm?from=2026-03-03&to=2026-03-03`)).totalMicros).toBe(250)
    })

    it('refuses artists and outsiders, hides the project from non-members and names a bad filter', async () => {
      for (const role of ['artist', 'client', 'vendor'] as const)
        expect((await get(team.seats[role], `${base}/dashboard/status`)).status).toBe(403)
      const stranger = await studio.signIn('manager')
      const seat = { token: stranger.accessToken, userId: stranger.user.id, email: stranger.user.email }
      expect((await get(seat, `${base}/dashboard/status`)).status).toBe(404)
      const bad = await get(team.seats.manager, `${base}/dashboard/status?from=2026-03-05&to=2026-03-01`)
      expect(bad.status).toBe(400)
      expect(JSON.stringify(bad.json)).toContain('to')
    })

    it('sums every project for admins and only managed projects for managers', async () => {
      const admin = await chart(StudioDashboard, '/api/dashboard/studio', team.seats.admin)
      expect(admin.projects.find((p) => p.projectId === team.projectId)).toEqual({
        projectId: team.projectId,
        code: 'DASH',
        name: 'Film DASH',
        endDate,
        shots: 4,
        doneShots: 2,
        openTasks: 8,
        retakes: 2,
        gpuHours: 1.5,
        llmMicros: 1750,
      })
      const stranger = await studio.signIn('manager')
      const seat = { token: stranger.accessToken, userId: stranger.user.id, email: stranger.user.email }
      expect((await chart(StudioDashboard, '/api/dashboard/studio', seat)).projects).toEqual([])
      expect((await get(team.seats.supervisor, '/api/dashboard/studio')).status).toBe(403)
    })
  })
}
