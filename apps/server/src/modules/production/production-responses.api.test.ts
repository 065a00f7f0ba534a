// Responses pass through their contracts on the way out: the paged shot list is parsed with
// its zod schema (keys the contract does not name never reach the caller), while the
// whole-project shot table is written as built, for speed (see production.routes.ts).
import { ShotPage, ShotTable } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, type TeamProject, teamProject } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

for (const engine of testEngines('production responses')) {
  describe(`production responses [${engine}]`, () => {
    let studio: TestStudio
    let p: TeamProject

    beforeAll(async () => {
      studio = await createTestStudio(engine, {
        config: { dataDir: `/tmp/aipipeline-responses-test-${process.pid}-${engine}` },
      })
      p = await teamProject(studio, `R${engine.slice(0, 2).toUpperCase()}`)
      const shots = ['010', '020'].map((code) => ({ sequenceId: p.sequenceId, code }))
      expect(
        (await call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/shots`, { shots })).status,
      ).toBe(201)
    })
    afterAll(async () => studio.close())

    it('parses a shot page with its contract, so a key the contract lacks never leaves the server', async () => {
      const shots = studio.production.services.shots
      const built = shots.list
      shots.list = async (...args) => {
        const page = await built(...args)
        return { ...page, items: page.items.map((row) => ({ ...row, internalNote: 'NOT-IN-THE-CONTRACT' })) }
      }
      try {
        const res = await call(studio, p.seats.manager, 'GET', `/api/projects/${p.projectId}/shots`)
        expect(res.status).toBe(200)
        expect(ShotPage.parse(res.json).items.map((s) => s.code)).toEqual(['010', '020'])
        expect(res.raw.toString()).not.toContain('NOT-IN-THE-CONTRACT')
      } finally {
        shots.list = built
      }
    })

    it('answers the shot table in the contract’s shape without re-parsing it', async () => {
      const res = await call(studio, p.seats.manager, 'GET', `/api/projects/${p.projectId}/shot-table`)
      expect(res.status).toBe(200)
      const table = ShotTable.parse(res.json)
      expect(table.shots.code).toEqual(['010', '020'])
      expect(res.json).toEqual(table)
    })
  })
}
