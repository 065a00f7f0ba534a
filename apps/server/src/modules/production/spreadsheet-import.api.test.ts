// Spreadsheet import through the HTTP API on both engines: the dry run and the apply compute
// the same plan, and applying writes fields, new shots, assignees and statuses in one
// transaction, so a failure part-way leaves the project exactly as it was.
import { ImportReport, ShotPage } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, type TeamProject, teamProject } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

for (const engine of testEngines('spreadsheet import')) {
  describe(`spreadsheet import [${engine}]`, () => {
    let studio: TestStudio
    let p: TeamProject
    const shotsUrl = () => `/api/projects/${p.projectId}/shots`
    const importUrl = () => `/api/projects/${p.projectId}/shots/import`
    const status = (name: string) => p.statuses.find((s) => s.name === name)?.id ?? ''
    const taskType = (name: string) => p.taskTypes.find((t) => t.name === name)?.id ?? ''
    const snapshot = async () => {
      const page = ShotPage.parse((await call(studio, p.seats.manager, 'GET', `${shotsUrl()}?limit=50`)).json)
      return page.items.map((s) => ({
        code: s.code,
        description: s.description,
        tasks: s.tasks.map((t) => ({ type: t.taskTypeId, status: t.statusId, assignees: t.assigneeIds })),
      }))
    }
    const sheet = (keyframe002: string) =>
      [
        'Sequence,Shot,Description,Keyframe Status,Animation Assignees',
        `SQ010,001,new description,,${p.seats.artist.email}`,
        `SQ010,002,,${keyframe002},`,
        'SQ010,003,a new shot,WIP,',
      ].join('\r\n')
    const importCsv = (csv: string, dryRun: boolean) =>
      call(studio, p.seats.manager, 'POST', importUrl(), {
        format: 'csv',
        contentBase64: Buffer.from(csv).toString('base64'),
        dryRun,
      })

    beforeAll(async () => {
      studio = await createTestStudio(engine, {
        config: { dataDir: `/tmp/aipipeline-import-test-${process.pid}-${engine}` },
      })
      p = await teamProject(studio, `I${engine.slice(0, 2).toUpperCase()}`)
      const shots = ['001', '002'].map((code) => ({ sequenceId: p.sequenceId, code }))
      expect((await call(studio, p.seats.manager, 'POST', shotsUrl(), { shots })).status).toBe(201)
    })
    afterAll(async () => studio.close())

    it('rolls back fields, new shots, assignees and statuses when a status change fails part-way', async () => {
      await call(studio, p.seats.manager, 'PATCH', `/api/projects/${p.projectId}`, { retakeCap: 0 })
      const before = await snapshot()
      const dry = ImportReport.parse((await importCsv(sheet('Retake'), true)).json)
      expect(dry).toMatchObject({ conflicts: [], creates: [{ code: '003' }], applied: false })
      expect(dry.updates.map((u) => u.code)).toEqual(['001', '002'])
      // The retake cap refuses the status change after the shot, field and assignee writes.
      const res = await importCsv(sheet('Retake'), false)
      expect(res.status).toBe(422)
      expect(await snapshot()).toEqual(before)
    })

    it('applies exactly the plan the dry run reported, statuses included, in one go', async () => {
      await call(studio, p.seats.manager, 'PATCH', `/api/projects/${p.projectId}`, { retakeCap: null })
      const dry = ImportReport.parse((await importCsv(sheet('Review'), true)).json)
      const applied = ImportReport.parse((await importCsv(sheet('Review'), false)).json)
      expect(applied).toEqual({ ...dry, dryRun: false, applied: true })
      const after = await snapshot()
      expect(after.map((s) => s.code)).toEqual(['001', '002', '003'])
      const task = (code: string, type: string) =>
        after.find((s) => s.code === code)?.tasks.find((t) => t.type === taskType(type))
      expect(after[0]?.description).toBe('new description')
      expect(task('001', 'Animation')?.assignees).toEqual([p.seats.artist.userId])
      expect(task('002', 'Keyframe')?.status).toBe(status('Review'))
      expect(task('003', 'Keyframe')?.status).toBe(status('WIP'))
      const again = ImportReport.parse((await importCsv(sheet('Review'), false)).json)
      expect(again).toMatchObject({ creates: [], updates: [], applied: false })
    })

    it('refuses a file that is not valid base64 with a 400 naming the field, and imports nothing', async () => {
      const before = await snapshot()
      const valid = Buffer.from(`Sequence,Shot,Description\r\nSQ010,009,from a damaged upload`).toString('base64')
      for (const contentBase64 of [`${valid.slice(0, 8)}!${valid.slice(9)}`, valid.slice(0, -1), `${valid} `, '%%%%']) {
        const res = await call(studio, p.seats.manager, 'POST', importUrl(), {
          format: 'csv',
          contentBase64,
          dryRun: false,
        })
        expect(res.status).toBe(400)
        expect(res.json).toMatchObject({
          error: { code: 'validation_failed', issues: [{ path: 'body.contentBase64' }] },
        })
      }
      expect(await snapshot()).toEqual(before)
    })

    it('exports formula-like text neutralised, and an export imported again changes nothing', async () => {
      const page = ShotPage.parse((await call(studio, p.seats.manager, 'GET', `${shotsUrl()}?limit=50`)).json)
      const formulas = ['=HYPERLINK("http://evil.example","x")', '@SUM(1+1)', '+1', '-2', "'=quoted"]
      for (const [i, shot] of page.items.entries()) {
        const description = formulas[i % formulas.length]
        expect((await call(studio, p.seats.manager, 'PATCH', `/api/shots/${shot.id}`, { description })).status).toBe(
          200,
        )
      }
      const before = await snapshot()
      for (const format of ['csv', 'xlsx'] as const) {
        const file = await call(studio, p.seats.manager, 'GET', `${shotsUrl()}/export?format=${format}`)
        expect(file.status).toBe(200)
        if (format === 'csv') {
          const text = file.raw.toString('utf8')
          expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`)
          expect(text.split('\r\n').some((line) => /(^|,)[=+\-@]/.test(line))).toBe(false)
        }
        const res = await call(studio, p.seats.manager, 'POST', importUrl(), {
          format,
          contentBase64: file.raw.toString('base64'),
          dryRun: false,
        })
        expect(ImportReport.parse(res.json)).toMatchObject({ creates: [], updates: [], conflicts: [] })
        expect(await snapshot()).toEqual(before)
      }
    })

    it('accepts a sheet larger than the server-wide body limit on the import route', async () => {
      const rows = Array.from({ length: 30_000 }, (_, i) => `SQ010,B${String(i).padStart(5, '0')},${'x'.repeat(40)},,`)
      const csv = ['Sequence,Shot,Description,Keyframe Status,Animation Assignees', ...rows].join('\r\n')
      expect(Buffer.byteLength(csv)).toBeGreaterThan(studio.config.bodyLimitBytes)
      const res = await importCsv(csv, true)
      expect(res.status).toBe(200)
      expect(ImportReport.parse(res.json).creates).toHaveLength(30_000)
    })
  })
}
