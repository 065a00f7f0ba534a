// Permission rules beyond the basics, through the HTTP API and the realtime hub on both
// engines: vendors see only outside-visible custom fields, supervisors with departments see
// their departments' activity and events, and a client's comments stay between that client
// and the studio unless shared with all clients.
import { Activity, Project, ShotPage, ShotTable, TaskDetail } from '@aipipeline/contracts'
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

const ActivityList = z.object({ items: z.array(Activity) })

for (const engine of testEngines('production permissions')) {
  describe(`production permissions [${engine}]`, () => {
    let studio: TestStudio
    let p: TeamProject
    let events: ReturnType<typeof recordEvents>
    let secondClient: Seat
    const shotsUrl = () => `/api/projects/${p.projectId}/shots`
    const status = (name: string) => p.statuses.find((s) => s.name === name)?.id ?? ''
    const taskType = (name: string) => p.taskTypes.find((t) => t.name === name)?.id ?? ''
    const taskOf = async (code: string, type: string) => {
      const res = await call(studio, p.seats.manager, 'GET', `${shotsUrl()}?limit=50`)
      const shot = ShotPage.parse(res.json).items.find((s) => s.code === code)
      const task = shot?.tasks.find((t) => t.taskTypeId === taskType(type))
      if (!task) throw new Error(`${code}/${type}`)
      return task.id
    }

    beforeAll(async () => {
      studio = await createTestStudio(engine, {
        config: { dataDir: `/tmp/aipipeline-perm-test-${process.pid}-${engine}` },
      })
      events = recordEvents(studio)
      p = await teamProject(studio, `P${engine.slice(0, 2).toUpperCase()}`)
      const shots = ['010', '020'].map((code) => ({ sequenceId: p.sequenceId, code }))
      expect((await call(studio, p.seats.manager, 'POST', shotsUrl(), { shots })).status).toBe(201)
      const s = await studio.signIn('client')
      secondClient = { token: s.accessToken, userId: s.user.id, email: s.user.email }
      await call(studio, p.seats.manager, 'PUT', `/api/projects/${p.projectId}/members/${secondClient.userId}`, {})
    })
    afterAll(async () => studio.close())

    it('shows a vendor only the custom fields flagged client-visible (visible outside the studio)', async () => {
      for (const [key, name, clientVisible] of [
        ['budget', 'Budget', false],
        ['lens', 'Lens', true],
      ] as const)
        await call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/custom-fields`, {
          key,
          name,
          type: key === 'budget' ? 'number' : 'text',
          clientVisible,
        })
      const shot = ShotPage.parse((await call(studio, p.seats.manager, 'GET', shotsUrl())).json).items[0]
      await call(studio, p.seats.manager, 'PATCH', `/api/shots/${shot?.id}`, {
        customFields: { budget: 98765.25, lens: '35mm' },
      })
      const task = await taskOf('010', 'Post')
      await call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/tasks/batch-assign`, {
        taskIds: [task],
        userIds: [p.seats.vendor.userId],
      })
      const v = p.seats.vendor
      const page = ShotPage.parse((await call(studio, v, 'GET', shotsUrl())).json)
      expect(page.items[0]?.customFields).toEqual({ lens: '35mm' })
      const table = ShotTable.parse((await call(studio, v, 'GET', `/api/projects/${p.projectId}/shot-table`)).json)
      expect(table.shots.customFields).toEqual([{ lens: '35mm' }])
      const project = Project.parse((await call(studio, v, 'GET', `/api/projects/${p.projectId}`)).json)
      expect(project.customFields.map((f) => f.key)).toEqual(['lens'])
      const bodies = [
        (await call(studio, v, 'GET', `/api/shots/${shot?.id}`)).raw.toString(),
        (await call(studio, v, 'GET', `/api/projects/${p.projectId}/shots/export?format=csv`)).raw.toString(),
      ]
      await call(studio, p.seats.manager, 'PATCH', `/api/tasks/${task}`, { priority: 3 })
      const log = ActivityList.parse((await call(studio, v, 'GET', `/api/projects/${p.projectId}/activity`)).json)
      expect(log.items.find((e) => e.event === 'task:update')?.data).toEqual({ fields: ['priority'] })
      for (const body of bodies) {
        expect(body).toContain('35mm')
        expect(body).not.toMatch(/98765\.25|Budget|budget/)
      }
    })

    it('shows a supervisor with departments only their departments’ activity, listed and live', async () => {
      const keyframe = await taskOf('020', 'Keyframe')
      const post = await taskOf('020', 'Post')
      events.length = 0
      await call(studio, p.seats.manager, 'POST', `/api/tasks/${keyframe}/comments`, { text: 'keyframe note' })
      await call(studio, p.seats.manager, 'POST', `/api/tasks/${post}/comments`, {
        text: 'post note',
        statusId: status('WIP'),
      })
      const list = ActivityList.parse(
        (await call(studio, p.seats.supervisor, 'GET', `/api/projects/${p.projectId}/activity`)).json,
      )
      const tasks = new Set(list.items.flatMap((e) => (e.taskId ? [e.taskId] : [])))
      expect(tasks.has(keyframe)).toBe(true)
      expect(tasks.has(post)).toBe(false)
      expect(list.items.some((e) => e.event === 'shot:new')).toBe(true)

      const policy = studio.production.roomPolicy(() => true)
      const supervisor = { userId: p.seats.supervisor.userId, role: 'supervisor' as const }
      expect(await policy(supervisor, `project:${p.projectId}`)).toBe(false)
      const mine = events.filter((e) => e.room === `user:${p.seats.supervisor.userId}`)
      const about = (id: string) => mine.filter((e) => JSON.stringify(e.payload).includes(id))
      expect(about(keyframe).map((e) => e.event)).toContain('comment:new')
      expect(about(post)).toEqual([])
    })

    it('keeps a client’s comment between that client and the studio unless shared with all clients', async () => {
      const task = await taskOf('010', 'Keyframe')
      events.length = 0
      await call(studio, p.seats.client, 'POST', `/api/tasks/${task}/comments`, { text: 'PRIVATE-CLIENT-NOTE' })
      await call(studio, p.seats.client, 'POST', `/api/tasks/${task}/comments`, {
        text: 'SHARED-CLIENT-NOTE',
        forClient: true,
      })
      const texts = async (seat: Seat) =>
        TaskDetail.parse((await call(studio, seat, 'GET', `/api/tasks/${task}`)).json).comments.map((c) => c.text)
      expect(await texts(p.seats.client)).toEqual(['PRIVATE-CLIENT-NOTE', 'SHARED-CLIENT-NOTE'])
      expect(await texts(p.seats.manager)).toEqual(['PRIVATE-CLIENT-NOTE', 'SHARED-CLIENT-NOTE'])
      expect(await texts(secondClient)).toEqual(['SHARED-CLIENT-NOTE'])

      const activity = async (seat: Seat) =>
        ActivityList.parse((await call(studio, seat, 'GET', `/api/projects/${p.projectId}/activity`)).json).items
      const comments = (items: z.infer<typeof Activity>[]) => items.filter((e) => e.event === 'comment:new').length
      expect(comments(await activity(p.seats.client))).toBe(2)
      expect(comments(await activity(secondClient))).toBe(1)
      const live = (seat: Seat) =>
        events.filter((e) => e.room === `user:${seat.userId}` && e.event === 'comment:new').length
      expect(live(p.seats.client)).toBe(2)
      expect(live(secondClient)).toBe(1)
    })
  })
}
