// applyBreakdown on both engines: creates and updates sequences, shots, characters and assets
// in one transaction, changes nothing when applied again, and leaves nothing behind on failure.
import { Activity, Breakdown, ShotBreakdown, ShotPage } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { call, type TeamProject, teamProject } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'
import type { BreakdownItems } from './breakdown.service'

const ITEMS: BreakdownItems = {
  sequences: [{ code: 'SC001', name: 'EXT. PIER - NIGHT', description: 'storm' }],
  shots: [
    { sequenceCode: 'SC001', code: 'SH010', description: 'wide on the pier', durationSeconds: 2 },
    { sequenceCode: 'SC001', code: 'SH020', description: 'Mara lights the lamp', cpeSettings: { shot: 'close' } },
    { sequenceCode: 'SQ010', code: 'SH030', description: 'in the existing sequence' },
  ],
  characters: [{ name: 'MARA', description: 'keeper', triggerWords: ['oilskin'] }],
  assets: [{ kind: 'location', name: 'PIER', description: 'wooden pier' }],
}

for (const engine of testEngines('applyBreakdown')) {
  describe(`applyBreakdown [${engine}]`, () => {
    let studio: TestStudio
    let p: TeamProject
    const manager = () => ({ userId: p.seats.manager.userId, role: 'manager' as const })
    const apply = (items: BreakdownItems) =>
      studio.production.services.breakdown.applyBreakdown(p.projectId, items, manager())
    const state = async () => {
      const breakdown = Breakdown.parse(
        (await call(studio, p.seats.manager, 'GET', `/api/projects/${p.projectId}/breakdown`)).json,
      )
      const shots = ShotPage.parse(
        (await call(studio, p.seats.manager, 'GET', `/api/projects/${p.projectId}/shots?limit=100`)).json,
      ).items
      return { ...breakdown, shots: shots.map((s) => [s.code, s.description, s.frameIn, s.frameOut, s.tasks.length]) }
    }

    /** The breakdown's own events in the activity log, oldest first, with what each names. */
    const breakdownLog = async () => {
      const res = await call(studio, p.seats.manager, 'GET', `/api/projects/${p.projectId}/activity?limit=500`)
      return z
        .object({ items: z.array(Activity) })
        .parse(res.json)
        .items.filter((e) => /^(sequence|character|asset):/.test(e.event))
        .map((e) => [e.event, e.data.fields ?? null] as const)
        .reverse()
    }

    beforeAll(async () => {
      studio = await createTestStudio(engine, {
        config: { dataDir: `/tmp/aipipeline-breakdown-test-${process.pid}-${engine}` },
      })
      p = await teamProject(studio, `B${engine.slice(0, 2).toUpperCase()}`)
    })
    afterAll(async () => studio.close())

    it('leaves nothing behind when an item fails part-way', async () => {
      const before = await state()
      const bad = { ...ITEMS, shots: [...ITEMS.shots, { sequenceCode: 'NOPE', code: 'SH999', description: '' }] }
      await expect(apply(bad)).rejects.toThrow(/NOPE/)
      expect(await state()).toEqual(before)
    })

    it('creates every item with tasks and frames, then changes nothing when applied again', async () => {
      const logged = (await breakdownLog()).length
      const first = await apply(ITEMS)
      expect(first.created).toEqual({ sequences: 1, shots: 3, characters: 1, assets: 1 })
      const after = await state()
      expect(after.shots).toEqual([
        ['SH010', 'wide on the pier', 1001, 1048, 4],
        ['SH020', 'Mara lights the lamp', null, null, 4],
        ['SH030', 'in the existing sequence', null, null, 4],
      ])
      const again = await apply(ITEMS)
      expect(again.created).toEqual({ sequences: 0, shots: 0, characters: 0, assets: 0 })
      expect(again.updated).toEqual({ sequences: 0, shots: 0, characters: 0, assets: 0 })
      expect(again.unchanged).toEqual({ sequences: 1, shots: 3, characters: 1, assets: 1 })
      expect(await state()).toEqual(after)
      // Logged and sent like single edits; applying again adds nothing.
      expect((await breakdownLog()).slice(logged)).toEqual([
        ['sequence:new', null],
        ['character:new', null],
        ['asset:new', null],
      ])
    })

    it('updates what differs: descriptions, trigger words, prompt settings', async () => {
      const changed = await apply({
        ...ITEMS,
        shots: [{ sequenceCode: 'SC001', code: 'SH020', description: 'Mara lights the lamp', cpeSettings: { a: 1 } }],
        characters: [{ name: 'MARA', description: 'keeper, forties', triggerWords: ['oilskin', 'braid'] }],
      })
      expect(changed.updated).toEqual({ sequences: 0, shots: 1, characters: 1, assets: 0 })
      const { characters } = await state()
      expect(characters[0]).toMatchObject({ description: 'keeper, forties', triggerWords: ['oilskin', 'braid'] })
      expect((await breakdownLog()).at(-1)).toEqual(['character:update', ['description', 'triggerWords']])
    })

    it('links shots to the characters and locations they name, by name as cued, once', async () => {
      const named: BreakdownItems = {
        sequences: [],
        shots: [
          {
            sequenceCode: 'SC001',
            code: 'SH040',
            description: 'Mara on the pier',
            characterNames: ['MARA (V.O.)', 'NOBODY'],
            locationNames: ['the pier'],
          },
        ],
        characters: [],
        assets: [],
      }
      await apply(named)
      await apply(named)
      const shot = ShotPage.parse(
        (await call(studio, p.seats.manager, 'GET', `/api/projects/${p.projectId}/shots?limit=100`)).json,
      ).items.find((x) => x.code === 'SH040')
      const links = ShotBreakdown.parse(
        (await call(studio, p.seats.manager, 'GET', `/api/shots/${shot?.id}/breakdown`)).json,
      )
      expect(links.characters.map((c) => c.name)).toEqual(['MARA'])
      expect(links.assets.map((a) => a.name)).toEqual(['PIER'])
    })

    it('refuses callers who may not edit the breakdown', async () => {
      const artist = { userId: p.seats.artist.userId, role: 'artist' as const }
      await expect(studio.production.services.breakdown.applyBreakdown(p.projectId, ITEMS, artist)).rejects.toThrow(
        /not allowed/,
      )
    })
  })
}
