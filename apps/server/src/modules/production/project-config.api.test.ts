// Changing a project's configuration through the HTTP API on both engines: statuses, task
// types, custom fields, characters and assets — precise errors (400 field paths, 404, 409,
// 422 for the rules), all-or-nothing writes, activity and live events, and who may do it.
import { Activity, Breakdown, Project, ShotPage, TaskStatus, TaskType } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  call,
  recordEvents,
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

for (const engine of testEngines('project configuration API')) {
  describe(`project configuration API [${engine}]`, () => {
    let studio: TestStudio
    let p: TeamProject
    let events: ReturnType<typeof recordEvents>
    const base = () => `/api/projects/${p.projectId}`
    const manager = () => p.seats.manager
    const project = async (seat: Seat = manager()) => Project.parse((await call(studio, seat, 'GET', base())).json)
    const statusId = async (name: string) => (await project()).statuses.find((s) => s.name === name)?.id ?? ''
    const typeId = async (name: string) => (await project()).taskTypes.find((t) => t.name === name)?.id ?? ''
    const error = (json: unknown) => ErrorReply.parse(json).error
    const shots = async () => ShotPage.parse((await call(studio, manager(), 'GET', `${base()}/shots`)).json).items

    beforeAll(async () => {
      studio = await createTestStudio(engine, {
        config: { dataDir: `/tmp/aipipeline-config-test-${process.pid}-${engine}` },
      })
      events = recordEvents(studio)
      p = await teamProject(studio, `C${engine.slice(0, 2).toUpperCase()}`)
      await call(studio, manager(), 'POST', `${base()}/shots`, { shots: [{ sequenceId: p.sequenceId, code: '010' }] })
    })
    afterAll(async () => studio.close())

    it('adds a status at the end, reorders it and hands it the default flag: new tasks start there', async () => {
      const created = await call(studio, manager(), 'POST', `${base()}/statuses`, {
        name: 'On hold',
        shortName: 'hld',
        color: '#123456',
        boardRole: 'pending',
      })
      expect(created.status).toBe(201)
      const hold = TaskStatus.parse(created.json)
      expect(hold).toMatchObject({ isDefault: false, clientAllowed: false, canSet: true })
      expect(hold.boardVisibleTo).not.toContain('client')
      expect((await project()).statuses.at(-1)?.id).toBe(hold.id)

      const moved = await call(studio, manager(), 'PATCH', `${base()}/statuses/${hold.id}`, {
        position: 0,
        isDefault: true,
      })
      expect(moved.status).toBe(200)
      const statuses = (await project()).statuses
      expect(statuses[0]?.id).toBe(hold.id)
      expect(statuses.filter((s) => s.isDefault).map((s) => s.name)).toEqual(['On hold'])
      await call(studio, manager(), 'POST', `${base()}/shots`, { shots: [{ sequenceId: p.sequenceId, code: '020' }] })
      const fresh = (await shots()).find((s) => s.code === '020')
      expect(new Set(fresh?.tasks.map((t) => t.statusId))).toEqual(new Set([hold.id]))

      // Clients never see a status that is not client-allowed, nor its change.
      expect((await project(p.seats.client)).statuses.map((s) => s.id)).not.toContain(hold.id)
      expect(events.some((e) => e.room === `project:${p.projectId}` && e.event === 'status:update')).toBe(true)
      expect(events.some((e) => e.room === `user:${p.seats.client.userId}` && e.event.startsWith('status:'))).toBe(
        false,
      )
      const log = z.object({ items: z.array(Activity) })
      const staff = log.parse((await call(studio, manager(), 'GET', `${base()}/activity`)).json).items
      expect(staff.map((e) => e.event)).toEqual(expect.arrayContaining(['status:new', 'status:update']))
      const client = log.parse((await call(studio, p.seats.client, 'GET', `${base()}/activity`)).json).items
      expect(client.some((e) => e.event.startsWith('status:'))).toBe(false)

      await call(studio, manager(), 'PATCH', `${base()}/statuses/${await statusId('Pending')}`, { isDefault: true })
    })

    it('answers status mistakes precisely: field paths, duplicates, unknown ids and the rules', async () => {
      const post = (body: object) => call(studio, manager(), 'POST', `${base()}/statuses`, body)
      const bad = await post({ name: 'Grey', shortName: 'gry', color: 'grey', boardRole: 'pending' })
      expect(bad.status).toBe(400)
      expect(error(bad.json).issues?.map((i) => i.path)).toEqual(['body.color'])
      const empty = await call(studio, manager(), 'PATCH', `${base()}/statuses/${await statusId('WIP')}`, {})
      expect(empty.status).toBe(400)
      expect((await post({ name: 'WIP', shortName: 'new', boardRole: 'wip' })).status).toBe(409)
      const sameShort = await post({ name: 'Work', shortName: 'WIP', boardRole: 'wip' })
      expect(sameShort.status).toBe(409)
      expect(error(sameShort.json).message).toContain('short name')
      const rename = await call(studio, manager(), 'PATCH', `${base()}/statuses/${await statusId('Review')}`, {
        name: 'Approved',
      })
      expect(rename.status).toBe(409)
      expect((await call(studio, manager(), 'PATCH', `${base()}/statuses/nope`, { name: 'X' })).status).toBe(404)
      const clientColumn = await post({
        name: 'Secret',
        shortName: 'sec',
        boardRole: 'wip',
        boardVisibleTo: ['client'],
      })
      expect(clientColumn.status).toBe(422)

      const pending = await statusId('Pending')
      const lastDefault = await call(studio, manager(), 'PATCH', `${base()}/statuses/${pending}`, { isDefault: false })
      expect(lastDefault.status).toBe(422)
      expect(error(lastDefault.json).code).toBe('rule_violation')
      const del = (id: string) => call(studio, manager(), 'DELETE', `${base()}/statuses/${id}`)
      expect(error((await del(pending)).json).message).toContain('default status')
      expect(error((await del(await statusId('WIP'))).json).message).toContain('folder status')
      const inUse = await del(await statusId('On hold'))
      expect(inUse.status).toBe(422)
      expect(error(inUse.json).message).toMatch(/used by 4 task/)
      expect((await project()).statuses.map((s) => s.name)).toContain('On hold')
    })

    it('deletes an unused status and closes the gap in the board order', async () => {
      const scrap = TaskStatus.parse(
        (
          await call(studio, manager(), 'POST', `${base()}/statuses`, {
            name: 'Scrap',
            shortName: 'scr',
            boardRole: 'final',
          })
        ).json,
      )
      expect((await call(studio, manager(), 'DELETE', `${base()}/statuses/${scrap.id}`)).status).toBe(204)
      expect((await project()).statuses.map((s) => s.name)).not.toContain('Scrap')
      expect((await call(studio, manager(), 'DELETE', `${base()}/statuses/${scrap.id}`)).status).toBe(404)
      const moved = await call(studio, manager(), 'PATCH', `${base()}/statuses/${await statusId('Final')}`, {
        position: 99,
      })
      expect(moved.status).toBe(200)
      expect((await project()).statuses.at(-1)?.name).toBe('Final')
    })

    it('edits and reorders task types, and refuses a duplicate name', async () => {
      const post = await typeId('Post')
      const res = await call(studio, manager(), 'PATCH', `${base()}/task-types/${post}`, {
        name: 'Compositing',
        color: '#aa5500',
        position: 0,
      })
      expect(res.status).toBe(200)
      expect(TaskType.parse(res.json)).toMatchObject({ name: 'Compositing', color: '#aa5500', shortName: 'pst' })
      expect((await project()).taskTypes[0]?.name).toBe('Compositing')
      const clash = await call(studio, manager(), 'PATCH', `${base()}/task-types/${post}`, {
        name: 'Keyframe',
        color: '#000000',
        position: 3,
      })
      expect(clash.status).toBe(409)
      // All or nothing: neither the colour nor the order changed.
      expect((await project()).taskTypes[0]).toMatchObject({ name: 'Compositing', color: '#aa5500' })
    })

    it('deletes a task type with its untouched tasks, and refuses one whose tasks were worked on', async () => {
      const grade = TaskType.parse(
        (await call(studio, manager(), 'POST', `${base()}/task-types`, { name: 'Grade', shortName: 'grd' })).json,
      )
      expect((await shots()).every((s) => s.tasks.some((t) => t.taskTypeId === grade.id))).toBe(true)
      expect((await call(studio, manager(), 'DELETE', `${base()}/task-types/${grade.id}`)).status).toBe(204)
      expect((await shots()).some((s) => s.tasks.some((t) => t.taskTypeId === grade.id))).toBe(false)
      expect((await project()).taskTypes.map((t) => t.name)).not.toContain('Grade')

      const keyframe = await typeId('Keyframe')
      const task = (await shots())[0]?.tasks.find((t) => t.taskTypeId === keyframe)?.id
      await call(studio, manager(), 'POST', `/api/tasks/${task}/comments`, { text: 'first pass' })
      const refused = await call(studio, manager(), 'DELETE', `${base()}/task-types/${keyframe}`)
      expect(refused.status).toBe(422)
      expect(error(refused.json).message).toBe('task type "Keyframe" is in use: 1 comment(s)')
      expect((await shots())[0]?.tasks.some((t) => t.taskTypeId === keyframe)).toBe(true)
    })

    it('edits a custom field but keeps its key and type, and keeps choices shots still hold', async () => {
      const created = await call(studio, manager(), 'POST', `${base()}/custom-fields`, {
        key: 'lens',
        name: 'Lens',
        type: 'list',
        choices: ['35mm', '50mm'],
      })
      const field = z.object({ id: z.string() }).parse(created.json)
      const shot = (await shots())[0]
      await call(studio, manager(), 'PATCH', `/api/shots/${shot?.id}`, { customFields: { lens: '50mm' } })
      const url = `${base()}/custom-fields/${field.id}`
      const drop = await call(studio, manager(), 'PATCH', url, { choices: ['35mm'] })
      expect(drop.status).toBe(422)
      expect(error(drop.json).message).toContain('"50mm"')
      const retype = await call(studio, manager(), 'PATCH', url, { type: 'text' })
      expect(retype.status).toBe(400)
      const ok = await call(studio, manager(), 'PATCH', url, {
        name: 'Lens (mm)',
        clientVisible: true,
        choices: ['50mm'],
      })
      expect(ok.status).toBe(200)
      const fields = (await project(p.seats.client)).customFields
      expect(fields).toEqual([
        { id: field.id, key: 'lens', name: 'Lens (mm)', type: 'list', choices: ['50mm'], clientVisible: true },
      ])
    })

    it('edits and deletes characters and assets', async () => {
      const character = z
        .object({ id: z.string() })
        .parse((await call(studio, manager(), 'POST', `${base()}/characters`, { name: 'Mira' })).json)
      await call(studio, manager(), 'POST', `${base()}/characters`, { name: 'Jun' })
      const edit = {
        name: 'Mira Kang',
        description: 'lighthouse keeper',
        triggerWords: ['mira_kang'],
        referenceImages: ['refs/mira-front.png'],
        loraName: 'mira-v2.safetensors',
      }
      const res = await call(studio, p.seats.supervisor, 'PATCH', `${base()}/characters/${character.id}`, edit)
      expect(res.status).toBe(200)
      expect(res.json).toEqual({ id: character.id, ...edit })
      const clash = await call(studio, manager(), 'PATCH', `${base()}/characters/${character.id}`, { name: 'Jun' })
      expect(clash.status).toBe(409)
      const badWords = await call(studio, manager(), 'PATCH', `${base()}/characters/${character.id}`, {
        triggerWords: ['ok', ''],
      })
      expect(error(badWords.json).issues?.[0]?.path).toBe('body.triggerWords.1')

      const asset = z
        .object({ id: z.string() })
        .parse((await call(studio, manager(), 'POST', `${base()}/assets`, { kind: 'location', name: 'Pier' })).json)
      const moved = await call(studio, manager(), 'PATCH', `${base()}/assets/${asset.id}`, {
        kind: 'environment',
        description: 'night fog',
      })
      expect(moved.json).toEqual({ id: asset.id, kind: 'environment', name: 'Pier', description: 'night fog' })
      expect((await call(studio, manager(), 'DELETE', `${base()}/characters/${character.id}`)).status).toBe(204)
      expect((await call(studio, manager(), 'DELETE', `${base()}/assets/${asset.id}`)).status).toBe(204)
      expect((await call(studio, manager(), 'DELETE', `${base()}/assets/${asset.id}`)).status).toBe(404)
      const breakdown = Breakdown.parse((await call(studio, manager(), 'GET', `${base()}/breakdown`)).json)
      expect(breakdown.characters.map((c) => c.name)).toEqual(['Jun'])
      expect(breakdown.assets).toEqual([])
      const live = events.filter((e) => e.room === `project:${p.projectId}`).map((e) => e.event)
      expect(live).toEqual(expect.arrayContaining(['character:update', 'character:delete', 'asset:delete']))
    })

    it('lets only project managers configure, and a per-project manager role counts', async () => {
      const pending = await statusId('Pending')
      const routes: [string, string, object | undefined][] = [
        ['POST', `${base()}/statuses`, { name: 'Nope', shortName: 'nop', boardRole: 'wip' }],
        ['PATCH', `${base()}/statuses/${pending}`, { color: '#000000' }],
        ['DELETE', `${base()}/statuses/${pending}`, undefined],
        ['PATCH', `${base()}/task-types/${await typeId('Keyframe')}`, { color: '#000000' }],
        ['DELETE', `${base()}/task-types/${await typeId('Keyframe')}`, undefined],
      ]
      for (const role of ['supervisor', 'artist', 'client', 'vendor'] as const)
        for (const [method, url, body] of routes)
          expect((await call(studio, p.seats[role], method, url, body)).status, `${role} ${method} ${url}`).toBe(403)
      const character = `${base()}/characters/${z.object({ id: z.string() }).parse((await call(studio, manager(), 'POST', `${base()}/characters`, { name: 'Ono' })).json).id}`
      for (const role of ['artist', 'client', 'vendor'] as const)
        expect((await call(studio, p.seats[role], 'DELETE', character)).status).toBe(403)

      const s = await studio.signIn('artist')
      const lead: Seat = { token: s.accessToken, userId: s.user.id, email: s.user.email }
      await call(studio, manager(), 'PUT', `${base()}/members/${lead.userId}`, { role: 'manager' })
      const made = await call(studio, lead, 'POST', `${base()}/statuses`, {
        name: 'Lead',
        shortName: 'led',
        boardRole: 'wip',
      })
      expect(made.status).toBe(201)
      const outsider = await studio.signIn('manager')
      const seat = { token: outsider.accessToken, userId: outsider.user.id, email: outsider.user.email }
      expect((await call(studio, seat, 'PATCH', `${base()}/statuses/${pending}`, { color: '#000000' })).status).toBe(
        404,
      )
    })
  })
}
