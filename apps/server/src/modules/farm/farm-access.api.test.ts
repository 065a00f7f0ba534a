// Render jobs follow the projects of their shots: a submission names a shot and task of a
// project the caller works in, non-members neither see nor steer the project's jobs, and an
// artist steers only their own jobs (managers and admins any).
import { textToImagePrompt } from '@aipipeline/comfyui'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { field } from '../../../test-kits/farm/farm-test.fixture'
import { call, type Seat, type TeamProject, teamProject } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

const prompt = { kind: 'api', prompt: textToImagePrompt({ seed: 7 }) }

for (const engine of testEngines('render jobs follow project membership')) {
  describe(`render jobs follow project membership [${engine}]`, () => {
    let studio: TestStudio
    let team: TeamProject
    let other: TeamProject
    let shotId = ''
    let taskId = ''
    let otherShotId = ''
    let secondArtist: Seat
    let outsider: Seat

    async function firstShot(p: TeamProject): Promise<{ shotId: string; taskId: string }> {
      await call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/shots`, {
        shots: [{ sequenceId: p.sequenceId, code: 'SH010' }],
      })
      const page = await call(studio, p.seats.manager, 'GET', `/api/projects/${p.projectId}/shots`)
      const items = field(page.json, 'items')
      if (!Array.isArray(items)) throw new Error('no shots')
      const shot: unknown = items[0]
      const tasks = field(shot, 'tasks')
      if (!Array.isArray(tasks)) throw new Error('no tasks')
      return { shotId: String(field(shot, 'id')), taskId: String(field(tasks[0], 'id')) }
    }

    async function seat(role: 'artist' | 'manager'): Promise<Seat> {
      const s = await studio.signIn(role)
      return { token: s.accessToken, userId: s.user.id, email: s.user.email }
    }

    beforeAll(async () => {
      studio = await createTestStudio(engine)
      team = await teamProject(studio, 'OWN')
      other = await teamProject(studio, 'OTHER')
      ;({ shotId, taskId } = await firstShot(team))
      otherShotId = (await firstShot(other)).shotId
      secondArtist = await seat('artist')
      await call(
        studio,
        team.seats.manager,
        'PUT',
        `/api/projects/${team.projectId}/members/${secondArtist.userId}`,
        {},
      )
      outsider = await seat('manager')
    })
    afterAll(async () => studio.close())

    const submit = (who: Seat, extra: Record<string, unknown>) =>
      call(studio, who, 'POST', '/api/farm/jobs', { source: prompt, ...extra })

    it('accepts a shot and task of a project the artist works in', async () => {
      const res = await submit(team.seats.artist, { shotId, taskId })
      expect(res.status).toBe(201)
      expect(res.json).toMatchObject({ shotId, taskId })
    })

    it('refuses a shot or task of a project the caller is not in, or unknown, naming the field', async () => {
      const foreign = await submit(team.seats.artist, { shotId: otherShotId })
      expect(foreign.status).toBe(404)
      expect(JSON.stringify(foreign.json)).toContain('body.shotId')
      const unknown = await submit(team.seats.artist, { taskId: 'no-such-task' })
      expect(unknown.status).toBe(404)
      expect(JSON.stringify(unknown.json)).toContain('body.taskId')
      const sweep = await call(studio, outsider, 'POST', '/api/farm/jobs/sweep', {
        source: prompt,
        shotId,
        sweep: { '3.seed': [1, 2] },
      })
      expect(sweep.status).toBe(404)
    })

    it('refuses a task of another shot with 422 naming the task', async () => {
      const { taskId: otherTask } = await firstShot(other)
      const res = await submit(team.seats.manager, { shotId, taskId: otherTask })
      expect([404, 422]).toContain(res.status)
      const mismatch = await call(studio, team.seats.admin, 'POST', '/api/farm/jobs', {
        source: prompt,
        shotId,
        taskId: otherTask,
      })
      expect(mismatch.status).toBe(422)
      expect(JSON.stringify(mismatch.json)).toContain('body.taskId')
    })

    it("hides a project's jobs from non-members and lets an artist steer only their own", async () => {
      const mine = await submit(team.seats.artist, { shotId })
      const jobId = String(field(mine.json, 'id'))
      expect((await call(studio, outsider, 'GET', `/api/farm/jobs/${jobId}`)).status).toBe(404)
      const listed = await call(studio, outsider, 'GET', '/api/farm/jobs')
      expect(JSON.stringify(listed.json)).not.toContain(jobId)
      expect((await call(studio, outsider, 'POST', `/api/farm/jobs/${jobId}/cancel`)).status).toBe(404)
      expect(JSON.stringify((await call(studio, secondArtist, 'GET', '/api/farm/jobs')).json)).toContain(jobId)

      expect((await call(studio, secondArtist, 'PATCH', `/api/farm/jobs/${jobId}`, { priority: 90 })).status).toBe(403)
      expect((await call(studio, secondArtist, 'POST', `/api/farm/jobs/${jobId}/cancel`)).status).toBe(403)
      expect((await call(studio, team.seats.artist, 'PATCH', `/api/farm/jobs/${jobId}`, { priority: 90 })).status).toBe(
        200,
      )
      expect((await call(studio, team.seats.artist, 'POST', `/api/farm/jobs/${jobId}/cancel`)).status).toBe(200)
      expect((await call(studio, secondArtist, 'POST', `/api/farm/jobs/${jobId}/retry`)).status).toBe(403)
      expect((await call(studio, team.seats.manager, 'POST', `/api/farm/jobs/${jobId}/retry`)).status).toBe(200)
    })
  })
}
