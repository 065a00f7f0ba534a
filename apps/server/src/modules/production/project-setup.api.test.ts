// Setting up a project: from a template, by copying another project's configuration (never
// its shots), and archiving (hidden from the default list, read-only) and unarchiving.
import { Project, ProjectSummary, ShotPage } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { call, type TeamProject, teamProject } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

const Listed = z.object({ items: z.array(ProjectSummary) })
const Refusal = z.object({
  error: z.object({ code: z.string(), details: z.record(z.string(), z.unknown()).optional() }),
})

for (const engine of testEngines('project setup')) {
  describe(`project setup [${engine}]`, () => {
    let studio: TestStudio
    let team: TeamProject
    beforeAll(async () => {
      studio = await createTestStudio(engine)
      team = await teamProject(studio, 'SRC')
    })
    afterAll(async () => studio.close())

    it('creates a film from its template: task types, custom fields, code rules and format as asked', async () => {
      const res = await call(studio, team.seats.manager, 'POST', '/api/projects', {
        code: 'FILM',
        name: 'Film',
        template: 'film',
        fps: 23.976,
        namingTemplates: { shotFolder: 'films/{project}/{sequence}/{shot}' },
      })
      expect(res.status).toBe(201)
      const p = Project.parse(res.json)
      expect(p.taskTypes.map((t) => t.name)).toEqual(['Layout', 'Keyframe', 'Animation', 'Lighting', 'Comp'])
      expect(p.customFields.map((f) => f.key)).toEqual(['lens_mm', 'scene'])
      expect(p.codeRules).toEqual({
        group: 'sequence',
        sequence: { prefix: 'SQ', digits: 3, step: 10 },
        shot: { prefix: 'SH', digits: 4, step: 10 },
      })
      expect(p.fps).toBe(23.976)
      expect(p.namingTemplates.shotFolder).toBe('films/{project}/{sequence}/{shot}')
      expect(p.statuses.filter((s) => s.isDefault)).toHaveLength(1)
      expect(p.folderStatusId).toBe(p.statuses.find((s) => s.isWip)?.id)
      expect(p.archived).toBe(false)
    })

    it('names episodes as the grouping level of a series', async () => {
      const res = await call(studio, team.seats.manager, 'POST', '/api/projects', {
        code: 'SERIES',
        name: 'Series',
        template: 'series',
      })
      expect(Project.parse(res.json).codeRules.group).toBe('episode')
    })

    it("copies another project's statuses, task types, fields and naming templates, not its shots", async () => {
      const m = team.seats.manager
      const base = `/api/projects/${team.projectId}`
      await call(studio, m, 'POST', `${base}/statuses`, {
        name: 'On hold',
        shortName: 'hld',
        color: '#123456',
        boardRole: 'pending',
        isRetake: true,
      })
      await call(studio, m, 'POST', `${base}/custom-fields`, {
        key: 'lens',
        name: 'Lens',
        type: 'list',
        choices: ['35'],
      })
      await call(studio, m, 'PATCH', base, { namingTemplates: { version: 'v{version:04}' } })
      await call(studio, m, 'POST', `${base}/shots`, { shots: [{ sequenceId: team.sequenceId, code: 'SH0010' }] })
      const source = Project.parse((await call(studio, m, 'GET', base)).json)

      const res = await call(studio, m, 'POST', '/api/projects', {
        code: 'COPY',
        name: 'Copy',
        copyFromProjectId: team.projectId,
      })
      expect(res.status).toBe(201)
      const copy = Project.parse(res.json)
      const shape = (p: Project) => ({
        statuses: p.statuses.map(({ id: _, ...s }) => s),
        taskTypes: p.taskTypes.map(({ id: _, ...t }) => t),
        customFields: p.customFields.map(({ id: _, ...f }) => f),
        namingTemplates: p.namingTemplates,
        codeRules: p.codeRules,
      })
      expect(shape(copy)).toEqual(shape(source))
      expect(copy.statuses.find((s) => s.name === 'On hold')).toMatchObject({ color: '#123456', isRetake: true })
      expect(copy.statuses.map((s) => s.id)).not.toContain(source.statuses[0]?.id)
      const folderAt = source.statuses.findIndex((s) => s.id === source.folderStatusId)
      expect(copy.folderStatusId).toBe(copy.statuses[folderAt]?.id)
      const shots = ShotPage.parse((await call(studio, m, 'GET', `/api/projects/${copy.id}/shots`)).json)
      expect(shots.items).toEqual([])
    })

    it('refuses to copy a project the caller is not on, and a template and a copy at once', async () => {
      const stranger = await studio.signIn('manager')
      const seat = { token: stranger.accessToken, userId: stranger.user.id, email: stranger.user.email }
      const hidden = await call(studio, seat, 'POST', '/api/projects', {
        code: 'SNEAK',
        name: 'Sneak',
        copyFromProjectId: team.projectId,
      })
      expect(hidden.status).toBe(404)
      const both = await call(studio, team.seats.manager, 'POST', '/api/projects', {
        code: 'BOTH',
        name: 'Both',
        template: 'film',
        copyFromProjectId: team.projectId,
      })
      expect(both.status).toBe(400)
    })

    it('archives a project: hidden from the default list, readable, read-only until unarchived', async () => {
      const { manager, artist } = team.seats
      const created = Project.parse(
        (await call(studio, manager, 'POST', '/api/projects', { code: 'OLD', name: 'Old', template: 'commercial' }))
          .json,
      )
      const base = `/api/projects/${created.id}`
      expect((await call(studio, artist, 'POST', `${base}/archive`)).status).toBe(404)
      await call(studio, manager, 'PUT', `${base}/members/${artist.userId}`, {})
      expect((await call(studio, artist, 'POST', `${base}/archive`)).status).toBe(403)

      const archived = await call(studio, manager, 'POST', `${base}/archive`)
      expect(archived.status).toBe(200)
      expect(Project.parse(archived.json).archived).toBe(true)
      const codes = async (query = '') =>
        Listed.parse((await call(studio, manager, 'GET', `/api/projects${query}`)).json).items.map((p) => p.code)
      expect(await codes()).not.toContain('OLD')
      expect(await codes('?includeArchived=true')).toContain('OLD')
      expect((await call(studio, artist, 'GET', base)).status).toBe(200)

      const writes = [
        await call(studio, manager, 'PATCH', base, { name: 'Renamed' }),
        await call(studio, manager, 'POST', `${base}/sequences`, { code: 'SP01' }),
        await call(studio, manager, 'POST', `${base}/statuses`, { name: 'X', shortName: 'x', boardRole: 'wip' }),
      ]
      for (const w of writes) {
        expect(w.status).toBe(422)
        expect(Refusal.parse(w.json).error.details).toMatchObject({ reason: 'project_archived' })
      }

      const back = await call(studio, manager, 'POST', `${base}/unarchive`)
      expect(Project.parse(back.json).archived).toBe(false)
      expect(await codes()).toContain('OLD')
      expect((await call(studio, manager, 'POST', `${base}/sequences`, { code: 'SP01' })).status).toBe(201)
    })
  })
}
