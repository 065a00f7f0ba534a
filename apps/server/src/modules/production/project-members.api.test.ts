// The project team over HTTP on both engines: a manager adds people, sets their project role
// (which changes what they may do at once) and removes them, but never the last manager.
import { Department, ErrorBody, Member } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { call, type Seat, type TeamProject, teamProject } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

const Members = z.object({ items: z.array(Member) })

for (const engine of testEngines('project members')) {
  describe(`project members [${engine}]`, () => {
    let studio: TestStudio
    let team: TeamProject
    let base = ''
    beforeAll(async () => {
      studio = await createTestStudio(engine)
      team = await teamProject(studio, 'TEAM')
      base = `/api/projects/${team.projectId}/members`
    })
    afterAll(async () => studio.close())

    const seatOf = async (role: 'artist' | 'manager'): Promise<Seat> => {
      const s = await studio.signIn(role)
      return { token: s.accessToken, userId: s.user.id, email: s.user.email }
    }

    it('makes an artist a project supervisor, which lets them edit the breakdown, and back', async () => {
      const { manager, artist } = team.seats
      const addSequence = (code: string) =>
        call(studio, artist, 'POST', `/api/projects/${team.projectId}/sequences`, { code })
      expect((await addSequence('SQ020')).status).toBe(403)
      const promoted = await call(studio, manager, 'PUT', `${base}/${artist.userId}`, {
        role: 'supervisor',
        departments: ['Comp'],
      })
      expect(Member.parse(promoted.json)).toMatchObject({
        role: 'supervisor',
        projectRole: 'supervisor',
        departments: ['Comp'],
      })
      expect((await addSequence('SQ020')).status).toBe(201)
      await call(studio, manager, 'PUT', `${base}/${artist.userId}`, { role: null })
      expect((await addSequence('SQ030')).status).toBe(403)
    })

    it('refuses to remove or demote the last manager, and allows it once another manager is on the team', async () => {
      const manager = await seatOf('manager')
      const created = await call(studio, manager, 'POST', '/api/projects', { code: 'SOLO', name: 'Solo' })
      const projectId = z.object({ id: z.string() }).parse(created.json).id
      const url = `/api/projects/${projectId}/members`
      const members = Members.parse((await call(studio, manager, 'GET', url)).json).items
      expect(members.map((m) => m.userId)).toEqual([manager.userId])

      const removed = await call(studio, manager, 'DELETE', `${url}/${manager.userId}`)
      expect(removed.status).toBe(422)
      expect(ErrorBody.parse(removed.json).error).toMatchObject({
        code: 'rule_violation',
        details: { rule: 'last_manager' },
      })
      const demoted = await call(studio, manager, 'PUT', `${url}/${manager.userId}`, { role: 'artist' })
      expect(demoted.status).toBe(422)

      const artist = await seatOf('artist')
      expect((await call(studio, manager, 'PUT', `${url}/${artist.userId}`, { role: 'manager' })).status).toBe(200)
      expect((await call(studio, manager, 'DELETE', `${url}/${manager.userId}`)).status).toBe(204)
      const left = Members.parse((await call(studio, artist, 'GET', url)).json).items
      expect(left.map((m) => [m.userId, m.role])).toEqual([[artist.userId, 'manager']])
    })

    it('creates, renames and deletes departments; members and task types follow', async () => {
      const { manager, supervisor, artist } = team.seats
      const url = `/api/projects/${team.projectId}/departments`
      const Departments = z.object({ items: z.array(Department) })
      const created = await call(studio, manager, 'POST', url, { name: 'Lighting' })
      expect(created.status).toBe(201)
      expect(Department.parse(created.json)).toEqual({ name: 'Lighting', memberCount: 0, taskTypeCount: 0 })
      const twice = await call(studio, manager, 'POST', url, { name: 'Lighting' })
      expect(twice.status).toBe(409)
      expect(ErrorBody.parse(twice.json).error.details).toEqual({ rule: 'department_exists' })
      expect((await call(studio, supervisor, 'POST', url, { name: 'Sound' })).status).toBe(403)

      // The supervisor is in Keyframe (teamProject); renaming carries them along.
      const renamed = await call(studio, manager, 'PATCH', `${url}/Keyframe`, { name: '키프레임' })
      expect(Department.parse(renamed.json)).toMatchObject({ name: '키프레임', memberCount: 1 })
      const members = Members.parse((await call(studio, artist, 'GET', `${base}`)).json).items
      expect(members.find((m) => m.userId === supervisor.userId)?.departments).toEqual(['키프레임'])
      const names = Departments.parse((await call(studio, artist, 'GET', url)).json).items.map((d) => d.name)
      expect(names).toContain('Lighting')
      expect(names).not.toContain('Keyframe')

      expect((await call(studio, manager, 'DELETE', `${url}/${encodeURIComponent('키프레임')}`)).status).toBe(204)
      const after = Members.parse((await call(studio, artist, 'GET', `${base}`)).json).items
      expect(after.find((m) => m.userId === supervisor.userId)?.departments).toEqual([])
      expect((await call(studio, manager, 'DELETE', `${url}/Nowhere`)).status).toBe(404)
    })

    it('refuses team changes to members who do not run the project', async () => {
      const { supervisor, artist } = team.seats
      const res = await call(studio, supervisor, 'PUT', `${base}/${artist.userId}`, { role: 'manager' })
      expect(res.status).toBe(403)
    })
  })
}
