// Every change to a project's settings, team, configuration and breakdown is an `entity:action`
// event sent live to the studio and a row in the activity log, on both engines, over real
// sockets; clients and vendors get none of these studio-only changes. Also the new edits:
// sequences (PATCH) and deleting a custom field with or without the values shots hold.
import { Activity, Breakdown, Project, productionEvents, Sequence, ShotPage } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  call,
  type LiveSeat,
  liveSeat,
  type Seat,
  type TeamProject,
  teamProject,
} from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

const ErrorReply = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
})
const Created = z.object({ id: z.string() })
const ActivityList = z.object({ items: z.array(Activity) })

for (const engine of testEngines('project change log')) {
  describe(`project change log [${engine}]`, () => {
    let studio: TestStudio
    let p: TeamProject
    let live: Record<'admin' | 'manager' | 'supervisor' | 'artist' | 'client' | 'vendor', LiveSeat>
    const base = () => `/api/projects/${p.projectId}`
    const manager = () => p.seats.manager
    const error = (json: unknown) => ErrorReply.parse(json).error
    const created = async (url: string, body: object, seat: Seat = manager()) => {
      const res = await call(studio, seat, 'POST', `${base()}${url}`, body)
      expect(res.status, JSON.stringify(res.json)).toBe(201)
      return Created.parse(res.json).id
    }
    const activity = async (seat: Seat) =>
      ActivityList.parse((await call(studio, seat, 'GET', `${base()}/activity?limit=500`)).json).items
    const shots = async () =>
      ShotPage.parse((await call(studio, manager(), 'GET', `${base()}/shots`)).json).items.filter(
        (s) => s.sequenceId === p.sequenceId,
      )
    const newSeat = async (role: 'artist' | 'client'): Promise<Seat> => {
      const s = await studio.signIn(role)
      return { token: s.accessToken, userId: s.user.id, email: s.user.email }
    }

    beforeAll(async () => {
      studio = await createTestStudio(engine, {
        config: { dataDir: `/tmp/aipipeline-change-log-test-${process.pid}-${engine}` },
      })
      await studio.app.listen({ port: 0, host: '127.0.0.1' })
      const address = studio.app.server.address()
      if (!address || typeof address === 'string') throw new Error('no port')
      p = await teamProject(studio, `L${engine.slice(0, 2).toUpperCase()}`)
      const url = `http://127.0.0.1:${address.port}`
      const connect = (seat: Seat) => liveSeat(url, seat)
      live = {
        admin: await connect(p.seats.admin),
        manager: await connect(p.seats.manager),
        supervisor: await connect(p.seats.supervisor),
        artist: await connect(p.seats.artist),
        client: await connect(p.seats.client),
        vendor: await connect(p.seats.vendor),
      }
      const room = `project:${p.projectId}`
      for (const role of ['admin', 'manager', 'artist'] as const) expect(await live[role].join(room), role).toBe(true)
      // Supervisors who follow departments, clients and vendors get filtered copies on `user:<id>`.
      for (const role of ['supervisor', 'client', 'vendor'] as const) expect(await live[role].join(room)).toBe(false)
    })
    afterAll(async () => {
      for (const seat of Object.values(live ?? {})) seat.close()
      await studio.close()
    })

    it('sends each breakdown, configuration and team change live to the studio and logs it; clients and vendors get none', async () => {
      const sequenceId = await created('/sequences', { code: 'SQ020', description: 'the storm' })
      expect(
        (await call(studio, manager(), 'PATCH', `${base()}/sequences/${sequenceId}`, { name: 'Storm' })).status,
      ).toBe(200)
      const characterId = await created('/characters', { name: 'Mira' }, p.seats.supervisor)
      const assetId = await created('/assets', { kind: 'prop', name: 'Lamp' })
      const taskTypeId = await created('/task-types', { name: 'Grade', shortName: 'grd' })
      const fieldId = await created('/custom-fields', { key: 'mood', name: 'Mood', type: 'text' })
      expect((await call(studio, manager(), 'DELETE', `${base()}/custom-fields/${fieldId}`)).status).toBe(204)
      const newcomer = await newSeat('artist')
      const member = `${base()}/members/${newcomer.userId}`
      expect((await call(studio, manager(), 'PUT', member, { departments: ['Keyframe'] })).status).toBe(200)
      expect(
        (await call(studio, manager(), 'PUT', member, { role: 'supervisor', departments: ['Keyframe'] })).status,
      ).toBe(200)
      expect((await call(studio, manager(), 'DELETE', member)).status).toBe(204)
      expect((await call(studio, manager(), 'PATCH', base(), { name: 'Film renamed' })).status).toBe(200)

      const expected = [
        ['sequence:new', 'sequenceId', sequenceId],
        ['sequence:update', 'sequenceId', sequenceId],
        ['character:new', 'characterId', characterId],
        ['asset:new', 'assetId', assetId],
        ['task-type:new', 'taskTypeId', taskTypeId],
        ['custom-field:new', 'customFieldId', fieldId],
        ['custom-field:delete', 'customFieldId', fieldId],
        ['member:new', 'userId', newcomer.userId],
        ['member:update', 'userId', newcomer.userId],
        ['member:remove', 'userId', newcomer.userId],
        ['project:update', 'projectId', p.projectId],
      ] as const
      // A shot is news for clients too: their socket works, it is just not sent the studio's changes.
      await call(studio, manager(), 'POST', `${base()}/shots`, { shots: [{ sequenceId, code: '010' }] })
      for (const seat of Object.values(live)) await seat.settled()
      expect(live.client.received.map((r) => r.event)).toContain('shot:new')
      for (const role of ['admin', 'manager', 'supervisor', 'artist'] as const) {
        for (const [event, key, id] of expected) {
          const got = live[role].received.find(
            (r) => r.event === event && z.object({ [key]: z.literal(id) }).safeParse(r.payload).success,
          )
          expect(got, `${role} live ${event}`).toBeDefined()
          expect(() => productionEvents[event].parse(got?.payload)).not.toThrow()
        }
      }
      const update = live.manager.received.find((r) => r.event === 'member:update')
      expect(productionEvents['member:update'].parse(update?.payload)).toMatchObject({
        actorId: manager().userId,
        fields: ['role'],
      })

      const log = await activity(manager())
      for (const [event, , id] of expected)
        expect(
          log.some((e) => e.event === event && e.entityId === id && e.actorId !== null),
          `logged ${event}`,
        ).toBe(true)
      expect(log.find((e) => e.event === 'task-type:new')?.data).toMatchObject({ name: 'Grade', createdTasks: 0 })

      const names = new Set<string>(expected.map(([event]) => event))
      for (const role of ['client', 'vendor'] as const) {
        expect(
          live[role].received.filter((r) => names.has(r.event)).map((r) => r.event),
          role,
        ).toEqual([])
        expect((await activity(p.seats[role])).filter((e) => names.has(e.event)).map((e) => e.event)).toEqual([])
      }
    })

    it('edits a sequence: code, name and description, all or nothing, with precise errors', async () => {
      const id = await created('/sequences', { code: 'SQ030' })
      const url = `${base()}/sequences/${id}`
      const edit = { code: 'SQ035', name: 'Lighthouse', description: 'night, interior' }
      const ok = await call(studio, p.seats.supervisor, 'PATCH', url, edit)
      expect(ok.status).toBe(200)
      expect(Sequence.parse(ok.json)).toMatchObject({ id, ...edit })
      const breakdown = Breakdown.parse((await call(studio, manager(), 'GET', `${base()}/breakdown`)).json)
      expect(breakdown.sequences.find((s) => s.id === id)).toMatchObject(edit)

      const clash = await call(studio, manager(), 'PATCH', url, { code: 'SQ010', name: 'Renamed' })
      expect(clash.status).toBe(409)
      expect(error(clash.json)).toMatchObject({ code: 'conflict', message: 'sequence "SQ010" already exists' })
      const unknown = await call(studio, manager(), 'PATCH', `${base()}/sequences/nope`, { name: 'X' })
      expect(unknown.status).toBe(404)
      expect(error(unknown.json).message).toBe('sequence "nope" not found')
      const badCode = await call(studio, manager(), 'PATCH', url, { code: 'SQ 35' })
      expect(badCode.status).toBe(400)
      expect(error(badCode.json).issues?.map((i) => i.path)).toEqual(['body.code'])
      expect((await call(studio, manager(), 'PATCH', url, {})).status).toBe(400)
      expect((await call(studio, manager(), 'PATCH', url, { name: '' })).status).toBe(400)
      expect((await call(studio, manager(), 'PATCH', url, { orderKey: 'a0' })).status).toBe(400)
      for (const role of ['artist', 'client', 'vendor'] as const)
        expect((await call(studio, p.seats[role], 'PATCH', url, { name: 'Mine' })).status, role).toBe(403)

      // A sequence of another project is not found here, and nothing changed after the refusals.
      const other = await teamProject(studio, `O${engine.slice(0, 2).toUpperCase()}`)
      const foreign = await call(studio, manager(), 'PATCH', `${base()}/sequences/${other.sequenceId}`, { name: 'X' })
      expect(foreign.status).toBe(404)
      const after = Breakdown.parse((await call(studio, manager(), 'GET', `${base()}/breakdown`)).json)
      expect(after.sequences.find((s) => s.id === id)).toMatchObject(edit)
      expect((await activity(manager())).filter((e) => e.entityId === id).map((e) => e.event)).toEqual(
        expect.arrayContaining(['sequence:new', 'sequence:update']),
      )
    })

    it('refuses to delete a custom field shots hold values of, naming how many, and drops the values when asked', async () => {
      await call(studio, manager(), 'POST', `${base()}/shots`, {
        shots: [
          { sequenceId: p.sequenceId, code: '010' },
          { sequenceId: p.sequenceId, code: '020' },
        ],
      })
      const lens = await created('/custom-fields', { key: 'lens', name: 'Lens', type: 'list', choices: ['35mm'] })
      await created('/custom-fields', { key: 'note', name: 'Note', type: 'text' })
      const [first] = await shots()
      await call(studio, manager(), 'PATCH', `/api/shots/${first?.id}`, {
        customFields: { lens: '35mm', note: 'rain' },
      })
      const url = `${base()}/custom-fields/${lens}`

      const refused = await call(studio, manager(), 'DELETE', url)
      expect(refused.status).toBe(422)
      expect(error(refused.json)).toMatchObject({
        code: 'rule_violation',
        message:
          'field "Lens" holds values on 1 shot(s): clear them first, or delete with dropValues to clear them with the field',
      })
      expect((await shots())[0]?.customFields).toEqual({ lens: '35mm', note: 'rain' })
      expect((await call(studio, manager(), 'DELETE', `${url}?dropValues=yes`)).status).toBe(400)
      expect((await call(studio, p.seats.supervisor, 'DELETE', `${url}?dropValues=true`)).status).toBe(403)

      expect((await call(studio, manager(), 'DELETE', `${url}?dropValues=true`)).status).toBe(204)
      expect((await shots())[0]?.customFields).toEqual({ note: 'rain' })
      const project = Project.parse((await call(studio, manager(), 'GET', base())).json)
      expect(project.customFields.map((f) => f.key)).toEqual(['note'])
      expect(
        (await activity(manager())).find((e) => e.event === 'custom-field:delete' && e.entityId === lens)?.data,
      ).toEqual({
        customFieldId: lens,
        key: 'lens',
        name: 'Lens',
        clearedShots: 1,
      })
      expect((await call(studio, manager(), 'DELETE', url)).status).toBe(404)

      // The key is free again, and the new field starts empty on every shot, after "note".
      await created('/custom-fields', { key: 'lens', name: 'Lens (mm)', type: 'number' })
      const fields = Project.parse((await call(studio, manager(), 'GET', base())).json).customFields
      expect(fields.map((f) => f.key)).toEqual(['note', 'lens'])
      expect((await shots()).map((s) => s.customFields)).toEqual([{ note: 'rain' }, {}])
    })

    it('records nothing for a team change that changes nothing, and answers 404 for removing a non-member', async () => {
      const outsider = await newSeat('client')
      expect((await call(studio, manager(), 'DELETE', `${base()}/members/${outsider.userId}`)).status).toBe(404)
      const member = `${base()}/members/${p.seats.client.userId}`
      const before = (await activity(manager())).length
      const same = await call(studio, manager(), 'PUT', member, {})
      expect(same.status).toBe(200)
      expect((await activity(manager())).length).toBe(before)
      const clash = await call(studio, manager(), 'POST', `${base()}/task-types`, { name: 'Keys', shortName: 'KEY' })
      expect(clash.status).toBe(409)
      expect(error(clash.json).message).toBe('task type short name "KEY" already exists')
    })
  })
}
