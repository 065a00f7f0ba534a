// Naming templates are checked on save, and a change that fails part-way writes nothing: a
// comment whose status opens folders that cannot be made, and an import that does the same,
// leave no comment, no status, no shot edit and no activity behind.
import { ErrorBody, ImportReport, ShotPage, TaskDetail } from '@aipipeline/contracts'
import { createProductionRepositories } from '@aipipeline/db'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, type TeamProject, teamProject } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

for (const engine of testEngines('atomic production writes')) {
  describe(`atomic production writes [${engine}]`, () => {
    let studio: TestStudio
    let p: TeamProject
    const status = (name: string) => p.statuses.find((s) => s.name === name)?.id ?? ''
    const keyframe = () => p.taskTypes.find((t) => t.name === 'Keyframe')?.id ?? ''
    const shots = async () =>
      ShotPage.parse((await call(studio, p.seats.manager, 'GET', `/api/projects/${p.projectId}/shots?limit=50`)).json)
        .items
    const taskOf = async (code: string) => {
      const task = (await shots()).find((s) => s.code === code)?.tasks.find((t) => t.taskTypeId === keyframe())
      if (!task) throw new Error(code)
      return task.id
    }
    const activityCount = async () => {
      const res = await call(studio, p.seats.manager, 'GET', `/api/projects/${p.projectId}/activity?limit=200`)
      const items = (res.json as { items?: unknown[] } | undefined)?.items
      return Array.isArray(items) ? items.length : -1
    }
    /** A template saved before templates were checked, so it is already in the database. */
    const storeTemplateDirectly = (shotFolder: string) =>
      createProductionRepositories(studio.testDb.handle.db).projects.update(p.projectId, {
        namingTemplates: { shotFolder },
      })

    beforeAll(async () => {
      studio = await createTestStudio(engine, {
        config: { dataDir: `/tmp/aipipeline-atomic-${process.pid}-${engine}` },
      })
      p = await teamProject(studio, `AW${engine.slice(0, 1).toUpperCase()}`)
      const rows = ['001', '002'].map((code) => ({ sequenceId: p.sequenceId, code }))
      expect(
        (await call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/shots`, { shots: rows })).status,
      ).toBe(201)
      const opened = await call(studio, p.seats.manager, 'PATCH', `/api/projects/${p.projectId}`, {
        folderStatusId: status('WIP'),
      })
      expect(opened.status).toBe(200)
    })
    afterAll(async () => studio.close())

    it('refuses a naming template with a control character, naming the template and the position', async () => {
      const cases = [
        { bad: '{project}/\u0000{sequence}/{shot}', position: 11 },
        { bad: '{project}/{sequence}\t/{shot}', position: 21 },
        { bad: '{project}/\u007f', position: 11 },
      ]
      for (const { bad, position } of cases) {
        const res = await call(studio, p.seats.manager, 'PATCH', `/api/projects/${p.projectId}`, {
          namingTemplates: { shotFolder: bad },
        })
        expect(res.status).toBe(400)
        const error = ErrorBody.parse(res.json).error
        expect(error.code).toBe('naming_template_invalid')
        expect(error.issues?.[0]?.path).toBe('namingTemplates.shotFolder')
        expect(error.details?.position).toBe(position)
      }
      const created = await call(studio, p.seats.manager, 'POST', '/api/projects', {
        code: 'NULX',
        name: 'control',
        namingTemplates: { version: 'v{version:03}\u0000' },
      })
      expect(created.status).toBe(400)
      const project = await call(studio, p.seats.manager, 'GET', `/api/projects/${p.projectId}`)
      expect(project.json).toMatchObject({ namingTemplates: { shotFolder: '{project}/{sequence}/{shot}' } })
    })

    it('writes neither the comment nor the status when the folders the status opens cannot be made', async () => {
      await storeTemplateDirectly('{project}/\u0000{sequence}/{shot}')
      const task = await taskOf('001')
      const activityBefore = await activityCount()
      const res = await call(studio, p.seats.manager, 'POST', `/api/tasks/${task}/comments`, {
        text: 'starting',
        statusId: status('WIP'),
      })
      expect(res.status).toBe(400)
      const detail = TaskDetail.parse((await call(studio, p.seats.manager, 'GET', `/api/tasks/${task}`)).json)
      expect(detail.comments).toEqual([])
      expect(detail.statusId).toBe(status('Pending'))
      expect(await activityCount()).toBe(activityBefore)
    })

    it('rolls a whole import back when a status it sets opens folders that cannot be made', async () => {
      await storeTemplateDirectly('{project}/\u0000{sequence}/{shot}')
      const before = await shots()
      const csv = [
        'Sequence,Shot,Description,Keyframe Status',
        'SQ010,002,edited by the import,WIP',
        'SQ010,003,new,',
      ].join('\r\n')
      const res = await call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/shots/import`, {
        format: 'csv',
        contentBase64: Buffer.from(csv).toString('base64'),
        dryRun: false,
      })
      expect(res.status).toBe(400)
      expect(ImportReport.safeParse(res.json).success).toBe(false)
      expect(await shots()).toEqual(before)
    })

    it('makes the folders and keeps the comment once the template is fixed', async () => {
      const fixed = await call(studio, p.seats.manager, 'PATCH', `/api/projects/${p.projectId}`, {
        namingTemplates: { shotFolder: '{project}/{sequence}/{shot}' },
      })
      expect(fixed.status).toBe(200)
      const task = await taskOf('001')
      const res = await call(studio, p.seats.manager, 'POST', `/api/tasks/${task}/comments`, {
        text: 'starting',
        statusId: status('WIP'),
      })
      expect(res.status).toBe(201)
      const detail = TaskDetail.parse((await call(studio, p.seats.manager, 'GET', `/api/tasks/${task}`)).json)
      expect(detail.statusId).toBe(status('WIP'))
    })
  })
}
