// Characters and assets on shots: set by breakdown editors, read on the shot and on the
// character's and asset's own pages, dropped with the character, refused across projects.
import { AssetDetail, CharacterDetail, ShotBreakdown, ShotPage } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { call, type TeamProject, teamProject } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

const Created = z.object({ id: z.string() })

for (const engine of testEngines('shot breakdown links')) {
  describe(`shot breakdown links [${engine}]`, () => {
    let studio: TestStudio
    let team: TeamProject
    let shotIds: string[] = []
    let minsu = ''
    let harbour = ''
    beforeAll(async () => {
      studio = await createTestStudio(engine)
      team = await teamProject(studio, 'LINK')
      const m = team.seats.manager
      const base = `/api/projects/${team.projectId}`
      await call(studio, m, 'POST', `${base}/shots`, {
        shots: [
          { sequenceId: team.sequenceId, code: 'SH0010' },
          { sequenceId: team.sequenceId, code: 'SH0020' },
        ],
      })
      const page = ShotPage.parse((await call(studio, m, 'GET', `${base}/shots?limit=10`)).json)
      shotIds = page.items.map((s) => s.id)
      minsu = Created.parse((await call(studio, m, 'POST', `${base}/characters`, { name: 'MINSU' })).json).id
      harbour = Created.parse(
        (await call(studio, m, 'POST', `${base}/assets`, { kind: 'location', name: 'Harbour' })).json,
      ).id
    })
    afterAll(async () => studio.close())

    it('lets a supervisor set a shot’s cast and assets, and shows them on the shot', async () => {
      const shot = shotIds[0] ?? ''
      const put = await call(studio, team.seats.supervisor, 'PUT', `/api/shots/${shot}/breakdown`, {
        characterIds: [minsu],
        assetIds: [harbour],
      })
      expect(put.status).toBe(200)
      const read = ShotBreakdown.parse(
        (await call(studio, team.seats.artist, 'GET', `/api/shots/${shot}/breakdown`)).json,
      )
      expect(read.characters.map((c) => c.name)).toEqual(['MINSU'])
      expect(read.assets.map((a) => a.name)).toEqual(['Harbour'])
    })

    it('lists on the character and asset pages the shots they appear on, in editorial order', async () => {
      await call(studio, team.seats.manager, 'PUT', `/api/shots/${shotIds[1]}/breakdown`, {
        characterIds: [minsu],
        assetIds: [],
      })
      const base = `/api/projects/${team.projectId}`
      const character = CharacterDetail.parse(
        (await call(studio, team.seats.client, 'GET', `${base}/characters/${minsu}`)).json,
      )
      expect(character.character.name).toBe('MINSU')
      expect(character.shots.map((s) => s.code)).toEqual(['SH0010', 'SH0020'])
      const asset = AssetDetail.parse((await call(studio, team.seats.artist, 'GET', `${base}/assets/${harbour}`)).json)
      expect(asset.shots.map((s) => s.code)).toEqual(['SH0010'])
    })

    it('shows a vendor only the shots assigned to them', async () => {
      const res = await call(studio, team.seats.vendor, 'GET', `/api/projects/${team.projectId}/characters/${minsu}`)
      expect(res.status).toBe(200)
      expect(CharacterDetail.parse(res.json).shots).toEqual([])
    })

    it('refuses artists (403), unknown ids (400 naming the field) and non-members (404)', async () => {
      const url = `/api/shots/${shotIds[0]}/breakdown`
      const artist = await call(studio, team.seats.artist, 'PUT', url, { characterIds: [], assetIds: [] })
      expect(artist.status).toBe(403)
      const unknown = await call(studio, team.seats.manager, 'PUT', url, { characterIds: ['nope'], assetIds: [] })
      expect(unknown.status).toBe(400)
      expect(JSON.stringify(unknown.json)).toContain('characterIds.0')
      const stranger = await studio.signIn('manager')
      const outsider = await call(
        studio,
        { token: stranger.accessToken, userId: stranger.user.id, email: '' },
        'GET',
        url,
      )
      expect(outsider.status).toBe(404)
      const missing = await call(studio, team.seats.manager, 'GET', `/api/projects/${team.projectId}/characters/nope`)
      expect(missing.status).toBe(404)
    })

    it('drops the links with a deleted character', async () => {
      const base = `/api/projects/${team.projectId}`
      const del = await call(studio, team.seats.manager, 'DELETE', `${base}/characters/${minsu}`)
      expect(del.status).toBe(204)
      const read = ShotBreakdown.parse(
        (await call(studio, team.seats.manager, 'GET', `/api/shots/${shotIds[0]}/breakdown`)).json,
      )
      expect(read.characters).toEqual([])
      expect(read.assets.map((a) => a.name)).toEqual(['Harbour'])
    })
  })
}
