// Board cards show each task's newest version: the route answers, per task the caller sees,
// the highest-numbered version with its kind and thumbnail, and nothing of tasks hidden from
// the caller (clients until a client-allowed status, vendors except their assigned tasks).
import { LatestVersion, ShotPage } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { call, type Seat, type TeamProject, teamProject } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

const Answer = z.object({ items: z.array(LatestVersion) })

for (const engine of testEngines('latest versions API')) {
  describe(`latest versions API [${engine}]`, () => {
    let studio: TestStudio
    let p: TeamProject
    let taskId = ''
    let otherTaskId = ''
    let newestId = ''
    const status = (name: string) => p.statuses.find((s) => s.name === name)?.id ?? ''
    const latest = async (seat: Seat) => {
      const res = await call(studio, seat, 'GET', `/api/projects/${p.projectId}/latest-versions`)
      expect(res.status).toBe(200)
      return Answer.parse(res.json).items
    }

    beforeAll(async () => {
      studio = await createTestStudio(engine, {
        config: { dataDir: `/tmp/aipipeline-latest-test-${process.pid}-${engine}` },
      })
      p = await teamProject(studio, `L${engine.slice(0, 2).toUpperCase()}`)
      const url = `/api/projects/${p.projectId}/shots`
      const shots = [
        { sequenceId: p.sequenceId, code: '010' },
        { sequenceId: p.sequenceId, code: '020' },
      ]
      await call(studio, p.seats.manager, 'POST', url, { shots })
      const rows = ShotPage.parse((await call(studio, p.seats.manager, 'GET', url)).json).items
      taskId = rows[0]?.tasks[0]?.id ?? ''
      otherTaskId = rows[1]?.tasks[0]?.id ?? ''
      const image = await sharp({ create: { width: 16, height: 9, channels: 3, background: '#884422' } })
        .png()
        .toBuffer()
      const attach = (task: string, kind: 'image' | 'video') =>
        studio.production.services.versions.attachRenderOutput({
          taskId: task,
          renderJobId: null,
          kind,
          prompt: null,
          seed: null,
          model: null,
          parameters: {},
          files: [
            kind === 'image'
              ? { name: 'r.png', mediaType: 'image/png', data: image }
              : { name: 'r.mp4', mediaType: 'video/mp4', data: new Uint8Array(64) },
          ],
          ...(kind === 'video' ? { thumbnail: { data: image, mediaType: 'image/png' } } : {}),
        })
      await attach(taskId, 'image')
      newestId = (await attach(taskId, 'video')).id
      await attach(otherTaskId, 'image')
    })
    afterAll(async () => studio.close())

    it('gives the studio the newest version of each task, with its kind and thumbnail', async () => {
      const items = await latest(p.seats.manager)
      expect(items).toHaveLength(2)
      const first = items.find((v) => v.taskId === taskId)
      expect(first).toMatchObject({ versionId: newestId, number: 2, kind: 'video' })
      expect(first?.thumbnailFileId).toEqual(expect.any(String))
      expect(items.find((v) => v.taskId === otherTaskId)).toMatchObject({ number: 1, kind: 'image' })
    })

    it('shows clients only tasks at a status they may see', async () => {
      expect(await latest(p.seats.client)).toEqual([])
      await call(studio, p.seats.manager, 'POST', `/api/tasks/${taskId}/comments`, { statusId: status('Review') })
      expect((await latest(p.seats.client)).map((v) => v.taskId)).toEqual([taskId])
    })

    it('shows vendors only their assigned tasks, and non-members nothing', async () => {
      expect(await latest(p.seats.vendor)).toEqual([])
      await call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/tasks/batch-assign`, {
        taskIds: [otherTaskId],
        userIds: [p.seats.vendor.userId],
      })
      expect((await latest(p.seats.vendor)).map((v) => v.taskId)).toEqual([otherTaskId])
      const s = await studio.signIn('artist')
      const stranger = { token: s.accessToken, userId: s.user.id, email: s.user.email }
      const res = await call(studio, stranger, 'GET', `/api/projects/${p.projectId}/latest-versions`)
      expect(res.status).toBe(404)
    })
  })
}
