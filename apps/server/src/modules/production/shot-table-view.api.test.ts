// Saved shot table views through the HTTP API on both engines: each person's own views,
// shared views for the whole project (shared by managers and supervisors only), replacing
// by name, and who may delete what.
import { ShotTableView } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { call, type TeamProject, teamProject } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

const view = (search: string) => ({
  filter: { search, sequenceIds: [], taskTypeId: null, statusIds: [], assigneeIds: [] },
  sort: { key: 'code', desc: true },
  groupBy: 'sequence',
  columnWidths: { description: 320 },
})
const List = z.object({ items: z.array(ShotTableView) })

for (const engine of testEngines('shot table views')) {
  describe(`shot table views [${engine}]`, () => {
    let studio: TestStudio
    let p: TeamProject
    const url = () => `/api/projects/${p.projectId}/table-views`
    const names = async (seat: keyof TeamProject['seats']) =>
      List.parse((await call(studio, p.seats[seat], 'GET', url())).json).items.map(
        (v) => `${v.name}${v.shared ? '*' : ''}`,
      )

    beforeAll(async () => {
      studio = await createTestStudio(engine, { config: { dataDir: `/tmp/aipipeline-views-${process.pid}-${engine}` } })
      p = await teamProject(studio, `V${engine.slice(0, 2).toUpperCase()}`)
    })
    afterAll(async () => studio.close())

    it('keeps each person’s views to themselves and shows shared views to the whole project', async () => {
      const mine = await call(studio, p.seats.artist, 'POST', url(), { name: 'My shots', view: view('rain') })
      expect(mine.status).toBe(201)
      expect(ShotTableView.parse(mine.json)).toMatchObject({ shared: false, canDelete: true, view: view('rain') })
      const shared = await call(studio, p.seats.manager, 'POST', url(), {
        name: 'Dailies',
        shared: true,
        view: view(''),
      })
      expect(shared.status).toBe(201)
      expect(await names('artist')).toEqual(['Dailies*', 'My shots'])
      expect(await names('supervisor')).toEqual(['Dailies*'])
    })

    it('replaces a view saved again under the same name', async () => {
      await call(studio, p.seats.artist, 'POST', url(), { name: 'My shots', view: view('storm') })
      const items = List.parse((await call(studio, p.seats.artist, 'GET', url())).json).items
      expect(items.filter((v) => v.name === 'My shots').map((v) => v.view.filter.search)).toEqual(['storm'])
    })

    it('lets only managers and supervisors share, and refuses a malformed view naming the field', async () => {
      const refused = await call(studio, p.seats.artist, 'POST', url(), { name: 'Team', shared: true, view: view('') })
      expect(refused.status).toBe(403)
      const bad = await call(studio, p.seats.artist, 'POST', url(), { name: 'Bad', view: { ...view(''), groupBy: 42 } })
      expect(bad.status).toBe(400)
      expect(bad.json).toMatchObject({ error: { issues: [{ path: 'body.view.groupBy' }] } })
    })

    it('lets the owner delete a view, a manager a shared one, and nobody else', async () => {
      const items = List.parse((await call(studio, p.seats.artist, 'GET', url())).json).items
      const dailies = items.find((v) => v.name === 'Dailies')
      const mine = items.find((v) => v.name === 'My shots')
      expect(dailies?.canDelete).toBe(false)
      expect((await call(studio, p.seats.artist, 'DELETE', `${url()}/${dailies?.id}`)).status).toBe(403)
      expect((await call(studio, p.seats.manager, 'DELETE', `${url()}/${mine?.id}`)).status).toBe(404)
      expect((await call(studio, p.seats.artist, 'DELETE', `${url()}/${mine?.id}`)).status).toBe(204)
      expect((await call(studio, p.seats.manager, 'DELETE', `${url()}/${dailies?.id}`)).status).toBe(204)
      expect(await names('artist')).toEqual([])
    })
  })
}
