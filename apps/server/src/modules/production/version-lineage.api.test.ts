// A shot's version lineage: parents and children with how each was made, approved marks, and
// deleted parents kept as `gone` nodes with their links (deleting a parent keeps its children
// and their version_inputs rows).
import { ShotPage, VersionLineage } from '@aipipeline/contracts'
import { createProductionRepositories } from '@aipipeline/db'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, type Seat, type TeamProject, teamProject } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

for (const engine of testEngines('version lineage API')) {
  describe(`version lineage API [${engine}]`, () => {
    let studio: TestStudio
    let p: TeamProject
    let shotId = ''
    let taskId = ''
    const ids = { root: '', refined: '', inpainted: '', upscaled: '', control: '' }
    const lineage = async (seat: Seat) => {
      const res = await call(studio, seat, 'GET', `/api/shots/${shotId}/version-lineage`)
      return { status: res.status, body: res.status === 200 ? VersionLineage.parse(res.json) : undefined }
    }

    beforeAll(async () => {
      studio = await createTestStudio(engine, {
        config: { dataDir: `/tmp/aipipeline-lineage-test-${process.pid}-${engine}` },
      })
      p = await teamProject(studio, `G${engine.slice(0, 2).toUpperCase()}`)
      const url = `/api/projects/${p.projectId}/shots`
      await call(studio, p.seats.manager, 'POST', url, { shots: [{ sequenceId: p.sequenceId, code: '010' }] })
      const shot = ShotPage.parse((await call(studio, p.seats.manager, 'GET', url)).json).items[0]
      shotId = shot?.id ?? ''
      taskId = shot?.tasks[0]?.id ?? ''
      const repos = createProductionRepositories(studio.testDb.handle.db)
      let number = 0
      const insert = async (inputs: { inputVersionId: string; role: string; parameter: string }[], mode?: string) => {
        number += 1
        const v = await repos.tasks.insertVersion(
          {
            projectId: p.projectId,
            taskId,
            number,
            kind: 'image',
            authorId: null,
            renderJobId: null,
            provenance: {
              renderJobId: null,
              prompt: 'a lighthouse',
              negativePrompt: null,
              seed: 1,
              model: null,
              parameters: mode ? { deriveMode: mode } : {},
            },
            folderPath: `v${number}`,
            thumbnailPath: null,
          },
          [],
          inputs,
        )
        return v.id
      }
      ids.root = await insert([])
      ids.control = await insert([])
      ids.refined = await insert([{ inputVersionId: ids.root, role: 'image', parameter: 'image' }])
      ids.inpainted = await insert([
        { inputVersionId: ids.refined, role: 'image', parameter: 'image' },
        { inputVersionId: ids.refined, role: 'mask', parameter: 'mask' },
      ])
      // The derive route records its mode; it wins over what the input roles suggest.
      ids.upscaled = await insert([{ inputVersionId: ids.inpainted, role: 'image', parameter: 'image' }], 'upscale')
      await insert([
        { inputVersionId: ids.refined, role: 'image', parameter: 'image' },
        { inputVersionId: ids.control, role: 'control', parameter: 'control_image' },
      ])
      await call(studio, p.seats.manager, 'POST', `/api/versions/${ids.refined}/approve`, {})
    })
    afterAll(async () => studio.close())

    it('answers the tree with how each version was made and which one is approved', async () => {
      const { status, body } = await lineage(p.seats.artist)
      expect(status).toBe(200)
      const node = (id: string) => body?.nodes.find((n) => n.versionId === id)
      expect(body?.nodes).toHaveLength(6)
      expect(node(ids.root)).toMatchObject({ mode: null, gone: false, number: 1, taskId, approved: false })
      expect(node(ids.refined)).toMatchObject({ mode: 'refine', approved: true })
      expect(node(ids.inpainted)?.mode).toBe('inpaint')
      expect(node(ids.upscaled)?.mode).toBe('upscale')
      expect(body?.nodes.filter((n) => n.mode === 'guide')).toHaveLength(1)
      expect(body?.edges).toContainEqual({
        parentId: ids.refined,
        childId: ids.inpainted,
        role: 'mask',
        parameter: 'mask',
      })
      expect(body?.edges).toHaveLength(6)
    })

    it('keeps the child and its link when a parent is deleted, and marks the parent gone', async () => {
      await studio.testDb.handle.db.deleteFrom('versions').where('id', '=', ids.refined).execute()
      const rows = await studio.testDb.handle.db
        .selectFrom('versionInputs')
        .selectAll()
        .where('inputVersionId', '=', ids.refined)
        .execute()
      expect(rows).toHaveLength(3)
      const { body } = await lineage(p.seats.manager)
      expect(body?.nodes.find((n) => n.versionId === ids.refined)).toMatchObject({ gone: true, number: null })
      expect(body?.nodes.find((n) => n.versionId === ids.inpainted)).toMatchObject({ gone: false, mode: 'inpaint' })
      expect(body?.edges.filter((e) => e.parentId === ids.refined)).toHaveLength(3)
      // The link to the root went with the deleted child's own rows.
      expect(body?.edges.some((e) => e.parentId === ids.root)).toBe(false)
    })

    it('shows clients no generation details, vendors only assigned shots, strangers nothing', async () => {
      await call(studio, p.seats.manager, 'POST', `/api/tasks/${taskId}/comments`, {
        statusId: p.statuses.find((s) => s.name === 'Review')?.id,
      })
      const client = await lineage(p.seats.client)
      expect(client.status).toBe(200)
      expect(client.body?.edges).toEqual([])
      expect(client.body?.nodes.every((n) => n.mode === null && !n.gone)).toBe(true)
      expect((await lineage(p.seats.vendor)).status).toBe(404)
      const s = await studio.signIn('artist')
      expect((await lineage({ token: s.accessToken, userId: s.user.id, email: s.user.email })).status).toBe(404)
      const missing = await call(
        studio,
        p.seats.manager,
        'GET',
        '/api/shots/00000000-0000-7000-8000-000000000000/version-lineage',
      )
      expect(missing.status).toBe(404)
    })
  })
}
