// Imported shots follow the project's own code pattern (its code rules), on both engines:
// rows without a code and shortened codes become codes in the pattern, a code that names a
// shot stays as it is, and a row whose frame out comes before its frame in is refused.
import { ImportReport, ShotPage } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, type TeamProject, teamProject } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

for (const engine of testEngines('spreadsheet import codes')) {
  describe(`spreadsheet import codes [${engine}]`, () => {
    let studio: TestStudio
    let p: TeamProject
    const shotsUrl = () => `/api/projects/${p.projectId}/shots`
    const importCsv = (rows: string[], dryRun: boolean) =>
      call(studio, p.seats.manager, 'POST', `${shotsUrl()}/import`, {
        format: 'csv',
        contentBase64: Buffer.from(['Sequence,Shot,Description,Frame In,Frame Out', ...rows].join('\r\n')).toString(
          'base64',
        ),
        dryRun,
      })

    beforeAll(async () => {
      studio = await createTestStudio(engine, {
        config: { dataDir: `/tmp/aipipeline-import-codes-${process.pid}-${engine}` },
      })
      p = await teamProject(studio, `C${engine.slice(0, 2).toUpperCase()}`)
      // This project numbers shots C005, C010… (not the default SH0010).
      const codeRules = {
        group: 'sequence',
        sequence: { prefix: 'SQ', digits: 3, step: 10 },
        shot: { prefix: 'C', digits: 3, step: 5 },
      }
      expect((await call(studio, p.seats.manager, 'PATCH', `/api/projects/${p.projectId}`, { codeRules })).status).toBe(
        200,
      )
      const shots = [{ sequenceId: p.sequenceId, code: 'C005' }]
      expect((await call(studio, p.seats.manager, 'POST', shotsUrl(), { shots })).status).toBe(201)
    })
    afterAll(async () => studio.close())

    it('creates shots in the project’s pattern from rows without a code and from shortened codes', async () => {
      const sequence = (await call(studio, p.seats.manager, 'GET', `${shotsUrl()}?limit=5`)).json
      expect(sequence).toBeTruthy()
      const rows = ['SQ010,,first new,1001,1010', 'SQ010,,second new,,', 'SQ010,40,shortened,,', 'SQ010,c5,existing,,']
      const dry = ImportReport.parse((await importCsv(rows, true)).json)
      expect(dry.creates.map((c) => c.code)).toEqual(['C010', 'C015', 'C040'])
      expect(dry.updates.map((u) => u.code)).toEqual(['C005'])
      expect(dry.conflicts).toEqual([])
      const applied = ImportReport.parse((await importCsv(rows, false)).json)
      expect(applied.applied).toBe(true)
      const page = ShotPage.parse((await call(studio, p.seats.manager, 'GET', `${shotsUrl()}?limit=50`)).json)
      expect(page.items.map((s) => s.code)).toEqual(['C005', 'C010', 'C015', 'C040'])
      expect(page.items[1]?.duration).toBe(10)
    })

    it('refuses a row whose frame out comes before its frame in and imports nothing of it', async () => {
      const report = ImportReport.parse((await importCsv(['SQ010,C100,backwards,1048,1001'], false)).json)
      expect(report.creates).toEqual([])
      expect(report.conflicts).toEqual([{ row: 2, column: null, message: 'Frame Out: 1001 is before Frame In 1048' }])
    })
  })
}
