// Reading one version through the HTTP API on both engines: files, thumbnail and source for
// the studio, and no leaks — clients see a version only while its task shows them a status
// they may see, vendors only on tasks assigned to them, non-members never.
import { ShotPage, TaskDetail, VersionDetail } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, type Seat, type TeamProject, teamProject } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

for (const engine of testEngines('version API')) {
  describe(`version API [${engine}]`, () => {
    let studio: TestStudio
    let p: TeamProject
    let taskId: string
    let versionId: string
    let stranger: Seat
    const status = (name: string) => p.statuses.find((s) => s.name === name)?.id ?? ''
    const getVersion = (seat: Seat, id = versionId) => call(studio, seat, 'GET', `/api/versions/${id}`)

    beforeAll(async () => {
      studio = await createTestStudio(engine, {
        config: { dataDir: `/tmp/aipipeline-version-test-${process.pid}-${engine}` },
      })
      p = await teamProject(studio, `V${engine.slice(0, 2).toUpperCase()}`)
      const url = `/api/projects/${p.projectId}/shots`
      await call(studio, p.seats.manager, 'POST', url, { shots: [{ sequenceId: p.sequenceId, code: '010' }] })
      const shot = ShotPage.parse((await call(studio, p.seats.manager, 'GET', url)).json).items[0]
      const keyframe = p.taskTypes.find((t) => t.name === 'Keyframe')?.id
      taskId = shot?.tasks.find((t) => t.taskTypeId === keyframe)?.id ?? ''
      const image = await sharp({ create: { width: 64, height: 36, channels: 3, background: '#336699' } })
        .png()
        .toBuffer()
      const version = await studio.production.services.versions.attachRenderOutput({
        taskId,
        renderJobId: null,
        kind: 'image',
        prompt: 'a lighthouse at dusk, 35mm',
        negativePrompt: 'blurry',
        seed: 421337,
        model: 'flux1-dev.safetensors',
        parameters: { steps: 28, cfg: 3.5 },
        files: [{ name: 'render.png', mediaType: 'image/png', data: image, width: 64, height: 36 }],
        authorId: p.seats.artist.userId,
      })
      versionId = version.id
      const s = await studio.signIn('artist')
      stranger = { token: s.accessToken, userId: s.user.id, email: s.user.email }
    })
    afterAll(async () => studio.close())

    it('shows the studio one version with its files, thumbnail, source and place in the project', async () => {
      const res = await getVersion(p.seats.manager)
      expect(res.status).toBe(200)
      const version = VersionDetail.parse(res.json)
      expect(version).toMatchObject({
        id: versionId,
        taskId,
        number: 1,
        kind: 'image',
        authorId: p.seats.artist.userId,
        projectId: p.projectId,
        taskTypeId: p.taskTypes.find((t) => t.name === 'Keyframe')?.id,
        provenance: {
          renderJobId: null,
          prompt: 'a lighthouse at dusk, 35mm',
          negativePrompt: 'blurry',
          seed: 421337,
          model: 'flux1-dev.safetensors',
          parameters: { steps: 28, cfg: 3.5 },
        },
      })
      expect(version.files.map((f) => f.role).sort()).toEqual(['output', 'thumbnail'])
      const thumbnail = version.files.find((f) => f.role === 'thumbnail')
      expect(version.thumbnailFileId).toBe(thumbnail?.id)
      const bytes = await call(studio, p.seats.manager, 'GET', `/api/version-files/${version.thumbnailFileId}`)
      expect(bytes.status).toBe(200)
      // The same version as the task detail lists it.
      const task = TaskDetail.parse((await call(studio, p.seats.manager, 'GET', `/api/tasks/${taskId}`)).json)
      const { projectId: _p, shotId, taskTypeId: _t, inputs, ...asListed } = version
      expect(task.versions).toEqual([asListed])
      expect(shotId).toBe(task.shotId)
      expect(inputs).toEqual([])
    })

    it('hides a version from clients until its task shows them a client-allowed status, and its generation unless the project shows it', async () => {
      const hidden = await getVersion(p.seats.client)
      expect(hidden.status).toBe(404)
      const unknown = await getVersion(p.seats.client, 'no-such-version')
      expect(hidden.json).toMatchObject({ error: { code: 'not_found', message: `version "${versionId}" not found` } })
      expect(unknown.status).toBe(404)
      const thumb = VersionDetail.parse((await getVersion(p.seats.manager)).json).thumbnailFileId
      expect((await call(studio, p.seats.client, 'GET', `/api/version-files/${thumb}`)).status).toBe(404)

      await call(studio, p.seats.manager, 'POST', `/api/tasks/${taskId}/comments`, { statusId: status('Review') })
      const shown = await getVersion(p.seats.client)
      expect(shown.status).toBe(200)
      const studioView = VersionDetail.parse((await getVersion(p.seats.manager)).json)
      // Clients see the picture, never how it was generated, unless the project says so.
      const generationHidden = {
        ...studioView,
        provenance: { renderJobId: null, prompt: null, negativePrompt: null, seed: null, model: null, parameters: {} },
      }
      expect(VersionDetail.parse(shown.json)).toEqual(generationHidden)
      const listed = TaskDetail.parse((await call(studio, p.seats.client, 'GET', `/api/tasks/${taskId}`)).json)
      expect(JSON.stringify(listed.versions)).not.toMatch(/lighthouse at dusk|421337|flux1-dev/)
      const settings = { showGenerationDetailsToClients: true }
      const patched = await call(studio, p.seats.manager, 'PATCH', `/api/projects/${p.projectId}`, settings)
      expect(patched.json).toMatchObject(settings)
      expect(VersionDetail.parse((await getVersion(p.seats.client)).json)).toEqual(studioView)
      const off = { showGenerationDetailsToClients: false }
      await call(studio, p.seats.manager, 'PATCH', `/api/projects/${p.projectId}`, off)

      await call(studio, p.seats.manager, 'POST', `/api/tasks/${taskId}/comments`, { statusId: status('WIP') })
      expect((await getVersion(p.seats.client)).status).toBe(404)
    })

    it('shows a vendor a version only on a task assigned to them', async () => {
      expect((await getVersion(p.seats.vendor)).status).toBe(404)
      await call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/tasks/batch-assign`, {
        taskIds: [taskId],
        userIds: [p.seats.vendor.userId],
      })
      expect((await getVersion(p.seats.vendor)).status).toBe(200)
    })

    it('answers a non-member exactly as for a version that does not exist', async () => {
      const res = await getVersion(stranger)
      expect(res.status).toBe(404)
      expect(res.json).toMatchObject({ error: { code: 'not_found', message: `version "${versionId}" not found` } })
      expect(JSON.stringify(res.json)).not.toContain(p.projectId)
    })
  })
}
