// Approve and retake from a version: the status comment on its task (status picked by flags),
// the task's approved version (shown by latest-versions to the table and board), who may do it,
// and the errors each bad request gets.
import { LatestVersion, ShotPage, TaskDetail, VersionDecision } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { call, type Seat, type TeamProject, teamProject } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

const Latest = z.object({ items: z.array(LatestVersion) })

for (const engine of testEngines('version decision API')) {
  describe(`version decision API [${engine}]`, () => {
    let studio: TestStudio
    let p: TeamProject
    let taskId = ''
    let first = ''
    let second = ''
    let video = ''
    const status = (name: string) => p.statuses.find((s) => s.name === name)?.id ?? ''
    const approve = (seat: Seat, versionId: string, body: unknown = {}) =>
      call(studio, seat, 'POST', `/api/versions/${versionId}/approve`, body)
    const retake = (seat: Seat, versionId: string, body: unknown) =>
      call(studio, seat, 'POST', `/api/versions/${versionId}/retake`, body)
    const task = async () => TaskDetail.parse((await call(studio, p.seats.manager, 'GET', `/api/tasks/${taskId}`)).json)
    const latest = async () =>
      Latest.parse((await call(studio, p.seats.manager, 'GET', `/api/projects/${p.projectId}/latest-versions`)).json)
        .items

    beforeAll(async () => {
      studio = await createTestStudio(engine, {
        config: { dataDir: `/tmp/aipipeline-decision-test-${process.pid}-${engine}` },
      })
      p = await teamProject(studio, `D${engine.slice(0, 2).toUpperCase()}`)
      const url = `/api/projects/${p.projectId}/shots`
      await call(studio, p.seats.manager, 'POST', url, { shots: [{ sequenceId: p.sequenceId, code: '010' }] })
      const shot = ShotPage.parse((await call(studio, p.seats.manager, 'GET', url)).json).items[0]
      const keyframe = p.taskTypes.find((t) => t.name === 'Keyframe')?.id
      taskId = shot?.tasks.find((t) => t.taskTypeId === keyframe)?.id ?? ''
      await call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/tasks/batch-assign`, {
        taskIds: [taskId],
        userIds: [p.seats.artist.userId],
      })
      const image = await sharp({ create: { width: 16, height: 9, channels: 3, background: '#225588' } })
        .png()
        .toBuffer()
      const attach = async (kind: 'image' | 'video') =>
        (
          await studio.production.services.versions.attachRenderOutput({
            taskId,
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
        ).id
      first = await attach('image')
      second = await attach('image')
      video = await attach('video')
    })
    afterAll(async () => studio.close())

    it('lets a supervisor approve: the approval status comment and the approved version on the task', async () => {
      const res = await approve(p.seats.supervisor, first, { note: 'Lovely light' })
      expect(res.status).toBe(200)
      const decision = VersionDecision.parse(res.json)
      expect(decision).toMatchObject({
        versionId: first,
        taskId,
        approvedVersionId: first,
        statusId: status('Approved'),
      })
      const detail = await task()
      expect(detail.statusId).toBe(status('Approved'))
      const comment = detail.comments.find((c) => c.id === decision.commentId)
      expect(comment).toMatchObject({ text: 'Lovely light', statusId: status('Approved'), versionIds: [first] })
    })

    it('shows the approved version beside the newest one in latest-versions', async () => {
      const row = (await latest()).find((v) => v.taskId === taskId)
      expect(row).toMatchObject({ versionId: video, approved: { versionId: first, number: 1, kind: 'image' } })
      expect(row?.approved?.thumbnailFileId).toEqual(expect.any(String))
    })

    it('refuses roles the status rules refuse, and hides the version from those who cannot see it', async () => {
      // Artists may not set the approval status, even on their own task; clients act on no task here.
      expect((await approve(p.seats.artist, second)).status).toBe(403)
      expect((await approve(p.seats.client, second)).status).toBe(403)
      expect((await approve(p.seats.vendor, second)).status).toBe(404)
      const s = await studio.signIn('manager')
      const stranger = { token: s.accessToken, userId: s.user.id, email: s.user.email }
      expect((await approve(stranger, second)).status).toBe(404)
      expect((await approve(p.seats.manager, '00000000-0000-7000-8000-000000000000')).status).toBe(404)
      expect((await latest()).find((v) => v.taskId === taskId)?.approved?.versionId).toBe(first)
    })

    it('asks for a retake with a note, and a retaken approved version is no longer approved', async () => {
      const empty = await retake(p.seats.supervisor, first, { note: '  ' })
      expect(empty.status).toBe(400)
      expect(JSON.stringify(empty.json)).toContain('note')
      const framed = await retake(p.seats.supervisor, first, { note: 'x', frame: 3 })
      expect(framed.status).toBe(400)
      expect(JSON.stringify(framed.json)).toContain('body.frame')

      const res = await retake(p.seats.supervisor, first, { note: 'Too dark on the left' })
      expect(res.status).toBe(200)
      expect(VersionDecision.parse(res.json)).toMatchObject({ statusId: status('Retake'), approvedVersionId: null })
      const detail = await task()
      expect(detail).toMatchObject({ statusId: status('Retake'), retakeCount: 1 })
      expect(detail.comments.some((c) => c.text === 'Too dark on the left' && c.versionIds[0] === first)).toBe(true)
      expect((await latest()).find((v) => v.taskId === taskId)?.approved).toBeNull()
    })

    it('keeps the approved version when another one is retaken, and leads a video note with its frame', async () => {
      expect((await approve(p.seats.manager, second)).status).toBe(200)
      const res = await retake(p.seats.manager, video, { note: 'Hand pops', frame: 41 })
      expect(VersionDecision.parse(res.json).approvedVersionId).toBe(second)
      // Frames as the player counts them: the project's start frame (1001) plus the offset.
      expect((await task()).comments.some((c) => c.text === 'Frame 1042: Hand pops')).toBe(true)
    })

    it('clears the approved version when that version is deleted', async () => {
      await studio.testDb.handle.db.deleteFrom('versions').where('id', '=', second).execute()
      expect((await task()).versions.some((v) => v.id === second)).toBe(false)
      expect((await latest()).find((v) => v.taskId === taskId)?.approved).toBeNull()
    })
  })
}
