// Large spreadsheet imports are read on a worker thread with the same result as an in-thread
// read; a file over SPREADSHEET_MAX_ROWS gets 413 and an unreadable one the same 400,
// wherever it was read.
import { ImportReport } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, type TeamProject, teamProject } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'
import { writeXlsx } from './spreadsheet-codec'
import { OFFLOAD_SHEET_BYTES, readSheetTask } from './spreadsheet-reading.task'

const HEADER = 'Sequence,Shot,Description,Keyframe Status,Animation Assignees'
const csvOf = (rows: number) =>
  [HEADER, ...Array.from({ length: rows }, (_, i) => `SQ010,L${String(i).padStart(5, '0')},${'y'.repeat(40)},,`)].join(
    '\r\n',
  )

for (const engine of testEngines('spreadsheet offload')) {
  describe(`spreadsheet reading off the event loop [${engine}]`, () => {
    let studio: TestStudio
    let p: TeamProject
    const importFile = (format: 'csv' | 'xlsx', data: Buffer) =>
      call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/shots/import`, {
        format,
        contentBase64: data.toString('base64'),
        dryRun: true,
      })

    beforeAll(async () => {
      studio = await createTestStudio(engine, {
        config: { dataDir: `/tmp/aipipeline-sheet-offload-${process.pid}-${engine}`, spreadsheetMaxRows: 3000 },
      })
      p = await teamProject(studio, `O${engine.slice(0, 2).toUpperCase()}`)
    })
    afterAll(async () => studio.close())

    it('reads a large CSV on a worker thread and plans every row', async () => {
      const csv = Buffer.from(csvOf(2500))
      expect(csv.byteLength).toBeGreaterThan(OFFLOAD_SHEET_BYTES)
      const before = studio.offload.completed()
      const res = await importFile('csv', csv)
      expect(res.status).toBe(200)
      expect(ImportReport.parse(res.json).creates).toHaveLength(2500)
      expect(studio.offload.completed()).toBe(before + 1)
    })

    it('reads an XLSX file on a worker thread exactly as in-thread', async () => {
      const rows = Array.from({ length: 2000 }, (_, i) => ['SQ010', `X${i}`, 'z'.repeat(30), null, null])
      const header = HEADER.split(',')
      const xlsx = await writeXlsx(
        { header, rows },
        header.map(() => ({ text: true })),
      )
      const input = { format: 'xlsx' as const, data: xlsx, maxRows: 3000 }
      expect(await studio.offload.run(readSheetTask, input)).toEqual(await readSheetTask.run(input))
    })

    it('refuses more rows than SPREADSHEET_MAX_ROWS with 413', async () => {
      for (const rows of [3001, 3500]) {
        const res = await importFile('csv', Buffer.from(csvOf(rows)))
        expect(res.status).toBe(413)
        expect(JSON.stringify(res.json)).toContain('SPREADSHEET_MAX_ROWS')
      }
    })

    it('answers 400 for an unreadable XLSX read on a worker thread', async () => {
      const garbage = Buffer.alloc(OFFLOAD_SHEET_BYTES + 10, 7)
      const before = studio.offload.completed()
      const res = await importFile('xlsx', garbage)
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.json)).toContain('validation_failed')
      expect(studio.offload.completed()).toBe(before + 1)
    })
  })
}
