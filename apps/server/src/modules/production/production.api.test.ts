// Production tracking through the HTTP API on both engines: the comment write path,
// ordering, batch edits, and the permission rules (no leaks to clients or vendors).
import { Comment, ImportReport, ShotPage, ShotTable, TaskDetail } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { call, recordEvents, type TeamProject, teamProject } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

for (const engine of testEngines('production API')) {
  describe(`production API [${engine}]`, () => {
    let studio: TestStudio
    let p: TeamProject
    let events: ReturnType<typeof recordEvents>
    const status = (name: string) => {
      const s = p.statuses.find((x) => x.name === name)
      if (!s) throw new Error(name)
      return s.id
    }
    const taskType = (name: string) => p.taskTypes.find((t) => t.name === name)?.id ?? ''
    const shotsUrl = () => `/api/projects/${p.projectId}/shots`

    beforeAll(async () => {
      studio = await createTestStudio(engine, {
        config: { dataDir: `/tmp/aipipeline-prod-test-${process.pid}-${engine}` },
      })
      events = recordEvents(studio)
      p = await teamProject(studio, `T${engine.slice(0, 2).toUpperCase()}`)
      const shots = ['001', '002', '003', '004'].map((code) => ({
        sequenceId: p.sequenceId,
        code,
        frameIn: 1001,
        frameOut: 1048,
      }))
      const res = await call(studio, p.seats.manager, 'POST', shotsUrl(), { shots })
      expect(res.status).toBe(201)
    })
    afterAll(async () => studio.close())

    async function page(seat: keyof TeamProject['seats'], query = '') {
      const limit = query.includes('limit=') ? '' : '&limit=50'
      const res = await call(studio, p.seats[seat], 'GET', `${shotsUrl()}?sort=order${limit}${query}`)
      expect(res.status).toBe(200)
      return ShotPage.parse(res.json)
    }
    const taskOf = async (code: string, type: string) => {
      const shot = (await page('manager')).items.find((s) => s.code === code)
      const task = shot?.tasks.find((t) => t.taskTypeId === taskType(type))
      if (!task) throw new Error(`${code}/${type}`)
      return task.id
    }

    it('creates a task per shot and task type in the default status, with durations', async () => {
      const { items } = await page('manager')
      expect(items.map((s) => s.code)).toEqual(['001', '002', '003', '004'])
      expect(items[0]?.duration).toBe(48)
      expect(items[0]?.tasks).toHaveLength(4)
      expect(new Set(items.flatMap((s) => s.tasks.map((t) => t.statusId)))).toEqual(new Set([status('Pending')]))
    })

    it('moves a task by comment, stamps dates, counts retakes and enforces the retake cap', async () => {
      await call(studio, p.seats.manager, 'PATCH', `/api/projects/${p.projectId}`, { retakeCap: 1 })
      const task = await taskOf('001', 'Keyframe')
      const post = (statusId: string) =>
        call(studio, p.seats.manager, 'POST', `/api/tasks/${task}/comments`, { text: 'note', statusId })
      expect((await post(status('WIP'))).status).toBe(201)
      expect((await post(status('Retake'))).status).toBe(201)
      await post(status('WIP'))
      const refused = await post(status('Retake'))
      expect(refused.status).toBe(422)
      const detail = TaskDetail.parse((await call(studio, p.seats.manager, 'GET', `/api/tasks/${task}`)).json)
      expect(detail).toMatchObject({ retakeCount: 1, statusId: status('WIP') })
      expect(detail.realStartDate).not.toBeNull()
      expect(detail.comments.map((c) => c.statusId)).toEqual([status('WIP'), status('Retake'), status('WIP')])
      expect(events.some((e) => e.room === `project:${p.projectId}` && e.event === 'task:status-changed')).toBe(true)
    })

    it('lets an artist set only artist-allowed statuses, and only on tasks assigned to them', async () => {
      const task = await taskOf('002', 'Animation')
      const asArtist = (statusId: string) =>
        call(studio, p.seats.artist, 'POST', `/api/tasks/${task}/comments`, { statusId })
      expect((await asArtist(status('WIP'))).status).toBe(403) // not assigned yet
      await call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/tasks/batch-assign`, {
        taskIds: [task],
        userIds: [p.seats.artist.userId],
      })
      expect((await asArtist(status('WIP'))).status).toBe(201)
      expect((await asArtist(status('Approved'))).status).toBe(403)
      expect((await asArtist(status('Final'))).status).toBe(403)
    })

    it('scopes a supervisor to their departments', async () => {
      const keyframe = await taskOf('003', 'Keyframe')
      const post = await call(
        studio,
        p.seats.supervisor,
        'POST',
        `/api/tasks/${await taskOf('003', 'Post')}/comments`,
        { statusId: status('Approved') },
      )
      expect(post.status).toBe(403)
      const own = await call(studio, p.seats.supervisor, 'POST', `/api/tasks/${keyframe}/comments`, {
        statusId: status('Approved'),
      })
      expect(own.status).toBe(201)
    })

    it('notifies a mentioned member live on their user room', async () => {
      const task = await taskOf('004', 'Post')
      const res = await call(studio, p.seats.manager, 'POST', `/api/tasks/${task}/comments`, {
        text: `@${p.seats.artist.email.split('@')[0]} please look`,
      })
      expect(res.status).toBe(201)
      expect(Comment.parse(res.json).mentions.userIds).toEqual([p.seats.artist.userId])
      expect(events.some((e) => e.room === `user:${p.seats.artist.userId}` && e.event === 'notification:new')).toBe(
        true,
      )
      const list = await call(studio, p.seats.artist, 'GET', '/api/notifications?unread=true')
      expect(z.object({ items: z.array(z.object({ kind: z.string() })) }).parse(list.json).items[0]?.kind).toBe(
        'mention',
      )
    })

    it('batch-changes statuses in one transaction: one refused task leaves every task unchanged', async () => {
      const tasks = [await taskOf('002', 'Storyboard'), await taskOf('003', 'Storyboard')]
      const bad = await call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/tasks/batch-comment`, {
        taskIds: [...tasks, 'missing-task'],
        statusId: status('Review'),
      })
      expect(bad.status).toBe(404)
      const unchanged = await page('manager')
      expect(
        unchanged.items
          .flatMap((s) => s.tasks)
          .filter((t) => tasks.includes(t.id))
          .map((t) => t.statusId),
      ).toEqual([status('Pending'), status('Pending')])
      const ok = await call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/tasks/batch-comment`, {
        taskIds: tasks,
        statusId: status('Review'),
        text: 'batch',
      })
      expect(ok.status).toBe(200)
    })

    it('reorders by drag with stable fractional keys and pages with a cursor', async () => {
      const before = (await page('manager')).items
      const moved = before[3]
      const res = await call(studio, p.seats.manager, 'POST', `/api/shots/${moved?.id}/move`, {
        afterShotId: before[0]?.id,
      })
      expect(res.json).toMatchObject({ orderKey: expect.any(String) })
      expect((await page('manager')).items.map((s) => s.code)).toEqual(['001', '004', '002', '003'])
      const first = await page('manager', '&limit=2')
      expect(first.items.map((s) => s.code)).toEqual(['001', '004'])
      const second = await call(studio, p.seats.manager, 'GET', `${shotsUrl()}?limit=2&cursor=${first.nextCursor}`)
      expect(ShotPage.parse(second.json).items.map((s) => s.code)).toEqual(['002', '003'])
    })

    it('pages every sort key in both directions with a keyset cursor, one row at a time', async () => {
      const all = (await page('manager')).items
      for (const [sort, key] of [
        ['code', (s: (typeof all)[number]) => s.code],
        ['order', (s: (typeof all)[number]) => s.orderKey],
        ['updated', (s: (typeof all)[number]) => `${s.updatedAt}|${s.id}`],
      ] as const) {
        for (const desc of [false, true]) {
          const seen: string[] = []
          let cursor: string | null = null
          do {
            const q: string = `${shotsUrl()}?sort=${sort}&desc=${desc}&limit=1${cursor ? `&cursor=${cursor}` : ''}`
            const res = ShotPage.parse((await call(studio, p.seats.manager, 'GET', q)).json)
            seen.push(...res.items.map((s) => s.id))
            cursor = res.nextCursor
          } while (cursor !== null)
          const expected = [...all]
            .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : 1))
            .map((s) => s.id)
          expect(seen).toEqual(desc ? expected.reverse() : expected)
        }
      }
    })

    it('never shows a client a non-client status, comment or field: lists, details, search, table, exports, events', async () => {
      await call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/custom-fields`, {
        key: 'budget',
        name: 'Budget',
        type: 'number',
      })
      await call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/custom-fields`, {
        key: 'lens',
        name: 'Lens',
        type: 'text',
        clientVisible: true,
      })
      const shot = (await page('manager')).items[0]
      await call(studio, p.seats.manager, 'PATCH', `/api/shots/${shot?.id}`, {
        customFields: { budget: 1200.25, lens: '35mm' },
      })
      const task = await taskOf('001', 'Keyframe') // in WIP: not client-allowed
      await call(studio, p.seats.manager, 'POST', `/api/tasks/${task}/comments`, { text: 'internal only: SECRET-NOTE' })
      events.length = 0
      await call(studio, p.seats.manager, 'POST', `/api/tasks/${task}/comments`, {
        text: 'still internal SECRET-NOTE',
        statusId: status('Pending'),
      })
      const hidden = new Set(p.statuses.filter((s) => !s.clientAllowed).map((s) => s.id))
      const bodies = [
        JSON.stringify((await page('client')).items),
        JSON.stringify((await page('client', '&search=00')).items),
        (await call(studio, p.seats.client, 'GET', `/api/shots/${shot?.id}`)).raw.toString(),
        (await call(studio, p.seats.client, 'GET', `/api/tasks/${task}`)).raw.toString(),
        JSON.stringify(
          ShotTable.parse((await call(studio, p.seats.client, 'GET', `/api/projects/${p.projectId}/shot-table`)).json),
        ),
        (await call(studio, p.seats.client, 'GET', `/api/projects/${p.projectId}/activity`)).raw.toString(),
        (
          await call(studio, p.seats.client, 'GET', `/api/projects/${p.projectId}/shots/export?format=csv`)
        ).raw.toString(),
        (await call(studio, p.seats.client, 'GET', `/api/projects/${p.projectId}`)).raw.toString(),
        JSON.stringify(events.filter((e) => e.room === `user:${p.seats.client.userId}`)),
      ]
      for (const body of bodies) {
        for (const id of hidden) expect(body).not.toContain(id)
        expect(body).not.toContain('SECRET-NOTE')
        expect(body).not.toContain('1200.25') // ids are hex: only the value has a dot
        expect(body).not.toMatch(/Budget|"WIP"|,WIP,|Pending/)
      }
      expect(bodies[0]).toContain('35mm')
      expect((await call(studio, p.seats.client, 'GET', `${shotsUrl()}?statusIds=${status('WIP')}`)).status).toBe(404)
      expect(events.some((e) => e.room === `project:${p.projectId}`)).toBe(true)
    })

    it('shows a vendor only the shots and tasks assigned to them', async () => {
      expect((await page('vendor')).items).toEqual([])
      const task = await taskOf('003', 'Post')
      await call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/tasks/batch-assign`, {
        taskIds: [task],
        userIds: [p.seats.vendor.userId],
      })
      const { items } = await page('vendor')
      expect(items.map((s) => s.code)).toEqual(['003'])
      expect(items[0]?.tasks.map((t) => t.id)).toEqual([task])
      const other = (await page('manager')).items.find((s) => s.code === '002')
      expect((await call(studio, p.seats.vendor, 'GET', `/api/shots/${other?.id}`)).status).toBe(404)
      const table = ShotTable.parse(
        (await call(studio, p.seats.vendor, 'GET', `/api/projects/${p.projectId}/shot-table`)).json,
      )
      expect(table.shots.code).toEqual(['003'])
    })

    it('hides the project from non-members and refuses them its room', async () => {
      const outsider = await studio.signIn('artist')
      const res = await call(
        studio,
        { token: outsider.accessToken, userId: outsider.user.id, email: '' },
        'GET',
        `/api/projects/${p.projectId}`,
      )
      expect(res.status).toBe(404)
      const policy = studio.production.roomPolicy(() => true)
      expect(await policy({ userId: outsider.user.id, role: 'artist' }, `project:${p.projectId}`)).toBe(false)
      expect(await policy({ userId: p.seats.artist.userId, role: 'artist' }, `project:${p.projectId}`)).toBe(true)
      expect(await policy({ userId: p.seats.client.userId, role: 'client' }, `project:${p.projectId}`)).toBe(false)
    })

    it('exports and re-imports a sheet as a no-op, and flags codes that lost their zeros', async () => {
      for (const format of ['xlsx', 'csv'] as const) {
        const file = await call(
          studio,
          p.seats.manager,
          'GET',
          `/api/projects/${p.projectId}/shots/export?format=${format}`,
        )
        expect(file.status).toBe(200)
        const res = await call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/shots/import`, {
          format,
          contentBase64: file.raw.toString('base64'),
          dryRun: false,
        })
        const report = ImportReport.parse(res.json)
        expect(report).toMatchObject({ creates: [], updates: [], conflicts: [], unchanged: 4, applied: false })
      }
      const csv = 'Sequence,Shot,Description\r\nSQ010,1,lost zeros\r\nSQ010,005,new shot\r\n'
      const dry = ImportReport.parse(
        (
          await call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/shots/import`, {
            format: 'csv',
            contentBase64: Buffer.from(csv).toString('base64'),
          })
        ).json,
      )
      expect(dry.conflicts.map((c) => c.message).join()).toMatch(/"001" exists/)
      expect(dry.creates).toEqual([{ row: 3, sequence: 'SQ010', code: '005' }])
      expect(dry.applied).toBe(false)
    })
  })
}
