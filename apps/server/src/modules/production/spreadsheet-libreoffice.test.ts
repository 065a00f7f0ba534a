// An export re-saved by another spreadsheet program (LibreOffice) imports as a no-op:
// codes keep their zeros, numbers stay numbers, nothing is created or changed.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ImportReport } from '@aipipeline/contracts'
import { IN_CI } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, type TeamProject, teamProject } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

function hasLibreOffice(): boolean {
  try {
    execFileSync('libreoffice', ['--version'], { stdio: 'ignore', timeout: 60_000 })
    return true
  } catch {
    return false
  }
}

const available = hasLibreOffice()
if (!available && IN_CI)
  throw new Error('LibreOffice (libreoffice-calc) is required under CI=true for the spreadsheet round trip')
if (!available) console.warn('\n[notice] skipping the LibreOffice round trip: libreoffice is not installed\n')

describe.skipIf(!available)('spreadsheet round trip through LibreOffice', () => {
  let studio: TestStudio
  let p: TeamProject
  const dir = mkdtempSync(join(tmpdir(), 'aipipeline-lo-'))
  beforeAll(async () => {
    studio = await createTestStudio('sqlite')
    p = await teamProject(studio, 'LO')
    await call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/custom-fields`, {
      key: 'lens',
      name: 'Lens mm',
      type: 'number',
    })
    await call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/custom-fields`, {
      key: 'night',
      name: 'Night',
      type: 'boolean',
    })
    await call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/custom-fields`, {
      key: 'shoot',
      name: 'Shoot date',
      type: 'date',
    })
    const shots = ['001', '010', '0100', 'SH-7'].map((code, i) => ({
      sequenceId: p.sequenceId,
      code,
      description: i === 0 ? 'Wide, "establishing"; dawn\nsecond line' : '',
      frameIn: 1001,
      frameOut: 1001 + i * 24,
      customFields: { lens: 35 + i, night: i % 2 === 0, shoot: `2025-03-0${i + 1}` },
    }))
    expect((await call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/shots`, { shots })).status).toBe(
      201,
    )
  })
  afterAll(async () => {
    await studio.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('imports a LibreOffice re-save of our XLSX export without a single change', async () => {
    const exported = await call(studio, p.seats.manager, 'GET', `/api/projects/${p.projectId}/shots/export?format=xlsx`)
    expect(exported.status).toBe(200)
    writeFileSync(join(dir, 'ours.xlsx'), exported.raw)
    execFileSync(
      'libreoffice',
      [
        '--headless',
        '--calc',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        join(dir, 'out'),
        join(dir, 'ours.xlsx'),
      ],
      {
        stdio: 'ignore',
        timeout: 120_000,
        env: { ...process.env, HOME: dir },
      },
    )
    const resaved = readFileSync(join(dir, 'out', 'ours.xlsx'))
    expect(resaved.equals(exported.raw)).toBe(false) // really written by another program
    const res = await call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/shots/import`, {
      format: 'xlsx',
      contentBase64: resaved.toString('base64'),
      dryRun: false,
    })
    const report = ImportReport.parse(res.json)
    expect(report).toMatchObject({ creates: [], updates: [], conflicts: [], unchanged: 4, applied: false })
  }, 180_000)
})
