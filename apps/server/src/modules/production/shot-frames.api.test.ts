// Frame ranges through the HTTP API on both engines: an out before the in is refused with a
// 400 naming the field, on create, on a single edit and inside a batch (which then writes
// nothing), and the duration follows the frames.
import { ShotDetail, ShotTable } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, type TeamProject, teamProject } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

for (const engine of testEngines('shot frame ranges')) {
  describe(`shot frame ranges [${engine}]`, () => {
    let studio: TestStudio
    let p: TeamProject
    let shotIds: string[] = []
    const shotsUrl = () => `/api/projects/${p.projectId}/shots`
    const table = async () =>
      ShotTable.parse((await call(studio, p.seats.manager, 'GET', `/api/projects/${p.projectId}/shot-table`)).json)

    beforeAll(async () => {
      studio = await createTestStudio(engine, {
        config: { dataDir: `/tmp/aipipeline-frames-test-${process.pid}-${engine}` },
      })
      p = await teamProject(studio, `F${engine.slice(0, 2).toUpperCase()}`)
      const shots = ['010', '020'].map((code) => ({ sequenceId: p.sequenceId, code, frameIn: 1001, frameOut: 1048 }))
      const res = await call(studio, p.seats.manager, 'POST', shotsUrl(), { shots })
      expect(res.status).toBe(201)
      shotIds = (res.json as { items: { id: string }[] }).items.map((s) => s.id)
    })
    afterAll(async () => studio.close())

    it('refuses to create a shot whose out comes before its in, naming the field', async () => {
      const res = await call(studio, p.seats.manager, 'POST', shotsUrl(), {
        shots: [{ sequenceId: p.sequenceId, code: '030', frameIn: 1048, frameOut: 1001 }],
      })
      expect(res.status).toBe(400)
      expect(res.json).toMatchObject({
        error: { code: 'validation_failed', issues: [{ path: 'body.shots.0.frameOut' }] },
      })
      expect((await table()).shots.code).not.toContain('030')
    })

    it('refuses an out set before the stored in, and an in set after the stored out', async () => {
      const out = await call(studio, p.seats.manager, 'PATCH', `/api/shots/${shotIds[0]}`, { frameOut: 1000 })
      expect(out.status).toBe(400)
      expect(out.json).toMatchObject({ error: { issues: [{ path: 'body.frameOut' }] } })
      const into = await call(studio, p.seats.manager, 'PATCH', `/api/shots/${shotIds[0]}`, { frameIn: 2000 })
      expect(into.status).toBe(400)
      expect(into.json).toMatchObject({ error: { issues: [{ path: 'body.frameIn' }] } })
    })

    it('writes nothing of a batch where one shot would run backwards', async () => {
      const res = await call(studio, p.seats.manager, 'PATCH', shotsUrl(), {
        updates: [
          { shotId: shotIds[0], patch: { description: 'kept out' } },
          { shotId: shotIds[1], patch: { frameIn: 1100 } },
        ],
      })
      expect(res.status).toBe(400)
      expect(res.json).toMatchObject({ error: { issues: [{ path: 'body.updates.1.patch.frameIn' }] } })
      expect((await table()).shots.description).not.toContain('kept out')
    })

    it('accepts in and out moved together, and the duration follows the frames', async () => {
      const res = await call(studio, p.seats.manager, 'PATCH', `/api/shots/${shotIds[1]}`, {
        frameIn: 2001,
        frameOut: 2024,
      })
      expect(res.status).toBe(200)
      expect(ShotDetail.parse(res.json).duration).toBe(24)
      const single = await call(studio, p.seats.manager, 'PATCH', `/api/shots/${shotIds[1]}`, { frameOut: 2001 })
      expect(ShotDetail.parse(single.json).duration).toBe(1)
    })
  })
}
